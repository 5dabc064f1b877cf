"""Demo data for the planning report: real gaps in the directory and simulated unmet needs.

Example data only. The gaps are made on the demo services if they exist (a town without
a service type, languages missing in a town, no late or Friday hours), so the coverage
matrices have something to show; the unmet-need counters are simulated searches of the
last six months, with a few words below the threshold of 3 that the report must not show.
The records are in ``data/demo_planning.json``. Idempotent: a second run changes nothing.
"""

import random
from pathlib import Path

from portal.demo import demo_step, load_demo_texts

from .models import ServicePage, Town
from .planning import LATE_HOUR
from .unmet_needs import UnmetNeedCount, add_months, month_start

# The gaps (``service``: slug of a demo service; ``change``: "defunct" ends it with the
# ``defunct_alert``, "-xx" drops language xx, "-late" closes at 16:00 at the latest,
# "-friday" drops Friday hours); the simulated searches of the last ``months`` months
# (``needs``: word, language, town slug or "" for none chosen, searches per month, roughly)
# and the words counted once or twice only (``rare``), which the report must never show.
DATA = load_demo_texts(Path(__file__).resolve().parent / "data" / "demo_planning.json")


def _make_gap(page, change):
    page = page.specific
    if change == "defunct":
        if page.status == ServicePage.Status.DEFUNCT:
            return False
        page.status = ServicePage.Status.DEFUNCT
        page.alert = DATA["defunct_alert"]
    elif change.startswith("-") and change[1:] in ("late", "friday"):
        schedules = list(page.schedules.all())
        kept = [
            s
            for s in schedules
            if not (change == "-friday" and s.byday == "FR")
            and not (change == "-late" and s.closes_at > LATE_HOUR)
        ]
        if len(kept) == len(schedules):
            return False
        page.schedules = kept
    else:
        languages = list(page.languages.all())
        kept = [lang for lang in languages if lang.code != change[1:]]
        if len(kept) == len(languages):
            return False
        page.languages = kept
    page.save_revision().publish()
    return True


@demo_step(order=40)
def demo_planning(context):
    """Gaps in the demo directory and simulated unmet-need counts."""
    for gap in DATA["gaps"]:
        german = ServicePage.objects.filter(slug=gap["service"], locale__language_code="de")
        page = german.first()
        if page is not None:
            _make_gap(page, gap["change"])
    towns = {
        town.slug: str(town.translation_key)
        for town in Town.objects.filter(locale__language_code="de")
    }
    rng = random.Random(17)  # noqa: S311 (simulated figures, the same on every run)
    this_month = month_start()
    for back in range(DATA["months"]):
        month = add_months(this_month, -back)
        for need in DATA["needs"]:
            count = max(0, need["per_month"] + rng.randint(-2, 2))
            if count:
                _counter(month, need, towns, count)
    for need in DATA["rare"]:
        _counter(this_month, need, towns, need["count"])


def _counter(month, need, towns, count):
    UnmetNeedCount.objects.update_or_create(
        month=month,
        language=need["language"],
        town=towns.get(need["town"], ""),
        term=need["term"],
        defaults={"count": count},
    )
