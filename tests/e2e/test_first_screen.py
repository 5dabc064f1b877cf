"""The home page's first screen on a phone (issue #22): at 375 × 800 px the directory search
(what, town, age, the button) and the shortcuts (events, handbook, member login) end above the
fold, in German and in Arabic (right to left), with JavaScript off."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

FOLD = 800


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_search_and_shortcuts_are_on_the_first_screen(open_context, lang):
    context = open_context(viewport={"width": 375, "height": FOLD}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/{lang}/")
    form = page.locator("form.start-search__form")
    for field in ("#start-q", "#start-town", "#start-age", "form.start-search__form button"):
        expect(page.locator(field)).to_be_visible()
    shortcuts = page.locator("nav.shortcuts a.shortcut")
    # Events, handbook and the member login (the demo has all three).
    expect(shortcuts).to_have_count(3)
    expect(page.locator("nav.shortcuts a[href$='/anmelden/']")).to_have_count(1)
    boxes = {
        "search form": form.bounding_box(),
        "shortcuts": page.locator("nav.shortcuts").bounding_box(),
    }
    boxes |= {f"shortcut {n}": link.bounding_box() for n, link in enumerate(shortcuts.all())}
    for name, box in boxes.items():
        assert box is not None, name
        assert box["y"] >= 0 and box["y"] + box["height"] <= FOLD, (lang, name, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, (lang, name, box)
    # The search comes first, then the shortcuts, then the directory's topics.
    topics = page.locator("nav.start-topics")
    expect(topics).to_be_visible()
    assert boxes["search form"]["y"] < boxes["shortcuts"]["y"] < topics.bounding_box()["y"]
