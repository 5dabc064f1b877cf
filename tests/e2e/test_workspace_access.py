"""Journey 5: a member opens their workspace and downloads a file; others are refused."""

import re
from urllib.parse import urljoin

import pytest
from playwright.sync_api import expect

from .site import LOGIN, WORKSPACE, WORKSPACE_INTERNAL_TEXT, log_in

pytestmark = pytest.mark.e2e

LOGIN_DE = LOGIN.format(lang="de")


def test_member_logs_in_and_opens_workspace(open_context):
    page = open_context().new_page()
    response = log_in(page, "lenkung", next_path=WORKSPACE)
    assert response.status == 200
    expect(page).to_have_url(re.compile(re.escape(WORKSPACE) + "$"))
    expect(page.locator("main h1")).to_have_text("Lenkungsgruppe")
    expect(page.locator("main")).to_contain_text(WORKSPACE_INTERNAL_TEXT)
    cache_control = response.headers.get("cache-control", "")
    assert "private" in cache_control, f"workspace page Cache-Control: {cache_control!r}"
    assert "no-store" in cache_control, f"workspace page Cache-Control: {cache_control!r}"


def test_member_downloads_minutes_pdf(open_context, portal_url):
    page = open_context(login="lenkung").new_page()
    page.goto(WORKSPACE)
    documents = page.locator("main a[href*='/documents/']")
    expect(documents.first).to_be_attached()  # the demo workspace links its minutes
    href = urljoin(portal_url + WORKSPACE, documents.first.get_attribute("href"))
    # A PDF opens inline, so fetch it with the page's cookies rather than wait for a download.
    response = page.request.get(href)
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.body().startswith(b"%PDF")
    assert "no-store" in response.headers.get("cache-control", "")
    # The same file URL refuses a visitor without the member's session.
    anonymous = open_context().request.get(href, max_redirects=0)
    assert anonymous.status in (302, 403), f"anonymous download answered {anonymous.status}"
    assert WORKSPACE_INTERNAL_TEXT.encode() not in anonymous.body()


def test_anonymous_visitor_is_sent_to_login(open_context):
    page = open_context().new_page()
    page.goto(WORKSPACE)
    expect(page).to_have_url(re.compile(re.escape(LOGIN_DE) + r"\?next="))
    expect(page.locator("main h1")).to_be_visible()
    assert WORKSPACE_INTERNAL_TEXT not in page.content()


def test_member_of_another_group_is_refused(open_context):
    page = open_context(login="pg-sprache").new_page()
    page.goto(WORKSPACE)
    expect(page).to_have_url(re.compile(re.escape(LOGIN_DE) + r"\?next="))
    expect(page.locator("main .notice")).to_contain_text("pg-sprache")
    assert WORKSPACE_INTERNAL_TEXT not in page.content()
    # Their own workspace opens.
    page.goto("/de/gremien/pg-sprachfoerderung/")
    expect(page.locator("main")).to_contain_text(WORKSPACE_INTERNAL_TEXT)
