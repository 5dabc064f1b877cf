"""No leak to outsiders: a secret marker in every private field, looked for everywhere.

Anonymous visitors, members of another group and the public site's editors must find no
marker through page URLs, site search, the overview, menus and breadcrumbs, document URLs,
previews, meta tags, error pages, iCal feeds, and the translations/aliases of all of these.
Each check has a positive control (a member of the group does see the marker), so a test
that cannot fail does not pass silently.
"""

import re

import pytest

from django.contrib.auth.models import AnonymousUser

from wagtail.models import Locale

from groups.models import CalendarToken
from tests.conftest import response_text

MARKERS = {
    "workspace_body": "Zqxnotiz",
    "meeting_title": "Zqxtitel",
    "meeting_place": "Zqxort",
    "search_description": "Zqxbeschreibung",
    "present": "Zqxanwesend",
    "agenda_title": "Zqxtagesordnung",
    "agenda_presenter": "Zqxvortrag",
    "minutes": "Zqxprotokoll",
    "decision": "Zqxbeschluss",
    "decision_responsible": "Zqxverantwortlich",
    "action": "Zqxaufgabe",
    "document_title": "Zqxdokument",
    "document_content": "Zqxdateiinhalt",
}
PREFIX = "Zqx"
OUTSIDERS = ["anonymous", "member_b", "editor", "moderator"]


@pytest.fixture
def secret(workspace_a, workspace_b, make_meeting, make_document, content_page):
    workspace_a.body = f"Notiz {MARKERS['workspace_body']}"
    workspace_a.search_description = "Interne Beschreibung"
    workspace_a.save_revision().publish()
    document = make_document(
        workspace_a,
        f"Anlage {MARKERS['document_title']}",
        content=f"%PDF-1.4\n% {MARKERS['document_content']}\n".encode(),
        filename="anlage-zqx.pdf",
    )
    meeting = make_meeting(
        workspace_a,
        title=f"Sitzung {MARKERS['meeting_title']}",
        slug="sitzung-geheim",
        place=MARKERS["meeting_place"],
        search_description=MARKERS["search_description"],
        present=MARKERS["present"],
        show_in_menus=True,
        agenda=[
            {
                "title": MARKERS["agenda_title"],
                "presenter": MARKERS["agenda_presenter"],
                "documents": [("document", document)],
                "minutes": f"<p>{MARKERS['minutes']}</p>",
            }
        ],
        decisions=[{"text": MARKERS["decision"], "responsible": MARKERS["decision_responsible"]}],
        actions=[{"what": MARKERS["action"]}],
    )
    return {"workspace": workspace_a, "meeting": meeting, "document": document}


def assert_no_marker(response, where, echo=None):
    text = response_text(response)
    if echo:  # the search page repeats the query itself; that is not a leak
        text = text.replace(echo, "")
    assert PREFIX not in text, f"{where}: private marker leaked ({response.status_code})"
    # Nor the slug of the private meeting (a hint that it exists).
    assert "sitzung-geheim" not in text or response.status_code in (301, 302), where


def _get(client, url, echo=None):
    response = client.get(url)
    assert_no_marker(response, url, echo)
    return response


def test_member_sees_every_marker(secret, client_for):
    """Positive control: the markers are really there for a member."""
    member = client_for("member_a")
    html = response_text(member.get(secret["meeting"].url))
    for key in [
        "meeting_title",
        "meeting_place",
        "present",
        "agenda_title",
        "agenda_presenter",
        "minutes",
        "decision",
        "document_title",
    ]:
        assert MARKERS[key] in html, key
    overview = response_text(member.get(secret["workspace"].url))
    for key in ["workspace_body", "decision", "decision_responsible", "action"]:
        assert MARKERS[key] in overview, key
    assert MARKERS["document_content"] in response_text(member.get(secret["document"].url))


@pytest.mark.parametrize("role", OUTSIDERS)
def test_page_urls(secret, client_for, role):
    client = client_for(role)
    meeting, workspace = secret["meeting"], secret["workspace"]
    for url in [
        workspace.url,
        meeting.url,
        meeting.url + "kalender/",
        workspace.url + "mitglieder/",
        workspace.url + "?status=agreed",
    ]:
        response = _get(client, url)
        assert response.status_code == 302 and "/anmelden/" in response["Location"], url


@pytest.mark.parametrize("role", OUTSIDERS)
def test_site_search(secret, client_for, role):
    client = client_for(role)
    for marker in MARKERS.values():
        response = _get(client, f"/de/suche/?q={marker}", echo=marker)
        assert "/gremien/lenkung/" not in response_text(response)


def test_site_search_finds_markers_for_members(secret, client_for):
    member = client_for("member_a")
    for key in ["meeting_title", "workspace_body", "minutes", "decision"]:
        html = response_text(member.get(f"/de/suche/?q={MARKERS[key]}"))
        assert "sitzung-geheim" in html or "/gremien/lenkung/" in html, key


@pytest.mark.parametrize("role", OUTSIDERS)
def test_overview_menus_breadcrumbs_and_public_pages(secret, client_for, content_page, role):
    client = client_for(role)
    for url in ["/de/", "/de/gremien/", content_page.url, "/de/anmelden/"]:
        response = _get(client, url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("role", OUTSIDERS)
def test_document_urls(secret, client_for, role):
    client = client_for(role)
    document = secret["document"]
    response = _get(client, document.url)
    assert response.status_code == 302
    assert _get(client, f"/media/{document.file.name}").status_code == 404
    assert _get(client, f"/documents/{document.pk}/other-name.pdf").status_code in (302, 404)


@pytest.mark.parametrize("role", OUTSIDERS)
def test_previews_and_admin(secret, client_for, role):
    client = client_for(role)
    meeting = secret["meeting"]
    for url in [
        f"/admin/pages/{meeting.pk}/view_draft/",
        f"/admin/pages/{meeting.pk}/edit/preview/",
        f"/admin/pages/{meeting.pk}/edit/",
        f"/admin/pages/{meeting.pk}/revisions/{meeting.latest_revision_id}/view/",
        f"/admin/documents/edit/{secret['document'].pk}/",
    ]:
        response = _get(client, url)
        assert response.status_code in (302, 403, 404), url
    # Admin searches echo the query; they must not list the meeting or the document.
    meeting_search = client.get(f"/admin/pages/search/?q={MARKERS['meeting_title']}")
    assert_no_marker(meeting_search, "admin page search", echo=MARKERS["meeting_title"])
    assert f"/admin/pages/{meeting.pk}/" not in response_text(meeting_search)
    document_search = client.get(f"/admin/documents/?q={MARKERS['document_title']}")
    assert_no_marker(document_search, "admin document search", echo=MARKERS["document_title"])
    assert f"/admin/documents/edit/{secret['document'].pk}/" not in response_text(document_search)
    # The explorer may show the (public) workspace title, but none of its meetings.
    _get(client, f"/admin/pages/{secret['workspace'].pk}/")


def test_non_staff_previews_redirect_to_login(secret, client_for):
    response = client_for("member_b").get(f"/admin/pages/{secret['meeting'].pk}/view_draft/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_meta_tags_carry_no_private_text(secret, client_for):
    html = response_text(client_for("member_a").get(secret["meeting"].url))
    for tag in re.findall(r"<meta[^>]*>", html):
        assert PREFIX not in tag, tag
    assert 'name="robots" content="noindex, nofollow"' in html
    workspace_html = response_text(client_for("member_a").get(secret["workspace"].url))
    assert "Interne Beschreibung" not in " ".join(re.findall(r"<meta[^>]*>", workspace_html))


@pytest.mark.parametrize("role", OUTSIDERS)
def test_error_pages(secret, client_for, role):
    """A guessed child gets the same login redirect as an existing one: no existence oracle."""
    client = client_for(role)
    workspace, meeting = secret["workspace"], secret["meeting"]
    existing = _get(client, meeting.url)
    guessed = _get(client, workspace.url + "sitzung-gibt-es-nicht/")
    assert existing.status_code == guessed.status_code == 302
    assert _get(client, meeting.url + "gibt-es-nicht/").status_code == 302


def test_member_404_under_workspace_is_plain(secret, client_for):
    response = client_for("member_a").get(secret["workspace"].url + "gibt-es-nicht/")
    assert response.status_code == 404
    assert_no_marker(response, "404 for a member")


@pytest.mark.parametrize("role", ["member_b", "editor"])
def test_ical_feed_of_another_member(secret, users, client_for, client, role):
    client_for(role).post("/de/gremien/konto/", {"action": "calendar_new"})
    token = CalendarToken.objects.get(user=users[role]).token
    response = _get(client, f"/de/gremien/kalender/{token}/")
    assert response.status_code == 200
    # Positive control: member A's feed does carry the meeting.
    client_for("member_a").post("/de/gremien/konto/", {"action": "calendar_new"})
    own = CalendarToken.objects.get(user=users["member_a"]).token
    assert MARKERS["meeting_title"] in response_text(client.get(f"/de/gremien/kalender/{own}/"))


@pytest.mark.parametrize("code", ["ar", "de-ls"])  # de-ls: Leichte Sprache, the eighth locale
@pytest.mark.parametrize("role", ["anonymous", "member_b"])
def test_translations_and_aliases(secret, sync_locale, client_for, role, code):
    sync_locale(code)
    locale = Locale.objects.get(language_code=code)
    client = client_for(role)
    for page in [secret["workspace"], secret["meeting"]]:
        alias = page.get_translation(locale)
        assert alias.alias_of_id == page.pk
        assert _get(client, alias.url).status_code == 302
        assert client_for("member_a").get(alias.url).status_code == 200
    for marker in MARKERS.values():
        _get(client, f"/{code}/suche/?q={marker}", echo=marker)
    _get(client, f"/{code}/gremien/")
    _get(client, f"/{code}/")
    _get(client, "/sitemap.xml")


def test_restricted_responses_are_not_cacheable(secret, client_for):
    member = client_for("member_a")
    for url in [
        secret["workspace"].url,
        secret["meeting"].url,
        secret["meeting"].url + "kalender/",
        secret["document"].url,
    ]:
        response = member.get(url)
        assert response.status_code == 200, url
        cache_control = response.get("Cache-Control", "")
        assert "no-store" in cache_control and "private" in cache_control, url


def test_revocation_on_next_request(secret, users, client_for):
    member = client_for("member_a")
    assert member.get(secret["meeting"].url).status_code == 200
    users["member_a"].groups.remove(secret["workspace"].group)
    response = member.get(secret["meeting"].url)
    assert response.status_code == 302
    assert_no_marker(response, "after removal")
    assert member.get(secret["document"].url).status_code == 302


def test_visibility_helper_hides_meetings(secret, users):
    from django.test import RequestFactory

    from portal.privacy import visible_pages

    for user in [AnonymousUser(), users["member_b"], users["editor"]]:
        request = RequestFactory().get("/")
        request.user = user
        assert not visible_pages(request).filter(pk=secret["meeting"].pk).exists()
