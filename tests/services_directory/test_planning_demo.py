"""The planning report's demo data (``services_directory/planning_demo.py`` reading
``data/demo_planning.json``): gaps made on the demo services, simulated unmet-need counts,
and a second run that changes nothing. The whole demo is loaded in
``tests/portal/test_load_demo.py``."""

import json
from pathlib import Path

from wagtail.models import Revision

from services_directory import planning_demo
from services_directory.factories import language, schedule
from services_directory.models import ServicePage
from services_directory.unmet_needs import UnmetNeedCount

DATA = Path(planning_demo.__file__).resolve().parent / "data"


def test_the_data_names_demo_services_towns_and_known_changes():
    """Every gap names a service the directory demo builds and a change the step knows;
    every simulated search a demo town (or none)."""
    directory = json.loads((DATA / "demo_directory.json").read_text(encoding="utf-8"))
    towns = {slug for _name, slug, *_rest in directory["towns"]}
    services = {f"{kind}-{town}" for kind in directory["profiles"] for town in towns}
    services |= {spec[0] for spec in directory["special_services"]}
    data = planning_demo.DATA
    assert len(data["gaps"]) == 12 and len(data["needs"]) == 19 and data["months"] == 6
    for gap in data["gaps"]:
        assert gap["service"] in services, gap
        change = gap["change"]
        assert change in {"defunct", "-late", "-friday"} or len(change) == 3, gap
    for need in data["needs"] + data["rare"]:
        assert need["town"] in towns | {""}, need
    assert all(need["count"] < 3 for need in data["rare"])  # below the report's threshold


def test_demo_planning_makes_the_gaps_and_counts_once(make_service):
    hours = [schedule("MO", 9, 18), schedule("FR", 9, 12)]
    make_service("JMD Monheim", slug="jmd-monheim", towns=["hilden"])
    make_service("MBE Heiligenhaus", slug="mbe-heiligenhaus", towns=["velbert"], schedules=hours)
    make_service(
        "MBE Wülfrath",
        slug="mbe-wuelfrath",
        towns=["wuelfrath"],
        languages=[language("de"), language("uk")],
    )
    planning_demo.demo_planning({})
    rows = set(UnmetNeedCount.objects.values_list("month", "language", "town", "term", "count"))
    revisions = Revision.objects.count()
    planning_demo.demo_planning({})
    assert Revision.objects.count() == revisions  # nothing republished
    again = set(UnmetNeedCount.objects.values_list("month", "language", "town", "term", "count"))
    assert again == rows

    german = ServicePage.objects.filter(locale__language_code="de")
    monheim = german.get(slug="jmd-monheim")
    assert monheim.status == ServicePage.Status.DEFUNCT
    assert monheim.alert == "Angebot eingestellt (Beispiel)."
    heiligenhaus = german.get(slug="mbe-heiligenhaus")
    assert list(heiligenhaus.schedules.values_list("byday", flat=True)) == []  # late, Friday
    wuelfrath = german.get(slug="mbe-wuelfrath")
    assert list(wuelfrath.languages.values_list("code", flat=True)) == ["de"]

    terms = {term for _month, _language, _town, term, _count in rows}
    assert {"dari", "житло", "mustermann", "geheimwort"} <= terms
    months = {month for month, *_rest in rows}
    assert len(months) == 6
    velbert = UnmetNeedCount.objects.filter(term="dari", language="de").first()
    assert velbert.town  # the town's translation key, from the directory's Town
