"""Age, "open now" (Europe/Berlin) and bad parameters."""

import datetime

import pytest

from django.core.cache import cache

from services_directory import directory
from services_directory.factories import schedule
from services_directory.models import ServicePage

from .test_facets import titles


@pytest.fixture
def aged(make_service):
    make_service("JMD Hilden", type="jmd", minimum_age=12, maximum_age=27)
    make_service("MBE Hilden", type="mbe", minimum_age=27)
    make_service("Flüchtlingsberatung Hilden", type="fb")
    make_service("Kinderberatung", type="fb", maximum_age=11)


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        ("19", ["Flüchtlingsberatung Hilden", "JMD Hilden"]),
        ("35", ["Flüchtlingsberatung Hilden", "MBE Hilden"]),
        ("27", ["Flüchtlingsberatung Hilden", "JMD Hilden", "MBE Hilden"]),
        ("8", ["Flüchtlingsberatung Hilden", "Kinderberatung"]),
        ("", ["Flüchtlingsberatung Hilden", "JMD Hilden", "Kinderberatung", "MBE Hilden"]),
    ],
)
def test_age(client, aged, age, expected):
    assert titles(client.get("/de/beratung/", {"age": age})) == expected


def _at(monkeypatch, utc):
    monkeypatch.setattr(directory, "clock", lambda: utc)


def _utc(*args):
    return datetime.datetime(*args, tzinfo=datetime.UTC)


@pytest.fixture
def hours(make_service):
    week = ["MO", "TU", "WE", "TH", "FR"]
    make_service("Vormittags", schedules=[schedule(day, 9, 12) for day in week])
    make_service(
        "Mittwochnachmittag",
        schedules=[schedule("WE", 14, 16), schedule("WE", "16:30", "18:00")],
    )
    make_service(
        "Abgelaufen",
        schedules=[schedule("WE", 9, 18, valid_to=datetime.date(2026, 1, 31))],
    )
    make_service(
        "Geschlossen",
        schedules=[schedule("WE", 9, 18)],
        status=ServicePage.Status.TEMPORARILY_CLOSED,
        alert="Wegen Umbau geschlossen",
    )


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        # Wednesday 25 November 2026 (CET = UTC+1).
        (_utc(2026, 11, 25, 8, 30), ["Vormittags"]),  # 09:30 in Berlin, 08:30 in UTC
        (_utc(2026, 11, 25, 7, 30), []),  # 08:30 in Berlin
        (_utc(2026, 11, 25, 14, 0), ["Mittwochnachmittag"]),  # 15:00
        (_utc(2026, 11, 25, 15, 15), []),  # 16:15, between two ranges
        (_utc(2026, 11, 25, 15, 45), ["Mittwochnachmittag"]),  # 16:45, second range
        (_utc(2026, 11, 25, 17, 0), []),  # 18:00: closing time itself is closed
        (_utc(2026, 11, 28, 10, 0), []),  # Saturday
        # Wednesday 3 June 2026 (CEST = UTC+2): 11:30 in Berlin, 09:30 UTC.
        (_utc(2026, 6, 3, 9, 30), ["Vormittags"]),
        (_utc(2026, 6, 3, 10, 30), []),  # 12:30 in Berlin
    ],
)
def test_open_now_in_berlin_time(client, hours, monkeypatch, utc, expected):
    _at(monkeypatch, utc)
    assert titles(client.get("/de/beratung/", {"open_now": "1"})) == expected


def test_cards_show_next_opening_and_badges(client, hours, monkeypatch):
    _at(monkeypatch, _utc(2026, 11, 25, 8, 30))  # Wednesday 09:30 in Berlin
    html = client.get("/de/beratung/").content.decode()
    card = html.split(">Vormittags<")[1].split("</li>")[0]
    assert "12:00" in card  # open now, until 12:00
    card = html.split(">Mittwochnachmittag<")[1].split("</li>")[0]
    assert '<time datetime="2026-11-25T14:00:00+01:00" dir="ltr">14:00</time>' in card
    card = html.split(">Geschlossen<")[1].split("</li>")[0]
    assert "badge--closed" in card and "Wegen Umbau geschlossen" in card
    _at(monkeypatch, _utc(2026, 11, 25, 17, 30))  # Wednesday 18:30: next is Thursday 09:00
    cache.clear()  # the anonymous page cache would keep the 09:30 rendering for a while
    html = client.get("/de/beratung/").content.decode()
    card = html.split(">Vormittags<")[1].split("</li>")[0]
    assert 'datetime="2026-11-26T09:00:00+01:00"' in card


@pytest.mark.parametrize(
    "query",
    [
        "town=atlantis",
        "type=<script>alert(1)</script>",
        "language=xx",
        "language=klingon",
        "age=abc",
        "age=-3",
        "age=1000",
        "age=",
        "page=-1",
        "page=abc",
        "page=99999",
        "page=1e9",
        "q=a&q=b&q=%22",
        "town=hilden&town=hilden&town=HILDEN",
        "open_now=yes&open_now=no",
        "q=" + "wort+" * 3000,
        'q="unclosed',
        "q=%00",
        "topic=" + "&topic=".join(str(n) for n in range(200)),
    ],
)
def test_bad_parameters_never_fail(client, aged, query):
    response = client.get("/de/beratung/?" + query)
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


def test_bad_parameters_are_explained(client, aged):
    html = client.get("/de/beratung/?age=abc&town=atlantis").content.decode()
    assert "whole number" in html or "ganze Zahl" in html
    assert "atlantis" in html
    # The unknown values are ignored: all services are listed.
    assert len(titles(client.get("/de/beratung/?age=abc&town=atlantis"))) == 4
