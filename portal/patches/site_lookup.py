"""The site of a request from a per-process memo, per content version.

Wagtail finds the ``Site`` of every request with one query that Django compiles afresh each
time (an annotated ``CASE`` over hostname, port and the default site, with the root page
joined): about a sixth of a service page's server time on the seeded site (issue #21).
Sites and pages are content (``portal.cache``: every write to them replaces the content
version), so each process keeps the *values* of the site and its root page per hostname, port
and content version, and ``install()`` makes ``Site._find_for_request`` build fresh
instances from them (``Model.from_db``): no instance is shared between requests. The choice
itself stays Wagtail's: the values come from ``get_site_for_hostname``.
"""

import functools

from django.db import router
from django.http.request import split_domain_port

from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from ..cache import process_memo

WAGTAIL_VERSION = "7.4"
UPSTREAM = {
    "wagtail.models.sites:Site._find_for_request": "5c0c486f44020aea",
    "wagtail.models.sites:get_site_for_hostname": "86965d442d39b571",
}
CONTRACT_TEST = "tests/portal/test_patches.py::test_site_lookup_answers_like_wagtail"

_uncached_find_for_request = Site._find_for_request


@functools.cache
def _attnames(model):
    return tuple(field.attname for field in model._meta.concrete_fields)


def _values(instance):
    return tuple(getattr(instance, name) for name in _attnames(type(instance)))


def _build(model, values):
    return model.from_db(router.db_for_read(model), _attnames(model), values)


def _lookup(hostname, port):
    """``(site values, root page values)`` of Wagtail's choice, or ``()`` for none."""
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return ()
    return (_values(site), _values(site.root_page))


def _find_for_request(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    found = process_memo("site", (hostname, port), lambda: _lookup(hostname, port))
    if not found:
        return None
    site = _build(Site, found[0])
    site.root_page = _build(Page, found[1])
    return site


def install():
    Site._find_for_request = staticmethod(_find_for_request)
