"""Issue #15 item 9: the admin's live preview shows the page (it was blank: the preview
response carried ``frame-ancestors 'none'``, so the browser refused the iframe)."""

import pytest
from playwright.sync_api import expect

from .test_moderation import TARGET, TARGET_FIELD, admin_login

pytestmark = pytest.mark.e2e


def test_preview_panel_shows_the_page(open_context):
    page = admin_login(open_context(), "admin")
    blocked = []
    page.on("console", lambda message: blocked.append(message.text))
    page.goto(TARGET)
    edit_url = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute("href")
    page.goto(edit_url)
    marker = "Vorschau-Prüfung 15"
    page.fill(TARGET_FIELD, marker)
    # The side panel toggle of Wagtail 7.4's editor: "Preview".
    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("iframe[id^='w-preview-iframe'], .preview-panel iframe").first
    expect(frame.locator("main")).to_contain_text(marker, timeout=20_000)
    assert not [text for text in blocked if "frame-ancestors" in text], blocked
