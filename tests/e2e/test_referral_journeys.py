"""Journeys of issue 18: "find service → print slip in Arabic", "guide → case management Velbert".

Both work without JavaScript: the slip link and the guide are plain GET forms.
"""

import pytest
from playwright.sync_api import expect

from .site import REPORT_DIR

pytestmark = pytest.mark.e2e


def test_find_service_and_print_the_slip_in_arabic(open_context):
    page = open_context(java_script_enabled=False).new_page()
    page.goto("/de/beratung/?town=velbert&type=jmd")
    page.locator("main a[href='/de/beratung/jmd-velbert/']").first.click()
    form = page.locator("form.slip-link__form")
    form.locator("[name=sprache]").select_option("ar")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    assert "/de/beratung/jmd-velbert/zettel/?sprache=ar" in page.url
    expect(page.locator("section.slip__half[lang=de][dir=ltr]")).to_be_visible()
    expect(page.locator("section.slip__half[lang=ar][dir=rtl]")).to_be_visible()
    expect(page.locator(".slip__qr svg")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".slip-tools")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    (REPORT_DIR / "slip-print-ar.pdf").write_bytes(pdf)
    response = page.request.get("/de/beratung/jmd-velbert/zettel/?sprache=ar&format=pdf")
    assert response.ok and response.headers["content-type"] == "application/pdf"


def test_guide_recommends_case_management_in_velbert(open_context):
    page = open_context(java_script_enabled=False).new_page()
    page.goto("/de/beratung/wegweiser/")
    form = page.locator("form.guide__form")
    for fieldset in form.locator("fieldset.guide__question").all():
        fieldset.locator("input[value=yes]").check()
    form.locator("[name=town]").select_option("velbert")
    form.locator("[name=age]").fill("35")
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    answer = page.locator("section.guide__answer")
    expect(answer).to_contain_text("KIM-Case-Management in Velbert")
    answer.locator("a[href*='/zettel/']").first.click()
    expect(page.locator("section.slip__half[lang=de]")).to_be_visible()
