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
    # Built through EventPageFactory: its defaults (a place in Mettmann) fill no field the
    # data leaves blank, so the online training has no address.
    online = EventPage.objects.get(slug="online-schulung-beratungsverzeichnis")
    assert (online.place_name, online.street_address, online.postal_code, online.town) == (
        "",
        "",
        "",
        "",
    )
    assert online.join_url.startswith("https://video.example.org/")
