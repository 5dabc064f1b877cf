"""Contract tests of the framework patches (portal/patches/): each fails when an upgrade of
Wagtail or wagtail-localize changes what a patch replaces or relies on."""

import importlib.metadata
from pathlib import Path

import pytest

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page, Site
from wagtail.models.i18n import LocaleManager

from home.factories import ContentPageFactory
from portal import patches
from portal.cache import request_scope
from portal.patches import locale_cache, site_lookup

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"WAGTAIL_VERSION": "wagtail", "WAGTAIL_LOCALIZE_VERSION": "wagtail-localize"}


@pytest.mark.parametrize("module", patches.patch_modules(), ids=lambda m: m.__name__)
def test_each_patch_names_its_versions_reasons_and_test(module):
    assert len(module.__doc__.strip()) > 200, "say what the patch does and why"
    named = [name for name in PACKAGES if hasattr(module, name)]
    assert named, "name the Wagtail or wagtail-localize version the patch was written for"
    for name in named:
        installed = importlib.metadata.version(PACKAGES[name])
        assert installed.startswith(getattr(module, name) + "."), (
            f"{PACKAGES[name]} is now {installed}: re-read {module.__name__} against it"
        )
    assert module.UPSTREAM
    assert (ROOT / module.CONTRACT_TEST.split("::")[0]).is_file()


@pytest.mark.parametrize(
    ("target", "expected"),
    [(target, fp) for module in patches.patch_modules() for target, fp in module.UPSTREAM.items()],
)
def test_upstream_code_is_what_the_patches_were_written_against(target, expected):
    assert patches.fingerprint(target) == expected, (
        f"{target} changed upstream: re-read the patch that lists it, then update the "
        "fingerprint (python -m portal.patches.fingerprints)"
    )


def test_fingerprints_read_the_installed_file_not_the_patched_method():
    source = patches.upstream_source("wagtail.models.i18n:LocaleManager.get_for_language")
    assert source.startswith("def get_for_language")
    assert LocaleManager.get_for_language is locale_cache._cached_get_for_language
    with pytest.raises(StopIteration):
        patches.upstream_source("wagtail.models.i18n:LocaleManager.no_such_method")


@pytest.mark.django_db
def test_locale_cache_answers_like_wagtail():
    for locale in Locale.objects.all():
        upstream = locale_cache._uncached_get_for_language(Locale.objects, locale.language_code)
        cached = Locale.objects.get_for_language(locale.language_code)
        assert (cached.pk, cached.language_code) == (upstream.pk, upstream.language_code)
    with CaptureQueriesContext(connection) as queries:
        Locale.objects.get_for_language("de")
    assert len(queries) == 0
    with pytest.raises(LookupError):  # as Wagtail's: an unsupported language code
        Locale.objects.get_for_language("xx")


def test_path_routing_matches_wagtail(home, workspace_a):
    request = RequestFactory().get(workspace_a.url)
    components = [part for part in workspace_a.url_path.split("/") if part][1:]
    assert len(components) >= 2
    ours = home.route(request, components)
    wagtails = Page.route(home, request, components)
    assert ours.page.pk == wagtails.page.pk == workspace_a.pk
    assert type(ours.page) is type(wagtails.page)


def _site_request(host):
    return RequestFactory().get("/", HTTP_HOST=host)


@pytest.mark.django_db
def test_site_lookup_answers_like_wagtail(home):
    """Wagtail's choice for an exact host, another port, an unknown host (the default site)
    and no default site at all; fresh instances each time; a change seen on the next call."""
    site = Site.objects.get(is_default_site=True)
    other = Site.objects.create(hostname="kim.example", port=8080, root_page=home)
    hosts = ["localhost", "kim.example:8080", "kim.example", "unbekannt.example", "testserver"]

    def both(host):
        request = _site_request(host)
        return site_lookup._find_for_request(request), site_lookup._uncached_find_for_request(
            request
        )

    for host in hosts:
        ours, wagtails = both(host)
        assert (ours.pk, ours.root_page.pk) == (wagtails.pk, wagtails.root_page.pk), host
    first, _ = both("kim.example:8080")
    again, _ = both("kim.example:8080")
    assert first is not again and first.root_page is not again.root_page
    with CaptureQueriesContext(connection) as queries:
        both_ours = site_lookup._find_for_request(_site_request("kim.example:8080"))
    assert both_ours.pk == other.pk and len(queries) <= 1  # the content version only
    assert Site.find_for_request(_site_request("kim.example:8080")).pk == other.pk

    other.port = 9090
    other.save()
    ours, wagtails = both("kim.example:9090")
    assert ours.pk == wagtails.pk == other.pk
    site.is_default_site = False
    site.save()
    ours, wagtails = both("unbekannt.example")
    assert ours is None and wagtails is None


def _restriction_ids(page, method):
    return sorted(method(page).values_list("pk", flat=True))


@pytest.mark.django_db
def test_view_restrictions_answer_like_wagtail(home, content_page, workspace_a, sync_locale):
    """The same restrictions as Wagtail's for public pages, restricted pages, pages below
    them and aliases (whose source decides), before and after a change; no query for a
    public page once the memo is warm."""
    from wagtail.models import PageViewRestriction

    from portal import signal_handlers
    from portal.patches import view_restrictions

    below = ContentPageFactory(parent=workspace_a, title="Protokoll", slug="protokoll")
    sync_locale("ar")
    alias = Page.objects.get(alias_of=workspace_a)
    with signal_handlers._guard():  # an alias with no rows of its own: its source decides
        PageViewRestriction.objects.filter(page=alias).delete()
    alias_below = Page.objects.get(alias_of=below)
    pages = [home, content_page, workspace_a, below, alias, alias_below]
    pages += list(Page.objects.filter(alias_of=content_page))

    def compare():
        for page in pages:
            page.refresh_from_db()
            ours = _restriction_ids(page, Page.get_view_restrictions)
            wagtails = _restriction_ids(page, view_restrictions._uncached_get_view_restrictions)
            assert ours == wagtails, page

    compare()
    assert _restriction_ids(alias, Page.get_view_restrictions)  # the source's restriction
    assert _restriction_ids(below, Page.get_view_restrictions)
    with CaptureQueriesContext(connection) as queries:
        assert not content_page.get_view_restrictions()
    assert len(queries) <= 1  # at most the content version

    PageViewRestriction.objects.create(page=content_page, restriction_type="login")
    compare()
    assert _restriction_ids(content_page, Page.get_view_restrictions)
    PageViewRestriction.objects.filter(page=workspace_a).delete()
    compare()
    assert not _restriction_ids(alias, Page.get_view_restrictions)


@pytest.mark.django_db
def test_routing_memo_gives_fresh_pages_and_follows_changes(home, content_page):
    from portal.patches import routing

    assert Page.route_for_request is routing.route_for_request
    child = ContentPageFactory(parent=content_page, title="Team", slug="team")

    def route(path):
        request = RequestFactory().get(path, HTTP_HOST="localhost")
        with request_scope():  # as ContentVersionMiddleware: the version read once
            result = Page.route_for_request(request, path)
        return result and result.page

    first = route("/ueber-kim/team/")
    with CaptureQueriesContext(connection) as queries:
        again = route("/ueber-kim/team/")
    assert len(queries) <= 1  # at most the content version
    assert first.pk == again.pk == child.pk and type(again) is type(child)
    assert first is not again and first.get_parent() is not again.get_parent()
    assert route("/ueber-kim/team/").get_parent().pk == content_page.pk  # no query for it

    child.slug = "das-team"
    child.save_revision().publish()
    assert route("/ueber-kim/team/") is None
    assert route("/ueber-kim/das-team/").pk == child.pk
    child.unpublish()
    assert route("/ueber-kim/das-team/") is None


@pytest.mark.django_db
def test_page_urls_answer_like_wagtail(home, content_page, sync_locale, translate):
    """Wagtail's URL for each page, active language (incl. Leichte Sprache), host and no
    request, with two sites; a warm call without a query; a new slug seen at once."""
    from django.utils import translation

    from portal.patches import page_urls

    other_root = ContentPageFactory(parent=home, title="Zweite Site", slug="zweite")
    Site.objects.create(hostname="kim.example", port=80, root_page=other_root)
    below = ContentPageFactory(parent=other_root, title="Unten", slug="unten")
    sync_locale("ar")
    translated = translate(content_page, "en", title="About KIM", slug="about-kim")
    pages = [home, content_page, other_root, below, translated]
    pages += list(Page.objects.filter(alias_of=content_page))

    def compare():
        for page in pages:
            page.refresh_from_db()
        for code in ("de", "ar", "en", "de-ls", "en-gb"):  # en-gb: a variant of en
            with translation.override(code):
                for host in ("localhost", "kim.example", None):
                    request = _site_request(host) if host else None
                    for page in pages:
                        ours = page.get_url_parts(request)
                        wagtails = page_urls._uncached_get_url_parts(page, request)
                        assert ours == wagtails, (code, host, page)

    compare()
    request = _site_request("localhost")
    content_page.get_url(request)
    with CaptureQueriesContext(connection) as queries, request_scope():
        assert content_page.get_url(request) == "/de/ueber-kim/"
    assert len(queries) <= 1  # at most the content version

    content_page.slug = "ueber-uns"
    content_page.save_revision().publish()
    compare()
    content_page.refresh_from_db()
    assert content_page.get_url(request) == "/de/ueber-uns/"
