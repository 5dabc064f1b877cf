"""The demo: meetings, minutes, decisions and a real PDF for the steering group."""

import re

import pytest

from django.core.management import call_command

from groups.models import Decision, MeetingPage, WorkspacePage


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", force=True)


def test_lenkung_downloads_the_minutes_pdf(demo, client):
    assert client.login(username="lenkung", password="kim-demo")
    html = client.get("/de/gremien/lenkungsgruppe/").content.decode()
    links = re.findall(r'href="(/documents/\d+/[^"]+\.pdf)"', html)
    assert links, "the workspace page links a PDF through the serve view"
    response = client.get(links[0])
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    assert b"/Type /Catalog" in body
    # Anonymous visitors get the login page instead.
    client.logout()
    assert client.get(links[0]).status_code == 302


def test_demo_content(demo, client):
    steering = WorkspacePage.objects.get(slug="lenkungsgruppe", locale__language_code="de")
    assert steering.is_steering_group
    assert steering.managers_group.user_set.filter(username="lenkung").exists()
    for workspace in WorkspacePage.objects.filter(locale__language_code="de"):
        meetings = MeetingPage.objects.child_of(workspace).live()
        assert meetings.count() == 2
    assert Decision.objects.filter(page__locale__language_code="de").exists()
    # The steering group reads the project groups; pg-sprache reads only its own.
    assert client.login(username="lenkung", password="kim-demo")
    assert client.get("/de/gremien/pg-sprachfoerderung/").status_code == 200
    assert client.login(username="pg-sprache", password="kim-demo")
    assert client.get("/de/gremien/lenkungsgruppe/").status_code == 302
    html = client.get("/de/gremien/pg-sprachfoerderung/").content.decode()
    assert "2. Sitzung" in html and "mitglieder/" in html  # pg-sprache manages it
