"""Demo data for the planning report: real gaps in the directory and simulated unmet needs.

Example data only. The gaps are made on the demo services if they exist (a town without
a service type, languages missing in a town, no late or Friday hours), so the coverage
matrices have something to show; the unmet-need counters are simulated searches of the
last six months, with a few words below the threshold of 3 that the report must not show.
Idempotent: a second run changes nothing.
"""

import random

from portal.demo import demo_step

from .models import ServicePage, Town
from .planning import LATE_HOUR
from .unmet_needs import UnmetNeedCount, add_months, month_start

# (slug of a demo service, what changes): "defunct" ends it, "-xx" drops language xx,
# "-late" closes at 16:00 at the latest, "-friday" drops Friday hours.
GAPS = [
    ("teilhabemanagement-wuelfrath", "defunct"),
    ("integration-point-heiligenhaus", "defunct"),
    ("jmd-monheim", "defunct"),
    ("fluechtlingsberatung-wuelfrath", "-uk"),
    ("mbe-wuelfrath", "-uk"),
    ("integration-point-wuelfrath", "-uk"),
    ("fluechtlingsberatung-haan", "-ti"),
    ("fluechtlingsberatung-erkrath", "-ti"),
    ("mbe-heiligenhaus", "-late"),
    ("jmd-heiligenhaus", "-friday"),
    ("mbe-heiligenhaus", "-friday"),
    ("fluechtlingsberatung-heiligenhaus", "-friday"),
]

# word, language, town slug ("" = none chosen), searches per month (roughly)
NEEDS = [
    ("dari", "de", "velbert", 6),
    ("dari", "fa", "hilden", 4),
    ("tigrinya", "de", "haan", 3),
    ("kurmanci", "de", "ratingen", 3),
    ("wohnung", "de", "", 9),
    ("wohnungssuche", "de", "mettmann", 4),
    ("kitaplatz", "de", "langenfeld", 5),
    ("schuldnerberatung", "de", "velbert", 4),
    ("psychotherapie", "de", "", 5),
    ("trauma", "en", "", 3),
    ("abendsprechstunde", "de", "heiligenhaus", 3),
    ("samstag", "de", "wuelfrath", 3),
    ("führerschein", "de", "", 3),
    ("житло", "uk", "wuelfrath", 5),
    ("визнання", "uk", "", 4),
    ("سكن", "ar", "monheim", 4),
    ("مدرسة", "ar", "", 3),
    ("وکیل", "fa", "", 3),
    ("ev", "tr", "", 3),
]
# Counted once or twice only: the report must never show these.
RARE = [("mustermann", "de", "hilden", 1), ("geheimwort", "de", "", 2)]
MONTHS = 6


def _make_gap(page, change):
    page = page.specific
    if change == "defunct":
        if page.status == ServicePage.Status.DEFUNCT:
            return False
        page.status = ServicePage.Status.DEFUNCT
        page.alert = "Angebot eingestellt (Beispiel)."
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
    for slug, change in GAPS:
        page = ServicePage.objects.filter(slug=slug, locale__language_code="de").first()
        if page is not None:
            _make_gap(page, change)
    towns = {
        town.slug: str(town.translation_key)
        for town in Town.objects.filter(locale__language_code="de")
    }
    rng = random.Random(17)  # noqa: S311 (simulated figures, the same on every run)
    this_month = month_start()
    for back in range(MONTHS):
        month = add_months(this_month, -back)
        for term, language, town, per_month in NEEDS:
            count = max(0, per_month + rng.randint(-2, 2))
            if count:
                _counter(month, language, towns.get(town, ""), term, count)
    for term, language, town, count in RARE:
        _counter(this_month, language, towns.get(town, ""), term, count)


def _counter(month, language, town, term, count):
    UnmetNeedCount.objects.update_or_create(
        month=month, language=language, town=town, term=term, defaults={"count": count}
    )
