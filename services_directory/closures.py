"""Days on which a service is closed: NRW public holidays, NRW school holidays, own closures.

One rule for every surface (docs/referral.md): the directory's "open now" and next opening,
the week on the service page, the referral slip and the HSDS schedule exceptions all ask
:func:`closure_on`. In this order, a day is closed

1. by a closure period of the service itself (with the reason the editor gave),
2. on a public holiday in North Rhine-Westphalia (``holidays`` package, subdivision NW),
3. in NRW school holidays, if the service is marked "closed in school holidays".

School holidays come from the table ``SchoolHoliday``, filled from
``data/nrw_school_holidays.json`` by a migration and by ``import_school_holidays`` for later
years; they are read once per directory version with the directory's facet data.
"""

import datetime
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import holidays

SUBDIVISION = "NW"
SCHOOL_HOLIDAYS_FILE = Path(__file__).parent / "data" / "nrw_school_holidays.json"
# Languages of the ``holidays`` package's names; other languages read the German name.
_HOLIDAY_LANGUAGES = {"de": "de", "en": "en_US", "uk": "uk"}


@dataclass(frozen=True)
class Closure:
    """Why a service is closed on a day: ``kind`` is "closure", "holiday" or "school"."""

    kind: str
    label: str
    start: datetime.date | None = None
    end: datetime.date | None = None


@lru_cache(maxsize=64)
def _public_holidays(year, language):
    return dict(
        holidays.country_holidays(
            "DE", subdiv=SUBDIVISION, years=year, language=_HOLIDAY_LANGUAGES.get(language, "de")
        )
    )


def public_holiday(day, language="de"):
    """The name of the NRW public holiday on ``day`` in ``language`` (or German), or None."""
    return _public_holidays(day.year, language).get(day)


def public_holidays_between(start, end, language="de"):
    """``[(day, name)]`` of the NRW public holidays from ``start`` to ``end`` inclusive."""
    found = []
    for year in range(start.year, end.year + 1):
        found += [(d, n) for d, n in _public_holidays(year, language).items() if start <= d <= end]
    return sorted(found)


def school_holiday(day, school_holidays):
    """The name of the school holiday period (``(start, end, name)`` rows) on ``day``."""
    for start, end, name in school_holidays:
        if start <= day <= end:
            return name
    return None


def closure_on(day, *, own=(), school_closed=False, school_holidays=(), language="de"):
    """The :class:`Closure` that keeps a service shut on ``day``, or None if it may open.

    ``own`` are the service's closure periods as ``(start, end, reason)``.
    """
    for start, end, reason in own:
        if start <= day <= end:
            return Closure("closure", reason, start, end)
    name = public_holiday(day, language)
    if name:
        return Closure("holiday", name, day, day)
    if school_closed:
        for start, end, name in school_holidays:
            if start <= day <= end:
                return Closure("school", name, start, end)
    return None


def read_school_holidays(path=SCHOOL_HOLIDAYS_FILE):
    """``[(start, end, name)]`` from a JSON file shaped like the bundled one.

    Raises ``ValueError`` with a readable message on a malformed file.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        rows = []
        for n, item in enumerate(data["holidays"]):
            start = datetime.date.fromisoformat(item["start"])
            end = datetime.date.fromisoformat(item["end"])
            name = str(item["name"]).strip()[:80]
            if end < start or not name:
                raise ValueError(f"holidays[{n}]: end before start or no name")
            rows.append((start, end, name))
    except (OSError, KeyError, TypeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: {exc}") from exc
    return rows
