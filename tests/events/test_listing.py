"""The listing (upcoming, filters, archive, free places), calendars, feeds, JSON-LD, budgets."""

import datetime
import json
import re

from icalendar import Calendar

from django.utils import timezone

from home.events.factories import EventPageFactory, RegistrationFactory
from tests.conftest import QUERY_BUDGET

LIST = "/de/veranstaltungen/"


def _days(n, hour=10):
    return (timezone.localtime() + datetime.timedelta(days=n)).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )


def _event(index, slug, days, **fields):
    start = _days(days)
    return EventPageFactory(
        parent=index,
        slug=slug,
        title=fields.pop("title", slug),
        start=start,
        end=start + datetime.timedelta(hours=2),
        **fields,
    )


def test_upcoming_first_past_in_the_archive_and_filters(client, event_index):
    _event(event_index, "spaeter", 45, town="hilden", topic="aufenthalt")
    _event(event_index, "bald", 3, town="velbert", topic="verzeichnis", audience="public")
    _event(event_index, "vorbei", -10)
    html = client.get(LIST).content.decode()
    assert html.index("/veranstaltungen/bald/") < html.index("/veranstaltungen/spaeter/")
    assert "/veranstaltungen/vorbei/" not in html
    archive = client.get(LIST + "archiv/").content.decode()
    assert "/veranstaltungen/vorbei/" in archive and "/veranstaltungen/bald/" not in archive
    for params, expected in [
        ({"town": "hilden"}, "spaeter"),
        ({"topic": "verzeichnis"}, "bald"),
        ({"audience": "public"}, "bald"),
        ({"month": _days(45).strftime("%Y-%m")}, "spaeter"),
    ]:
        html = client.get(LIST, params).content.decode()
        found = set(re.findall(r"/veranstaltungen/(\w+)/\"", html)) - {"archiv", "feed", "kalender"}
        assert found == {expected}, (params, found)
    # Unknown filter values are ignored, never a 500.
    for params in [{"month": "2025-13"}, {"month": "x"}, {"town": "<b>"}, {"page": "999"}]:
        assert client.get(LIST, params).status_code == 200


def test_free_places_and_waiting_list_in_the_listing(client, event_index):
    nearly = _event(event_index, "fast-voll", 5, capacity=5)
    full = _event(event_index, "voll", 6, capacity=2)
    RegistrationFactory.create_batch(4, event=nearly)
    RegistrationFactory.create_batch(2, event=full)
    RegistrationFactory(event=full, status="waiting")
    RegistrationFactory(event=nearly, status="cancelled")
    html = client.get(LIST).content.decode()
    assert "1 Platz frei" in html
    assert "Ausgebucht – Warteliste" in html


def test_listing_and_event_page_stay_within_the_query_budget(client, event_index, count_queries):
    events = [_event(event_index, f"e{n}", n + 1, capacity=10) for n in range(12)]
    for event in events[:5]:
        RegistrationFactory.create_batch(3, event=event)
    listing, _response = count_queries(client, LIST)
    archive, _response = count_queries(client, LIST + "archiv/")
    page, _response = count_queries(client, events[0].url)
    assert max(listing, archive, page) <= QUERY_BUDGET, (listing, archive, page)


def test_ics_json_ld_and_atom(client, event_index):
    event = _event(
        event_index,
        "online-schulung",
        4,
        attendance_mode="online",
        join_url="https://meet.example.org/geheim",
        capacity=3,
    )
    response = client.get(event.url + "kalender/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "online-schulung"
    assert vevent["DTSTART"].dt == event.start
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert b"meet.example.org" not in response.content
    feed = client.get(LIST + "kalender/")
    assert len(Calendar.from_ical(feed.content).walk("VEVENT")) == 1
    html = client.get(event.url).content.decode()
    data = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    assert data["eventStatus"].endswith("EventScheduled")
    assert data["offers"]["availability"].endswith("InStock")
    assert data["location"]["@type"] == "VirtualLocation"
    assert "geheim" not in json.dumps(data)
    atom = client.get(LIST + "feed/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert "online-schulung" in atom.content.decode()
    assert 'href="/de/veranstaltungen/kalender/"' in client.get(LIST).content.decode()
