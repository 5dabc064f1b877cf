"""Members-only events and registration data never reach anyone else (marker tests).

A members-only event carries a group restriction (``EventPage.sync_restriction``), so the
portal's one privacy helper hides it from listings, search, sitemap and feeds; its own
URLs (page, calendar, registration) answer only members.
"""

import pytest

from django.test import Client

from home.events.factories import EventPageFactory, RegistrationFactory
from tests.conftest import make_user

from .conftest import FORM

MARKER = "GEHEIM-Lenkungskreis-7f3a"
PERSON = "Registrant-Marker-91c2"


@pytest.fixture
def secret_event(event_index, workspace_a):
    return EventPageFactory(
        parent=event_index,
        title=f"Klausur {MARKER}",
        slug="klausur",
        teaser=f"Interne Sitzung {MARKER}",
        audience="workspace",
        workspace_group=workspace_a.group,
    )


@pytest.fixture
def member(workspace_a):
    client = Client()
    client.force_login(make_user("mitglied", groups=[workspace_a.group]))
    return client


@pytest.fixture
def outsider(workspace_b):
    client = Client()
    client.force_login(make_user("fremd", groups=[workspace_b.group]))
    return client


SURFACES = [
    "/de/veranstaltungen/",
    "/de/veranstaltungen/?audience=workspace",
    "/de/veranstaltungen/archiv/",
    "/de/veranstaltungen/feed/",
    "/de/veranstaltungen/kalender/",
    "/de/suche/?q=Interne+Sitzung",
    "/de/suche/?q=Klausur",
    "/sitemap.xml",
]


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_members_only_event_is_nowhere_for_others(client, outsider, secret_event, event, who):
    visitor = client if who == "anonymous" else outsider
    for url in SURFACES:
        response = visitor.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert MARKER not in body.decode(), url
        assert "/veranstaltungen/klausur/" not in body.decode(), url
    for url in [secret_event.url, secret_event.url + "kalender/"]:
        response = visitor.get(url)
        assert response.status_code in (302, 403, 404), url
        assert MARKER not in response.content.decode()
    response = visitor.post(f"/de/veranstaltungen/anmeldung/{secret_event.pk}/", FORM)
    assert response.status_code == 404
    assert not secret_event.registrations.exists()


def test_members_see_it_and_their_pages_stay_out_of_shared_caches(client, member, secret_event):
    listing = member.get("/de/veranstaltungen/")
    assert MARKER in listing.content.decode()
    assert "no-store" in listing["Cache-Control"]
    page = member.get(secret_event.url)
    assert page.status_code == 200 and MARKER in page.content.decode()
    assert "no-store" in page["Cache-Control"] or "private" in page["Cache-Control"]
    # The public feeds stay public even for a member.
    assert MARKER not in member.get("/de/veranstaltungen/feed/").content.decode()
    assert MARKER not in member.get("/de/veranstaltungen/kalender/").content.decode()
    # An anonymous visitor right after the member gets the public listing, not the member's.
    assert MARKER not in client.get("/de/veranstaltungen/").content.decode()


def test_changing_the_audience_to_public_lifts_the_restriction(client, secret_event):
    assert client.get(secret_event.url).status_code == 302
    secret_event.audience = "multipliers"
    secret_event.save_revision().publish()
    assert client.get(secret_event.url).status_code == 200


def test_registration_data_never_reaches_visitors(client, event):
    RegistrationFactory(event=event, name=PERSON, email="marker-person@example.org")
    for url in [*SURFACES, event.url, event.url + "kalender/"]:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert PERSON not in body.decode() and "marker-person" not in body.decode(), url
