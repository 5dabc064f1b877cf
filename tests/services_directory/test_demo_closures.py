"""The demo's holiday closures (``services_directory/demo_closures.py``, issue #18) on a
small directory: the week view and the slip show them whatever day the demo is loaded, and
loading again replaces instead of piling up. The whole demo is checked in
``tests/portal/test_load_demo.py``."""

import datetime

import pytest

from services_directory import demo_closures, directory
from services_directory.factories import schedule


@pytest.mark.parametrize("offset", range(14))
def test_moving_days_fall_in_this_week_and_the_next_two(offset):
    today = datetime.date(2026, 12, 1) + datetime.timedelta(days=offset)
    start, end = demo_closures.moving_days(today)
    monday = today - datetime.timedelta(days=today.weekday())
    days = {start + datetime.timedelta(days=n) for n in range((end - start).days + 1)}
    assert days & {monday + datetime.timedelta(days=n) for n in range(7)}  # this week's view
    assert days & {today + datetime.timedelta(days=n) for n in range(14)}  # the slip's weeks


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (datetime.date(2026, 12, 3), datetime.date(2026, 12, 24)),
        (datetime.date(2026, 12, 31), datetime.date(2026, 12, 24)),
        (datetime.date(2027, 1, 1), datetime.date(2026, 12, 24)),
        (datetime.date(2027, 1, 2), datetime.date(2027, 12, 24)),
    ],
)
def test_year_end_is_the_current_or_next(today, start):
    assert demo_closures.year_end(today) == (start, datetime.date(start.year + 1, 1, 1))


def test_demo_closures_show_on_the_week_and_the_slip(
    client, make_service, directory_page, monkeypatch, settings
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    now = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=directory.BERLIN)
    monkeypatch.setattr(directory, "clock", lambda: now)
    monkeypatch.setattr(demo_closures.timezone, "localdate", lambda: now.date())
    for slug, title in [
        (demo_closures.MOVE_SERVICE, "MBE Mettmann"),
        (demo_closures.YEAR_END_SERVICE, "JMD Velbert"),
        (demo_closures.SCHOOL_HOLIDAY_SERVICE, "VHS Hilden-Haan: Integrationskurse"),
    ]:
        hours = [schedule(d, 9, 12) for d in ["MO", "TU", "WE", "TH", "FR"]]  # one set each
        make_service(title, slug=slug, towns=["hilden"], schedules=hours)
    for _load in range(2):
        demo_closures.demo_closures({"directory": directory_page})
    moving = directory_page.get_children().get(slug=demo_closures.MOVE_SERVICE).specific
    assert moving.closures.count() == 1
    page = client.get(moving.url).content.decode()
    assert demo_closures.MOVE_REASON in page
    slip = client.get(moving.url + "zettel/", {"sprache": "ar"}).content.decode()
    assert demo_closures.MOVE_REASON in slip
    school = directory_page.get_children().get(slug=demo_closures.SCHOOL_HOLIDAY_SERVICE)
    assert school.specific.closed_in_school_holidays
    year_end = directory_page.get_children().get(slug=demo_closures.YEAR_END_SERVICE)
    assert year_end.specific.closures.get().starts_on == datetime.date(2026, 12, 24)
