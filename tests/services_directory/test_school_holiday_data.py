"""The bundled NRW school holidays (``services_directory/data/nrw_school_holidays.json``)
against the Ferienordnung of the Schulministerium NRW.

No package on PyPI or npm ships German school-holiday dates (the ones found are clients of
web APIs this portal does not call at run time), so the file stays hand-made; every period
below was cross-checked against two published copies of the Ferienordnung
(docs/referral.md, "Where the dates come from"). The first version of the file had
Herbstferien 2028 a week early and a Pfingstferien day in 2028 that does not exist.
"""

import datetime

from django.core.management import call_command

from services_directory.closures import read_school_holidays
from services_directory.models import SchoolHoliday

D = datetime.date

# (name, first day off school, last day off school), inclusive.
FERIENORDNUNG = [
    ("Osterferien", D(2026, 3, 30), D(2026, 4, 11)),
    ("Pfingstferien", D(2026, 5, 26), D(2026, 5, 26)),
    ("Sommerferien", D(2026, 7, 20), D(2026, 9, 1)),
    ("Herbstferien", D(2026, 10, 17), D(2026, 10, 31)),
    ("Weihnachtsferien", D(2026, 12, 23), D(2027, 1, 6)),
    ("Osterferien", D(2027, 3, 22), D(2027, 4, 3)),
    ("Pfingstferien", D(2027, 5, 18), D(2027, 5, 18)),
    ("Sommerferien", D(2027, 7, 19), D(2027, 8, 31)),
    ("Herbstferien", D(2027, 10, 23), D(2027, 11, 6)),
    ("Weihnachtsferien", D(2027, 12, 24), D(2028, 1, 8)),
    ("Osterferien", D(2028, 4, 10), D(2028, 4, 22)),
    ("Sommerferien", D(2028, 7, 10), D(2028, 8, 22)),
    ("Herbstferien", D(2028, 10, 23), D(2028, 11, 4)),
    ("Weihnachtsferien", D(2028, 12, 21), D(2029, 1, 5)),
]


def test_bundled_file_matches_the_ferienordnung():
    rows = [(name, start, end) for start, end, name in read_school_holidays()]
    assert rows == FERIENORDNUNG


def test_periods_are_plausible():
    """Guards for the next hand-typed years: ordered, no overlap, summer about six weeks
    (the KMK's rule), Easter holidays around Easter Sunday."""
    from dateutil.easter import easter

    rows = read_school_holidays()
    for (_s1, end, _n1), (start, _e2, _n2) in zip(rows, rows[1:], strict=False):
        assert end < start
    for start, end, name in rows:
        if name == "Sommerferien":
            assert 42 <= (end - start).days + 1 <= 46, (name, start)
        if name == "Osterferien":
            assert start <= easter(start.year) <= end, start


def _stored():
    return [
        (h.name, h.starts_on, h.ends_on)
        for h in SchoolHoliday.objects.all()
        if h.starts_on.year in (2026, 2027, 2028)
    ]


def test_database_holds_the_corrected_periods(db):
    """Migrations (0012 loads the file, 0014 corrects databases made before the fix) and the
    import command agree with the file."""
    import importlib

    from django.apps import apps

    assert _stored() == FERIENORDNUNG
    # A database migrated before the fix holds the mistyped 2028 rows; 0014 corrects it.
    SchoolHoliday.objects.filter(name="Herbstferien", starts_on=D(2028, 10, 23)).delete()
    SchoolHoliday.objects.create(
        name="Pfingstferien", starts_on=D(2028, 6, 6), ends_on=D(2028, 6, 6)
    )
    SchoolHoliday.objects.create(
        name="Herbstferien", starts_on=D(2028, 10, 14), ends_on=D(2028, 10, 28)
    )
    assert _stored() != FERIENORDNUNG
    migration = importlib.import_module(
        "services_directory.migrations.0015_correct_nrw_school_holidays_2028"
    )
    migration.correct(apps, None)
    assert _stored() == FERIENORDNUNG
    call_command("import_school_holidays", "--replace", verbosity=0)
    assert _stored() == FERIENORDNUNG
