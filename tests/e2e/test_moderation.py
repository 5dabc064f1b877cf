"""Journey 6: an editor changes a page and submits it; the moderator approves; it is public.

Wagtail's default workflow (created by Wagtail's migrations on the root page, renamed
"Redaktionelle Freigabe" by the portal's migration) applies to every page. The journey runs
on ``TARGET`` and changes ``TARGET_FIELD``; when service pages exist, point it at one
(e.g. ``/de/beratung/<slug>/``).
"""

import re
import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .site import DEMO_PASSWORD

pytestmark = pytest.mark.e2e

TARGET = "/de/kontakt/"  # a service page (/de/beratung/<slug>/) once issue 3 lands
TARGET_FIELD = "#id_intro"  # a plain text field of the target's edit form


def admin_login(context, username):
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    with page.expect_navigation():
        page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def more_actions(page, selector):
    """Open the editor footer's "More actions" menu and click ``selector`` in it.

    Selectors, not labels: the admin speaks the editor's language (German here).
    """
    page.locator("footer .w-dropdown__toggle").click()
    page.locator(f"footer .w-dropdown__content {selector}").click()


def test_editor_submits_moderator_approves_change_is_public(open_context):
    marker = f"Geprüfte Änderung {int(time.time())}"

    # The editor opens the page from the public site through the user bar's "Edit this page".
    editor = admin_login(open_context(), "editor")
    editor.goto(TARGET)
    edit_url = editor.locator("a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute(
        "href"
    )
    editor.goto(edit_url)
    editor.fill(TARGET_FIELD, marker)
    with editor.expect_navigation():
        more_actions(editor, "button[name=action-submit]")
    expect(editor.locator(".messages .success")).to_be_visible()

    visitor = open_context().new_page()
    visitor.goto(TARGET)
    expect(visitor.locator("main")).not_to_contain_text(marker)  # not before approval

    moderator = admin_login(open_context(), "moderator")
    # The dashboard's "Awaiting your review" lists the page, linking to its edit view.
    expect(moderator.locator(f"main a[href$='{urlsplit(edit_url).path}']").first).to_be_visible()
    moderator.goto(edit_url)
    with moderator.expect_navigation():
        more_actions(
            moderator,
            "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])",
        )
    expect(moderator.locator(".messages .success")).to_be_visible()

    visitor.reload()
    expect(visitor.locator("main")).to_contain_text(marker)
