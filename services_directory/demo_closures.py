"""Demo holiday closures (issue #18): the week view, the slip and the HSDS API show
"Feiertag", "Ferien" and a service's own closure with the demo data, whatever day it is
loaded on.

The records are in ``data/demo_closures.json``: a service's slug, a named date rule and the
reason (German source text; its translations in ``data/locale/<lang>/LC_MESSAGES/demo.po``
like the other demo strings). The rules compute their dates from the day the demo is loaded:

- ``school_holidays``: the service pauses in the NRW school holidays (the VHS integration
  courses in Hilden follow the school year); no reason, the holidays are named;
- ``year_end``: closed between Christmas and New Year (the next 24 Dec – 1 Jan; the JMD in
  Velbert);
- ``moving_days``: from Wednesday of the current week to Thursday of the next (the MBE in
  Mettmann while its office moves), so the service page's week and the slip's two weeks
  always show a closure with its reason.

Public holidays need no data: they come from the ``holidays`` package. Idempotent.
"""

import datetime
from pathlib import Path

from django.utils import timezone

from portal.demo import demo_step, load_demo_texts

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo_closures.json"
CLOSURES = load_demo_texts(DATA_FILE)["closures"]


def _record(rule):
    return next(record for record in CLOSURES if record["rule"] == rule)


SCHOOL_HOLIDAY_SERVICE = _record("school_holidays")["service"]
YEAR_END_SERVICE = _record("year_end")["service"]
YEAR_END_REASON = _record("year_end")["reason"]
MOVE_SERVICE = _record("moving_days")["service"]
MOVE_REASON = _record("moving_days")["reason"]


def year_end(today):
    """The next (or current) closure from 24 December to 1 January."""
    start = datetime.date(today.year, 12, 24)
    if today <= datetime.date(today.year, 1, 1):
        start = datetime.date(today.year - 1, 12, 24)
    return start, datetime.date(start.year + 1, 1, 1)


def moving_days(today):
    """Wednesday of this week to Thursday of the next: in this week's view and, on any day,
    in the slip's next two weeks."""
    wednesday = today + datetime.timedelta(days=2 - today.weekday())
    return wednesday, wednesday + datetime.timedelta(days=8)


def _update(directory, slug, closures=(), school=False):
    from .models import ServiceClosure, ServicePage

    page = ServicePage.objects.child_of(directory).filter(slug=slug).first()
    if page is None:
        return None
    page = page.specific
    have = {(c.starts_on, c.ends_on, c.reason) for c in page.closures.all()}
    new = [c for c in closures if c not in have]
    if not new and page.closed_in_school_holidays == school:
        return page
    # A closure of an earlier load (other dates, same reason) is replaced, not added to.
    reasons = {reason for _start, _end, reason in new}
    page.closures = [c for c in page.closures.all() if c.reason not in reasons] + [
        ServiceClosure(starts_on=starts_on, ends_on=ends_on, reason=reason)
        for starts_on, ends_on, reason in new
    ]
    page.closed_in_school_holidays = page.closed_in_school_holidays or school
    page.save_revision().publish()
    return page


# The date rules of the data file that give a closure period: name → (first day, last day).
RULES = {"year_end": year_end, "moving_days": moving_days}


@demo_step(order=22)
def demo_closures(context):
    directory = context.get("directory")
    if directory is None:
        return
    today = timezone.localdate()
    for record in CLOSURES:
        if record["rule"] == "school_holidays":
            _update(directory, record["service"], school=True)
        else:
            starts_on, ends_on = RULES[record["rule"]](today)
            _update(directory, record["service"], [(starts_on, ends_on, record["reason"])])
