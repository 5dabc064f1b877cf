"""Journeys 1, 2 and 4: find a counselling service, in German, in Arabic, without JavaScript.

Written against the directory contract of docs/directory.md (GET ``q``, ``town``,
``language`` on ``/<lang>/beratung/``; details at ``/<lang>/beratung/<slug>/``). The form
exists, so a missing form is a failure, never a skip.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .site import DIRECTORY, REPORT_DIR, WIDTHS

pytestmark = pytest.mark.e2e

SEARCH = {"q": "Ausbildung", "town": "velbert", "language": "ar"}


def filter_form(page):
    form = page.locator("main form:has([name=q])")
    expect(form.first).to_be_attached()
    return form.first


def choose(form, name, value):
    """Pick ``value`` for ``name``, whether the form offers a <select> or checkboxes/radios."""
    field = form.locator(f"[name={name}]").first
    if field.evaluate("e => e.tagName") == "SELECT":
        field.select_option(value)
    else:
        form.locator(f"[name={name}][value='{value}']").check()


def find_services(page, lang):
    """Run the multiplier's search; returns the result links."""
    page.goto(DIRECTORY.format(lang=lang))
    form = filter_form(page)
    form.locator("[name=q]").fill(SEARCH["q"])
    # On a phone the filters are folded into a disclosure (issue #22): open it as a user would.
    filters = form.locator("summary.directory-filters__button")
    if filters.is_visible() and not form.locator("details.directory-filters").evaluate(
        "d => d.open"
    ):
        filters.click()
    choose(form, "town", SEARCH["town"])
    choose(form, "language", SEARCH["language"])
    with page.expect_navigation():
        form.locator("[name=q]").press("Enter")  # implicit submission works without JS too
    params = parse_qs(urlsplit(page.url).query)
    for name, value in SEARCH.items():
        assert params.get(name) == [value], f"{name} missing from {page.url}"
    detail = re.compile(rf"^/{lang}/beratung/[^/?#]+/$")
    links = [
        href
        for href in page.locator("main a[href]").evaluate_all("as => as.map(a => a.pathname)")
        if detail.match(href)
    ]
    assert links, f"no service for {SEARCH} in the demo data ({page.url})"
    return links


def assert_layout_direction(page, rtl):
    """The document's direction, and the logo (a mirrored element) on the matching side."""
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if rtl else "ltr")
    box = page.locator(".site-logo").bounding_box()
    width = page.viewport_size["width"]
    centre = box["x"] + box["width"] / 2
    if rtl:
        assert centre > width / 2, f"logo at x={box['x']:.0f} of {width}: not on the right"
    else:
        assert centre < width / 2, f"logo at x={box['x']:.0f} of {width}: not on the left"


def open_and_print(page, href, lang):
    page.goto(href)
    expect(page.locator("main h1")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()  # print stylesheet: content only
    expect(page.locator("main h1")).to_be_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    (REPORT_DIR / f"directory-print-{lang}.pdf").write_bytes(pdf)


def test_journey_1_find_velbert_arabic_and_print(page):
    links = find_services(page, "de")
    open_and_print(page, links[0], "de")


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_journey_2_right_to_left(open_context, width):
    page = open_context(viewport={"width": width, "height": 800}).new_page()
    page.goto(DIRECTORY.format(lang="ar"))
    assert_layout_direction(page, rtl=True)
    links = find_services(page, "ar")
    assert_layout_direction(page, rtl=True)
    open_and_print(page, links[0], "ar")


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_layout_direction_of_home(open_context, lang):
    """Runs before the directory exists: the RTL mirroring of the shared header."""
    for width in WIDTHS.values():
        page = open_context(viewport={"width": width, "height": 800}).new_page()
        page.goto(f"/{lang}/")
        assert_layout_direction(page, rtl=lang == "ar")


def test_journey_4_directory_without_javascript(open_context):
    page = open_context(java_script_enabled=False).new_page()
    links = find_services(page, "de")
    page.goto(links[0])
    expect(page.locator("main h1")).to_be_visible()
