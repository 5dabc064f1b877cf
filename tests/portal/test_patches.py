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

from portal import patches
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
