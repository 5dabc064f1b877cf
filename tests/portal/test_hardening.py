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
