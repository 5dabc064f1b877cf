"""Holiday closures: public holidays, school holidays, own closure periods, appointment only.

The directory ("open now", the card's next opening), the service page's week and the HSDS
API's schedule exceptions all follow ``services_directory.closures``.
"""

import datetime

import pytest

from django.core.management import call_command

from services_directory import directory
from services_directory.closures import closure_on, public_holiday, read_school_holidays
from services_directory.factories import closure, schedule
from services_directory.models import SchoolHoliday


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # The clock moves between requests of one test: every response is rendered afresh.
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


def _at(monkeypatch, year, month, day, hour, minute=0):
    local = datetime.datetime(year, month, day, hour, minute, tzinfo=directory.BERLIN)
    monkeypatch.setattr(directory, "clock", lambda: local)


def test_nrw_public_holidays_from_the_package():
    assert public_holiday(datetime.date(2026, 12, 25)) == "Erster Weihnachtstag"
    # Fronleichnam and Allerheiligen are holidays in NRW, not everywhere in Germany.
    assert public_holiday(datetime.date(2026, 6, 4)) == "Fronleichnam"
    assert public_holiday(datetime.date(2026, 11, 1)) == "Allerheiligen"
    assert public_holiday(datetime.date(2026, 11, 25)) is None


def test_bundled_school_holidays_are_loaded_by_the_migration(db):
    rows = read_school_holidays()
    assert {r[0].year for r in rows} == {2026, 2027, 2028}
    assert SchoolHoliday.objects.count() == len(rows)
    assert SchoolHoliday.objects.filter(name="Sommerferien", starts_on__year=2027).exists()


def test_import_command_adds_later_years_and_rejects_bad_files(db, tmp_path):
    good = tmp_path / "2029.json"
    good.write_text(
        '{"holidays": [{"name": "Osterferien", "start": "2029-03-26", "end": "2029-04-07"}]}'
    )
    call_command("import_school_holidays", str(good))
    assert SchoolHoliday.objects.filter(starts_on=datetime.date(2029, 3, 26)).exists()
    call_command("import_school_holidays", str(good))  # idempotent
    assert SchoolHoliday.objects.filter(starts_on__year=2029).count() == 1
    bad = tmp_path / "bad.json"
    bad.write_text('{"holidays": [{"name": "X", "start": "2029-05-02", "end": "2029-05-01"}]}')
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="end before start"):
        call_command("import_school_holidays", str(bad))


def test_own_closure_comes_first_then_holiday_then_school():
    own = [(datetime.date(2026, 12, 24), datetime.date(2026, 12, 31), "Betriebsurlaub")]
    school = [(datetime.date(2026, 12, 23), datetime.date(2027, 1, 6), "Weihnachtsferien")]
    day = datetime.date(2026, 12, 25)
    assert closure_on(day, own=own).label == "Betriebsurlaub"
    assert closure_on(day).kind == "holiday"
    assert closure_on(datetime.date(2027, 1, 5), school_holidays=school) is None
    found = closure_on(datetime.date(2027, 1, 5), school_closed=True, school_holidays=school)
    assert (found.kind, found.label) == ("school", "Weihnachtsferien")


@pytest.fixture
def weekday_service(make_service):
    days = ["MO", "TU", "WE", "TH", "FR"]
    return make_service(
        "Beratung Velbert", towns=["velbert"], schedules=[schedule(d, 9, 16) for d in days]
    )


def _open_titles(client):
    html = client.get("/de/beratung/", {"open_now": "1"}).content.decode()
    return html


def test_not_open_now_on_a_public_holiday(client, weekday_service, monkeypatch):
    _at(monkeypatch, 2026, 12, 24, 10)  # Thursday, no holiday
    assert "Beratung Velbert" in _open_titles(client)
    _at(monkeypatch, 2026, 12, 25, 10)  # Friday, Christmas Day
    html = _open_titles(client)
    assert "Beratung Velbert" not in html
    # The card names the holiday and the next real opening (Monday 28 December).
    card = client.get("/de/beratung/").content.decode()
    assert "Feiertag" in card and "Erster Weihnachtstag" in card
    assert "2026-12-28T09:00:00+01:00" in card


def test_closed_in_school_holidays_and_own_closure(client, make_service, monkeypatch):
    make_service(
        "Schulberatung",
        closed_in_school_holidays=True,
        schedules=[schedule("TU", 9, 16)],
    )
    make_service(
        "Umzug Beratung",
        closures=[closure(datetime.date(2026, 11, 23), datetime.date(2026, 11, 27), "Umzug")],
        schedules=[schedule("TU", 9, 16)],
    )
    make_service("Offene Beratung", schedules=[schedule("TU", 9, 16)])
    _at(monkeypatch, 2026, 10, 20, 10)  # Tuesday in the autumn school holidays
    html = _open_titles(client)
    assert "Offene Beratung" in html and "Umzug Beratung" in html
    assert "Schulberatung" not in html
    _at(monkeypatch, 2026, 11, 24, 10)  # Tuesday, own closure
    html = _open_titles(client)
    assert "Schulberatung" in html and "Umzug Beratung" not in html
    card = client.get("/de/beratung/").content.decode()
    assert "Geschlossen: <bdi>Umzug</bdi>" in card


def test_appointment_only_never_reads_opens_at(client, make_service, monkeypatch):
    make_service("Terminberatung", schedules=[schedule("WE", 14, 16, by_appointment_only=True)])
    _at(monkeypatch, 2026, 11, 25, 10)  # Wednesday morning
    card = client.get("/de/beratung/").content.decode()
    assert "Nach Vereinbarung" in card
    assert "Öffnet heute um" not in card
    _at(monkeypatch, 2026, 11, 25, 15)
    assert "Terminberatung" not in _open_titles(client)


def test_week_on_the_service_page_marks_holiday_and_school_holidays(
    client, make_service, monkeypatch
):
    service = make_service(
        "Wochenberatung", schedules=[schedule(d, 9, 12) for d in ["MO", "TU", "WE", "TH", "FR"]]
    )
    _at(monkeypatch, 2026, 12, 22, 10)  # the week of Christmas, school holidays from 23 Dec
    html = client.get(service.url).content.decode()
    assert "Feiertag: <bdi>Erster Weihnachtstag</bdi>" in html
    assert "Ferien" in html
    # Monday to Thursday open (23 and 24 December in school holidays, but not closed).
    assert html.count(">09:00</time>") == 4
