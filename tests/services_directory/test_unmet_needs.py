"""Unmet needs (issue #14, part 4): zero- and low-result searches, counted privately."""

import datetime

import pytest

from django.core.management import call_command
from django.db import connection

from wagtail.models import BaseViewRestriction, PageViewRestriction

from services_directory.unmet_needs import (
    UnmetNeedCount,
    normalise,
    purge,
    record,
    unmet_needs,
)

MARKER = "GEHEIMNIS5521"
NOVEMBER = datetime.date(2026, 11, 20)


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


def test_normalise_folds_and_drops_stop_words_numbers_and_addresses():
    assert normalise("Ich suche Hilfe für Bürgergeld, ARBEIT finden!") == [
        "buergergeld",
        "arbeit",
        "finden",
    ]
    assert normalise("Fluechtling Flüchtling") == ["fluechtling"]
    assert normalise("Straße STRASSE") == ["strasse"]
    assert normalise("Olga 0171 2345678 olga@example.org www.example.org 17 Jahre") == [
        "olga",
        "jahre",
    ]
    assert normalise("визнання атестата для мене") == ["визнання", "атестата", "мене"]
    assert normalise("لجوء في هيلدن") == ["لجوء", "هيلدن"]
    assert normalise("") == []
    assert len(normalise("wort " * 5000)) == 1
    assert len(normalise(" ".join(f"w{chr(97 + i)}x" for i in range(20)))) == 6


def test_record_counts_low_result_searches_per_month_language_and_town(db):
    assert record("Dari Beratung", "de", ["town-a"], 0, today=NOVEMBER) == 2
    assert record("dari", "de", ["town-a"], 2, today=NOVEMBER) == 1
    assert record("dari", "de", ["town-a"], 3, today=NOVEMBER) == 0  # enough results
    record("dari", "uk", [], 1, today=NOVEMBER)
    record("dari", "de", ["town-a"], 0, today=datetime.date(2026, 12, 2))
    rows = {(r.month, r.language, r.town, r.term): r.count for r in UnmetNeedCount.objects.all()}
    assert rows == {
        (datetime.date(2026, 11, 1), "de", "town-a", "dari"): 2,
        (datetime.date(2026, 11, 1), "de", "town-a", "beratung"): 1,
        (datetime.date(2026, 11, 1), "uk", "", "dari"): 1,
        (datetime.date(2026, 12, 1), "de", "town-a", "dari"): 1,
    }


def test_unknown_language_falls_back_and_nothing_without_words(db):
    record("Anerkennung", "xx<script>", [], 0, today=NOVEMBER)
    assert UnmetNeedCount.objects.get().language == "de"
    assert record("ich suche 12345", "de", [], 0, today=NOVEMBER) == 0
    assert UnmetNeedCount.objects.count() == 1


def test_unmet_needs_shows_terms_only_from_three_searches(db):
    for _ in range(3):
        record("Dari Hilden", "de", [], 0, today=NOVEMBER)
    record("Olga Dari", "de", [], 0, today=NOVEMBER)
    record("Olga", "de", [], 0, today=NOVEMBER)
    totals = {row["term"]: row["count"] for row in unmet_needs(by=())}
    assert totals == {"dari": 4, "hilden": 3}
    # min_count below 3 is raised to 3: a word seen twice never shows.
    assert "olga" not in {row["term"] for row in unmet_needs(min_count=1, by=())}
    detail = unmet_needs(since=datetime.date(2026, 11, 1), until=NOVEMBER)
    assert detail[0] == {
        "month": datetime.date(2026, 11, 1),
        "language": "de",
        "town": "",
        "term": "dari",
        "count": 4,
    }
    assert unmet_needs(since=datetime.date(2026, 12, 1)) == []


def test_retention_purges_old_counters_on_write_and_by_command(db, settings):
    settings.UNMET_NEEDS_RETENTION_MONTHS = 3
    UnmetNeedCount.objects.create(
        month=datetime.date(2026, 8, 1), language="de", term="alt", count=5
    )
    UnmetNeedCount.objects.create(
        month=datetime.date(2026, 9, 1), language="de", term="jung", count=5
    )
    record("neu", "de", [], 0, today=NOVEMBER)  # a new counter purges
    assert set(UnmetNeedCount.objects.values_list("term", flat=True)) == {"jung", "neu"}
    assert purge(today=datetime.date(2027, 1, 5)) == 1
    assert set(UnmetNeedCount.objects.values_list("term", flat=True)) == {"neu"}
    call_command("purge_unmet_needs", stdout=open("/dev/null", "w"))  # noqa: SIM115


def _all_stored_text():
    """Every text column of the counters' table, as stored."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {UnmetNeedCount._meta.db_table}")  # noqa: S608
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def test_directory_search_records_only_anonymous_low_result_searches(
    client, client_for, make_service, vocab
):
    make_service("JMD Hilden", towns=["hilden"])
    raw = "Ich suche Anerkennung Schulzeugnis für Olga, olga@example.org"
    response = client.get("/de/beratung/", {"q": raw, "town": "hilden"})
    assert response.status_code == 200
    stored = _all_stored_text()
    assert set(UnmetNeedCount.objects.values_list("term", flat=True)) == {
        "anerkennung",
        "schulzeugnis",
        "olga",
    }
    assert (
        UnmetNeedCount.objects.filter(town=str(vocab["town"]["hilden"].translation_key)).count()
        == 3
    )
    # The query as typed, the address and any part of the session never reach the table.
    assert raw not in stored and "example.org" not in stored and "@" not in stored
    assert client.session.session_key is None or client.session.session_key not in stored
    # A search that finds enough is not counted; a logged-in visitor is never counted.
    for title in ("JMD Hilden 2", "JMD Hilden 3"):
        make_service(title, towns=["hilden"])
    client.get("/de/beratung/", {"q": "JMD"})
    client_for("editor").get("/de/beratung/", {"q": "Wohnungssuche"})
    assert not UnmetNeedCount.objects.filter(term__in=["jmd", "wohnungssuche"]).exists()


def test_workspace_marker_never_reaches_the_counts(client_for, make_service, workspace_a):
    """A member finds a workspace service by its secret word: nothing is counted, so the
    word cannot appear in the planning report, however often members search it."""
    restricted = make_service(f"Interne Beratung {MARKER}", description=f"<p>{MARKER}</p>")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    member = client_for("member_a")
    for _ in range(4):
        html = member.get("/de/beratung/", {"q": MARKER}).content.decode()
        assert f"Interne Beratung {MARKER}" in html  # the member does find it: the test can fail
    assert MARKER.casefold() not in _all_stored_text().casefold()
    assert unmet_needs(by=()) == []
