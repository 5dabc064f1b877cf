"""The live opening status at the top of a service page (issue #22): "open now / closed now,
opens at …", computed on every request outside the page's cached fragments, with closures
(public holidays, own closure periods) as on the directory's cards; no cache keeps a service
page longer than ``LIVE_STATUS_SECONDS``."""

import datetime
import re
import time

import pytest

from wagtail.models import BaseViewRestriction, PageViewRestriction

from services_directory import directory, presentation
from services_directory.factories import closure, location, schedule
from tests.conftest import QUERY_BUDGET


def at(monkeypatch, month, day, hour, minute=0, second=0):
    local = datetime.datetime(2026, month, day, hour, minute, second, tzinfo=directory.BERLIN)
    monkeypatch.setattr(directory, "clock", lambda: local)


@pytest.fixture
def service(make_service, vocab):
    return make_service(
        "JMD Hilden",
        towns=["hilden"],
        locations=[location(name="Beratungsstelle Mitte", town=vocab["town"]["hilden"])],
        # Wednesday 2026-11-25: 9–12 and 14–16; Friday: 9–12 (25 December is a holiday).
        schedules=[schedule("WE", 9, 12), schedule("WE", 14, 16), schedule("FR", 9, 12)],
        closures=[closure(datetime.date(2026, 12, 2), datetime.date(2026, 12, 2), "Teamtag")],
    )


def status_of(html):
    found = re.search(r'<p class="live-status[^"]*"[^>]*>(.*?)</p>', html, re.S)
    assert found, "no live status on the page"
    text = re.sub(r"<[^>]+>", "", found.group(0))
    return found.group(0), " ".join(text.split())


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.fixture
def no_page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


@pytest.mark.parametrize(
    "when, expected, css",
    [
        ((11, 25, 9, 30), "Jetzt geöffnet – bis 12:00 Stand: 09:30 Uhr", "open"),
        ((11, 25, 12, 30), "Jetzt geschlossen – Öffnet heute um 14:00 Stand: 12:30 Uhr", "closed"),
        ((11, 25, 7, 0), "Jetzt geschlossen – Öffnet heute um 09:00", "closed"),
        ((11, 25, 16, 0), "Jetzt geschlossen – Nächste Öffnung: Freitag 09:00", "closed"),
        # A public holiday: named, and the next opening after it.
        (
            (12, 25, 10, 0),
            "Jetzt geschlossen – Feiertag: Erster Weihnachtstag – Nächste Öffnung: Mittwoch",
            "closed",
        ),
        # The service's own closure day (a Wednesday) is skipped the same way.
        (
            (12, 2, 10, 0),
            "Jetzt geschlossen – Geschlossen: Teamtag – Nächste Öffnung: Freitag",
            "closed",
        ),
    ],
)
def test_status_follows_the_clock_and_the_closures(
    client, service, monkeypatch, no_page_cache, when, expected, css
):
    at(monkeypatch, *when)
    element, text = status_of(get(client, service.url).content.decode())
    assert text.startswith(expected), text
    assert f"live-status--{css}" in element
    # It comes right after the title, before the call/route/slip buttons and the description.
    html = get(client, service.url).content.decode()
    assert html.index("</h1>") < html.index("live-status") < html.index("service-actions")


def test_status_is_english_and_arabic_in_those_languages(
    client, service, monkeypatch, no_page_cache, sync_locale
):
    sync_locale("ar")
    at(monkeypatch, 11, 25, 9, 30)
    _element, text = status_of(get(client, service.url.replace("/de/", "/ar/")).content.decode())
    assert "مفتوح الآن" in text and "آخر تحديث: 09:30" in text


def test_status_is_outside_the_cached_fragments(
    client, service, monkeypatch, no_page_cache, count_queries
):
    at(monkeypatch, 11, 25, 11, 59)
    first = get(client, service.url).content.decode()
    assert status_of(first)[1].startswith("Jetzt geöffnet – bis 12:00")
    at(monkeypatch, 11, 25, 12, 1)
    queries, response = count_queries(client, service.url)
    second = response.content.decode()
    # The same day: article and JSON-LD come from the fragment cache, the status is fresh.
    assert status_of(second)[1].startswith("Jetzt geschlossen – Öffnet heute um 14:00")
    assert first.split("service-actions", 1)[1] == second.split("service-actions", 1)[1]
    assert queries <= QUERY_BUDGET


def test_page_cache_keeps_the_status_no_longer_than_the_bound(
    client, service, monkeypatch, settings
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    response = get(client, service.url)
    assert response["Cache-Control"] == f"max-age={presentation.LIVE_STATUS_SECONDS}"
    assert presentation.LIVE_STATUS_SECONDS <= 300
    # A bound of one second, so the test can wait it out.
    monkeypatch.setattr(presentation, "LIVE_STATUS_SECONDS", 1)
    from django.core.cache import cache

    cache.clear()
    at(monkeypatch, 11, 25, 11, 59, 59)
    first = get(client, service.url)
    assert first["X-Cache"] == "MISS"
    assert status_of(first.content.decode())[1].startswith("Jetzt geöffnet")
    at(monkeypatch, 11, 25, 12, 0, 1)
    within = get(client, service.url)
    # Within the bound the cached page answers, and says how old its status is.
    assert within["X-Cache"] == "HIT"
    assert status_of(within.content.decode())[1].endswith("Stand: 11:59 Uhr")
    time.sleep(1.2)
    after = get(client, service.url)
    assert after["X-Cache"] == "MISS"
    assert status_of(after.content.decode())[1].startswith("Jetzt geschlossen")


def test_no_hours_no_status(client, make_service, no_page_cache):
    bare = make_service("Ohne Zeiten", towns=["hilden"])
    html = get(client, bare.url).content.decode()
    assert "live-status" not in html


def test_a_restricted_service_with_a_live_status_never_reaches_others(
    client_for, make_service, workspace_a, settings, monkeypatch
):
    """A group-restricted service: its member sees the page with the status (private, never
    stored despite its max-age); the next anonymous visitor and a member of another group get
    the login redirect, never the cached page or its marker."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    at(monkeypatch, 11, 25, 9, 30)
    marker = "GEHEIM-LIVE-7F3A"
    secret = make_service(
        f"Interne Beratung {marker}",
        description=f"<p>{marker}</p>",
        schedules=[schedule("WE", 9, 12)],
    )
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    member = get(client_for("member_a"), secret.url)
    assert marker in member.content.decode()
    assert status_of(member.content.decode())[1].startswith("Jetzt geöffnet")
    assert "private" in member["Cache-Control"]
    for role in ("anonymous", "member_b"):
        other = client_for(role).get(secret.url)
        assert other.status_code == 302, role
        assert marker not in other.content.decode() and other.get("X-Cache") != "HIT"
