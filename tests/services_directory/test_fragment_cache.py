"""The service page's fragment cache (article with opening hours, JSON-LD; issue #21).

Anonymous renderings are stored per content version and local date; every content change
and the next day give a fresh rendering; a member's or an editor's rendering is never stored.
"""

import datetime

import pytest

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from portal.cache import PageFragments
from services_directory import directory
from services_directory.factories import location, schedule
from services_directory.models import Organisation, ServicePage
from services_directory.presentation import service_fragments
from tests.conftest import response_text

WEDNESDAY = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def service(make_service, vocab, settings, monkeypatch):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0  # every request renders; only fragments are cached
    monkeypatch.setattr(directory, "clock", lambda: WEDNESDAY)
    return make_service(
        "JMD Hilden",
        towns=["hilden"],
        locations=[location(name="Beratungsstelle Mitte", town=vocab["town"]["hilden"])],
        schedules=[schedule("WE", 9, 12), schedule("TH", 14, 16)],
    )


def render(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def today_row(html):
    return html.split('class="is-today"', 1)[1].split("</tr>", 1)[0]


def test_second_anonymous_rendering_comes_from_the_fragments(client, service):
    first_count, first = render(client, service.url)
    second_count, second = render(client, service.url)
    assert second == first
    assert second_count < first_count - 3  # locations, hours, languages, contacts, snippets
    assert "Beratungsstelle Mitte" in second and '"@type": "GovernmentService"' in second


def rename_location(page, name):
    place = list(page.locations.all())[0]
    place.name = name
    page.locations = [place]


def _republish(page, change):
    page = ServicePage.objects.get(pk=page.pk)
    change(page)
    page.save_revision().publish()


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda p: setattr(p, "title", "JMD Hilden-Nord"), "JMD Hilden-Nord"),
        (lambda p: p.schedules.add(schedule("WE", 15, 18)), "15:00"),
        (lambda p: rename_location(p, "Haus am Markt"), "Haus am Markt"),
        (lambda p: setattr(p, "status", ServicePage.Status.TEMPORARILY_CLOSED), "badge--closed"),
        (lambda p: setattr(p, "alert", "Heute geschlossen (Beispiel)"), "Heute geschlossen"),
    ],
)
def test_every_page_change_renders_afresh(client, service, change, expected):
    _count, before = render(client, service.url)
    assert expected not in before
    render(client, service.url)  # from the fragments
    _republish(service, change)
    _count, after = render(client, service.url)
    assert expected in after


def test_a_snippet_change_renders_afresh(client, service):
    render(client, service.url)
    organisation = Organisation.objects.get(slug="caritas")
    organisation.name = "Caritasverband (umbenannt)"
    organisation.save()
    _count, html = render(client, service.url)
    assert "Caritasverband (umbenannt)" in html


def test_today_mark_follows_the_date(client, service, monkeypatch):
    _count, wednesday = render(client, service.url)
    assert "09:00" in today_row(wednesday)
    monkeypatch.setattr(directory, "clock", lambda: WEDNESDAY + datetime.timedelta(days=1))
    _count, thursday = render(client, service.url)
    assert "14:00" in today_row(thursday) and "09:00" not in today_row(thursday)


def stored_for_anonymous(page):
    request = RequestFactory().get(page.url)
    request.user = AnonymousUser()
    with translation.override("de"):
        return service_fragments(page, request).found


@pytest.mark.parametrize("role", ["member_a", "editor", "admin"])
def test_logged_in_renderings_are_never_stored(client_for, service, role):
    response = client_for(role).get(service.url)
    assert response.status_code == 200
    assert stored_for_anonymous(service) == {}
    client_for("anonymous").get(service.url)
    stored = set(stored_for_anonymous(service))
    assert stored == {"head", "article", "json_ld", *PageFragments.FRAME}


def test_the_cached_frame_never_shows_a_members_menu(client_for, service, home, workspace_a):
    """The header (main menu) and hreflang links are cached with the page's parts, for
    anonymous visitors only: a member's menu with a restricted page in it is never stored,
    and a query string (kept by the language switcher) is never part of a stored frame."""
    from wagtail.models import PageViewRestriction

    from home.factories import ContentPageFactory

    secret = ContentPageFactory(parent=home, title="Zqx Rahmen intern", slug="intern")  # in menus
    restriction = PageViewRestriction.objects.create(page=secret, restriction_type="groups")
    restriction.groups.set([workspace_a.group])

    member = client_for("member_a").get(service.url)
    assert "Zqx Rahmen intern" in response_text(member)  # the member's menu shows it
    for _ in range(2):  # stored, then served from the fragments
        anonymous = client_for("anonymous").get(service.url)
        assert "Zqx Rahmen intern" not in response_text(anonymous)
    stored = stored_for_anonymous(service)
    assert set(PageFragments.FRAME) <= set(stored)
    assert not any("Zqx" in html for html in stored.values())
    member = client_for("member_a").get(service.url)
    assert "Zqx Rahmen intern" in response_text(member)  # never the anonymous frame

    with_query = client_for("anonymous").get(service.url, {"utm": "Zqy"})
    assert "Zqy" not in response_text(with_query)
    request = RequestFactory().get(service.url, {"utm": "Zqy"})
    request.user = AnonymousUser()
    assert PageFragments(request, service, ()).stored_names == ()


def test_previews_are_never_cached(service):
    request = RequestFactory().get(service.url)
    request.user = AnonymousUser()
    request.is_preview = True
    fragments = PageFragments(request, service, ("article",))
    fragments.store("article", "draft")
    assert fragments.key is None and stored_for_anonymous(service) == {}


def test_full_rendering_stays_within_the_query_budget(client, service):
    """The query budget tests count warm requests, which now hit the fragments; the
    rendering without them (everything else warm) keeps the budget too."""
    from django.core.cache import cache

    from tests.conftest import QUERY_BUDGET

    render(client, service.url)
    hit, _html = render(client, service.url)
    request = RequestFactory().get(service.url)
    request.user = AnonymousUser()
    with translation.override("de"):
        fragments = service_fragments(service, request)
    cache.delete_many([fragments._key(name) for name in fragments.names])
    full, _html = render(client, service.url)
    assert hit < full <= QUERY_BUDGET


def test_the_cached_frame_follows_a_change_elsewhere(client, service, home):
    """The frame shows other pages (the main menu): renaming one renders it afresh."""
    from home.factories import ContentPageFactory

    entry = ContentPageFactory(parent=home, title="Zqm Alt", slug="menue")  # in menus
    for _ in range(2):  # stored, then served from the fragments
        _count, html = render(client, service.url)
        assert "Zqm Alt" in html
    assert set(PageFragments.FRAME) <= set(stored_for_anonymous(service))
    entry.title = "Zqm Neu"
    entry.save_revision().publish()
    _count, html = render(client, service.url)
    assert "Zqm Neu" in html and "Zqm Alt" not in html
