"""Demo events: six as the issue lists them, idempotent, the members-only one private."""

from django.contrib.auth.models import Group

from home.events.demo import demo_events
from home.events.models import EventPage, Registration


def test_demo_events_load_twice_without_change(client, home, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    Group.objects.create(name="Lenkungsgruppe")
    demo_events({"home": home})
    counts = (EventPage.objects.count(), Registration.objects.count())
    demo_events({"home": home})
    assert (EventPage.objects.count(), Registration.objects.count()) == counts
    assert counts[0] == 6
    html = client.get("/de/veranstaltungen/").content.decode()
    assert "Fachtag Integration im Kreis Mettmann" in html
    assert "4 Plätze frei" in html and "Ausgebucht – Warteliste" in html
    assert "Klausurtagung" not in html  # members of the Lenkungsgruppe only
    archive = client.get("/de/veranstaltungen/archiv/").content.decode()
    assert "Fachtag Sprache und Arbeit" in archive and "2 Dokumente" in archive
    past = client.get("/de/veranstaltungen/fachtag-sprache-2026/").content.decode()
    assert "Folien: Sprache und Arbeit" in past
