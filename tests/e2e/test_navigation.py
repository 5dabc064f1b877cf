"""The shared header as a visitor and as a member sees it."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

# Contrast of an element's text against the first opaque background behind it (WCAG formula).
CONTRAST = """e => {
    const rgb = s => s.match(/[\\d.]+/g).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map(v => {
        v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    let node = e, bg;
    while (node) {
        const c = rgb(getComputedStyle(node).backgroundColor);
        if (c.length < 4 || c[3] > 0) { bg = c; break; }
        node = node.parentElement;
    }
    const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(bg || [255, 255, 255])];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def test_main_menu_marks_only_the_current_section(page):
    page.goto("/de/ueber-kim/case-management/")
    current = page.locator(".main-nav a[aria-current]")
    expect(current).to_have_count(1)
    expect(current).to_have_attribute("href", "/de/ueber-kim/")


def test_member_sees_a_readable_log_out_button(open_context):
    page = open_context(login="lenkung").new_page()
    page.goto("/de/gremien/")
    button = page.locator(".main-nav form[action$='/abmelden/'] button")
    expect(button).to_be_visible()
    ratio = button.evaluate(CONTRAST)
    assert ratio >= 4.5, f"'Log out' contrast {ratio:.2f}:1"
    for link in page.locator(".main-nav a").all():
        assert link.evaluate(CONTRAST) >= 4.5, link.inner_text()


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_phone_menu_and_language_switcher_work_without_javascript(open_context, lang):
    """375 px, JavaScript off: one menu button and one language control, both <details>;
    keyboard opens them, the navigation and the language links then appear."""
    context = open_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/{lang}/")
    menu = page.locator("summary.site-menu__button")
    nav_link = page.locator(".main-nav a").first
    expect(menu).to_be_visible()
    expect(nav_link).to_be_hidden()
    # The directory search is on the first screen of the home page, above the fold.
    box = page.locator("#start-q").bounding_box()
    assert box and box["y"] + box["height"] < 800, box
    menu.focus()
    page.keyboard.press("Enter")
    expect(nav_link).to_be_visible()
    expect(page.locator("#site-search-q")).to_be_visible()

    languages = page.locator("summary.language-switcher__button")
    english = page.locator(".language-switcher a[hreflang=en]")
    expect(english).to_be_hidden()
    languages.focus()
    page.keyboard.press("Space")
    expect(english).to_be_visible()
    # The list opens towards the inline end: inside the screen in both directions.
    box = english.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    with page.expect_navigation():
        english.click()
    assert "/en/" in page.url


def test_desktop_shows_the_navigation_without_the_menu_button(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/de/")
    expect(page.locator("summary.site-menu__button")).to_be_hidden()
    expect(page.locator(".main-nav a").first).to_be_visible()
    expect(page.locator("#site-search-q")).to_be_visible()
