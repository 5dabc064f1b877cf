"""Demo holiday closures (issue #18): the week view, the slip and the HSDS API show
"Feiertag", "Ferien" and a service's own closure with the demo data, whatever day it is
loaded on.

- the VHS integration courses in Hilden pause in the NRW school holidays (courses follow the
  school year);
- the JMD in Velbert closes between Christmas and New Year (the next 24 Dec – 1 Jan);
- the MBE in Mettmann is closed while its office moves, from Wednesday of the current week
  to Thursday of the next, so the service page's week and the slip's two weeks always show
  a closure with its reason (the dates follow the day the demo is loaded).

Public holidays need no data: they come from the ``holidays`` package. Idempotent.
"""

import datetime

from django.utils import timezone

from portal.demo import demo_step

SCHOOL_HOLIDAY_SERVICE = "integrationskurse-hilden"
YEAR_END_SERVICE = "jmd-velbert"
YEAR_END_REASON = "Betriebsurlaub zwischen den Jahren (Beispiel)"
MOVE_SERVICE = "mbe-mettmann"
MOVE_REASON = "Umzug der Beratungsstelle (Beispiel)"


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


@demo_step(order=22)
def demo_closures(context):
    directory = context.get("directory")
    if directory is None:
        return
    today = timezone.localdate()
    _update(directory, SCHOOL_HOLIDAY_SERVICE, school=True)
    _update(directory, YEAR_END_SERVICE, [(*year_end(today), YEAR_END_REASON)])
    _update(directory, MOVE_SERVICE, [(*moving_days(today), MOVE_REASON)])
