"""Journey 3: keyboard only — skip link, site search directory filter, back."""

import re

import pytest
from playwright.sync_api import expect

from .site import DIRECTORY

pytestmark = pytest.mark.e2e


def focused(page):
    """A short description of the focused element: tag#id.class[name]."""
    return page.evaluate(
        """() => { const e = document.activeElement;
        return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
          + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '')
          + (e.name ? '[' + e.name + ']' : ''); }"""
    )


def tab_until(page, selector, key="Tab", limit=40):
    """Press ``key`` until ``selector`` has focus; fails after ``limit`` presses."""
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} not reached with {limit}× {key}; focus is on {focused(page)}")


def go_back(page):
    """The browser's Back (Alt+Left).

    Alt+Left is handled by the browser's own window, which headless Chromium does not have,
    so the key press does nothing there; ``go_back`` is the same step through the history.
    """
    page.go_back()


def test_skip_link_site_search_and_back(page):
    page.goto("/de/")
    page.keyboard.press("Tab")
    assert focused(page) == "a.skip-link", "the skip link must be the first focusable element"
    expect(page.locator(".skip-link")).to_be_visible()  # shown on focus
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/de/#main$"))
    assert focused(page) == "main#main", "Enter on the skip link must move focus to <main>"

    # Back up from <main> through navigation and language links to the search field.
    tab_until(page, "#site-search-q", key="Shift+Tab")
    page.keyboard.type("Ausbildung")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/de/suche/\?q=Ausbildung$"))
    expect(page.locator("main [role=status]").first).to_contain_text("Ausbildung")
    results = page.locator("main .search-results a")
    assert results.count() > 0, "the demo content has pages about Ausbildung"

    # Forward to the first result, open it with Enter, then Back.
    tab_until(page, "main .search-results a")
    target = page.evaluate("document.activeElement.getAttribute('href')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(target)
    go_back(page)
    expect(page).to_have_url(re.compile(r"/de/suche/\?q=Ausbildung$"))


def test_directory_filter_by_keyboard(page):
    page.goto(DIRECTORY.format(lang="de"))
    expect(page.locator("main form [name=q]")).to_be_attached()
    tab_until(page, "main form [name=q]")
    page.keyboard.type("Ausbildung")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"[?&]q=Ausbildung"))
    results_url = page.url
    # Past every facet checkbox (one tab stop each) to the first result.
    tab_until(page, "main a[href*='/beratung/']:not([href*='?'])", limit=200)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url != results_url
    go_back(page)
    assert page.url == results_url
