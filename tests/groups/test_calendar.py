"""Calendar: a personal, revocable iCal feed and an .ics file per meeting (RFC 5545)."""

import pytest
from icalendar import Calendar

from groups.models import CalendarToken

ACCOUNT = "/de/gremien/konto/"


def _feed_path(user):
    return f"/de/gremien/kalender/{CalendarToken.objects.get(user=user).token}/"


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    for event in events:
        assert event["UID"] and event["DTSTAMP"] and event["DTSTART"]  # required by RFC 5545
    return calendar, events


@pytest.fixture
def meetings(workspace_a, workspace_b, make_meeting):
    return (
        make_meeting(workspace_a, title="Lenkung Herbst", place="Kreishaus"),
        make_meeting(workspace_b, title="Sprache Herbst"),
    )


def test_member_creates_and_uses_feed(meetings, users, client_for, client):
    member = client_for("member_a")
    assert member.post(ACCOUNT, {"action": "calendar_new"}).status_code == 302
    token = CalendarToken.objects.get(user=users["member_a"]).token
    assert len(token) >= 40
    assert token in member.get(ACCOUNT).content.decode()
    response = client.get(_feed_path(users["member_a"]))  # calendar apps send no cookies
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    calendar, events = _events(response)
    assert [str(e["SUMMARY"]) for e in events] == ["Lenkung Herbst"]
    start = events[0]["DTSTART"].dt
    assert str(start.tzinfo) == "Europe/Berlin" and start.hour == 10
    assert str(events[0]["LOCATION"]) == "Kreishaus"
    assert calendar.walk("VTIMEZONE")


def test_revoked_or_replaced_token_stops_working(meetings, users, client_for, client):
    member = client_for("member_a")
    member.post(ACCOUNT, {"action": "calendar_new"})
    old = _feed_path(users["member_a"])
    member.post(ACCOUNT, {"action": "calendar_new"})
    assert client.get(old).status_code == 404
    assert client.get(_feed_path(users["member_a"])).status_code == 200
    current = _feed_path(users["member_a"])
    member.post(ACCOUNT, {"action": "calendar_revoke"})
    assert client.get(current).status_code == 404
    assert client.get("/de/gremien/kalender/" + "A" * 43 + "/").status_code == 404


def test_removed_member_loses_the_meetings(meetings, users, workspace_a, client_for, client):
    client_for("member_a").post(ACCOUNT, {"action": "calendar_new"})
    path = _feed_path(users["member_a"])
    users["member_a"].groups.remove(workspace_a.group)
    _calendar, events = _events(client.get(path))
    assert events == []
    assert b"Lenkung Herbst" not in client.get(path).content


def test_account_needs_login(workspace_index, client):
    response = client.get(ACCOUNT)
    assert response.status_code == 302 and "/anmelden/" in response["Location"]


@pytest.mark.parametrize(
    ("role", "status"), [("member_a", 200), ("member_b", 302), ("anonymous", 302)]
)
def test_meeting_ics_for_members_only(meetings, client_for, role, status):
    response = client_for(role).get(meetings[0].url + "kalender/")
    assert response.status_code == status
    if status == 200:
        _calendar, events = _events(response)
        assert str(events[0]["SUMMARY"]) == "Lenkung Herbst"
        assert "attachment" in response["Content-Disposition"]
    else:
        assert b"Lenkung" not in response.content


def test_meeting_page_links_the_ics(meetings, client_for):
    html = client_for("member_a").get(meetings[0].url).content.decode()
    assert f'href="{meetings[0].url}kalender/"' in html
