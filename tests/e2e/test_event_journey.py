"""Journey: a multiplier finds a workshop, registers, confirms from the mail and cancels.

Works without JavaScript (the context has it switched off): plain forms and links. The
portal server writes its mails as files (``MAIL_DIR``); the journey reads the links there.
"""

import re

import pytest
from playwright.sync_api import expect

from .site import MAIL_DIR

pytestmark = pytest.mark.e2e

EVENTS = "/de/veranstaltungen/"
ADDRESS = "e2e-teilnahme@example.org"


def last_link(kind):
    """The newest ``bestaetigen``/``abmelden`` link mailed to ADDRESS (path only)."""
    mails = (
        sorted(MAIL_DIR.glob("*.log"), key=lambda p: p.stat().st_mtime) if MAIL_DIR.exists() else []
    )
    for path in reversed(mails):
        text = path.read_text(errors="replace")
        if ADDRESS not in text:
            continue
        # The file backend writes quoted-printable bodies for long lines; undo soft breaks.
        text = text.replace("=\n", "").replace("=3D", "=")
        found = re.findall(rf"https?://[^/\s]+(/de/veranstaltungen/{kind}/[^\s]+/)", text)
        if found:
            return found[-1]
    if not mails:
        pytest.skip("the portal server writes no mail files (E2E_BASE_URL?)")
    raise AssertionError(f"no {kind} link mailed to {ADDRESS}")


def test_find_register_confirm_and_cancel(open_context):
    context = open_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(EVENTS)
    page.select_option("#f-topic", "aufenthalt")
    with page.expect_navigation():
        page.locator("main form.event-filters button[type=submit]").click()
    page.get_by_role("link", name=re.compile("Workshop Aufenthaltsrecht")).click()
    expect(page.locator("h1")).to_contain_text("Workshop Aufenthaltsrecht")
    expect(page.locator(".event-registration")).to_contain_text("Plätze frei")

    form = page.locator("form.registration-form")
    form.get_by_label("Name", exact=True).fill("Erika Beispiel")
    form.get_by_label("E-Mail-Adresse", exact=True).fill(ADDRESS)
    form.get_by_label("Organisation oder Einrichtung", exact=True).fill("Beispielträger e. V.")
    form.locator("#id_consent").check()
    with page.expect_navigation():
        form.locator("button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Bitte sehen Sie in Ihre E-Mails")

    page.goto(last_link("bestaetigen"))
    with page.expect_navigation():
        page.get_by_role("button", name="Meine Anmeldung bestätigen").click()
    expect(page.locator("main")).to_contain_text("Ihr Platz ist bestätigt")

    page.goto(last_link("abmelden"))
    with page.expect_navigation():
        page.get_by_role("button", name="Meine Anmeldung stornieren").click()
    expect(page.locator("main")).to_contain_text("Ihre Anmeldung ist storniert")
