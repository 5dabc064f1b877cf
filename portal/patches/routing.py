"""Route a deep URL with one query for the whole path instead of two per level.

Wagtail's ``Page.route`` looks up one child by slug and then its specific row, level by
level: a service page four levels down costs six queries before it is served. The site's
home page uses :class:`PathRoutingMixin`, which finds every page along the path at once by
``url_path`` and walks them as ``Page.route`` would. A page type that routes on its own
(``RoutablePageMixin``, or any override of ``route``) is handed the rest of the path, so it
behaves exactly as before; so is any case this shortcut does not recognise. A page type may
name foreign keys in ``serve_select_related`` to have them loaded with the page.

Pages are content (``portal.cache``: every write to a page replaces the content version), so
the outcome of a walk is kept per process, content version, root and path
(``process_memo``): the page it ends at, pickled, and how much of the path that page is
handed. Each request unpickles a fresh instance, so no instance is shared between requests,
and the page's own ``route`` still decides (a page that is no longer live is a 404, a page
that routes itself gets the rest of the path). The site's root in the active language
(``site.root_page.localized.specific`` in ``Page.route_for_request``) is kept the same way:
``install()`` replaces ``Page.route_for_request`` with :func:`route_for_request`, which does
what Wagtail's does from that memo. Together: a page four levels down is routed without a
query once its path has been seen in this content version (issue #21).
"""

import pickle

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site

from ..cache import process_memo

WAGTAIL_VERSION = "7.4"
# Walks the tree as these do, and hands over to them where a page routes on its own.
UPSTREAM = {
    "wagtail.models.pages:Page.route": "2c2cc629eb272495",
    "wagtail.contrib.routable_page.models:RoutablePageMixin.route": "949bc707f74633cf",
    "wagtail.models.pages:Page.route_for_request": "1bd0a266c54584d2",
}
CONTRACT_TEST = "tests/portal/test_patches.py::test_path_routing_matches_wagtail"


def _routes_itself(page, remaining):
    """Would ``page``'s own ``route`` treat ``remaining`` differently from ``Page.route``?"""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    if model is None:
        return True
    if model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        # Its sub-page patterns come first, for a live page; otherwise its children.
        if not page.live:
            return False
        try:
            model.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Http404:
            return False
    return True


class PathRoutingMixin:
    def route(self, request, path_components):
        if len(path_components) < 2:
            return super().route(request, path_components)
        walked = process_memo(
            "route", (self.pk, tuple(path_components)), lambda: self._walk(path_components)
        )
        if not walked:  # not recognised: Wagtail walks it level by level
            return super().route(request, path_components)
        pickled, consumed = walked
        return pickle.loads(pickled).route(request, path_components[consumed:])  # noqa: S301 (our own pickle)

    def _walk(self, path_components):
        """``(pickled specific page, components consumed)`` for the page that takes over the
        rest of the path, or ``()`` where Wagtail should decide level by level."""
        url_paths = [
            f"{self.url_path}{'/'.join(path_components[: n + 1])}/"
            for n in range(len(path_components))
        ]
        found = {}
        candidates = Page.objects.filter(
            url_path__in=url_paths, path__startswith=self.path, depth__gt=self.depth
        )
        for page in candidates:
            if page.url_path in found:  # ambiguous: let Wagtail decide level by level
                return ()
            found[page.url_path] = page
        first = found.get(url_paths[0])
        if first is None:
            return ()  # Wagtail's 404
        parent, current, depth = self, first, self.depth + 1
        for n, url_path in enumerate(url_paths[1:], start=1):
            child = found.get(url_path)
            if (
                _routes_itself(current, path_components[n:])
                or child is None
                or child.depth != depth + 1
            ):
                return _handover(current, parent, n)
            parent, current, depth = current, child, depth + 1
        return _handover(current, parent, len(path_components))


def _handover(page, parent, consumed):
    return pickle.dumps(_specific(page, parent), pickle.HIGHEST_PROTOCOL), consumed


def _specific(page, parent):
    """``page.specific``, with the relations its type names in ``serve_select_related``
    loaded in the same query, and its parent remembered (treebeard's ``get_parent`` cache)."""
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    related = getattr(model, "serve_select_related", ())
    if related:
        specific = model._default_manager.select_related(*related).get(pk=page.pk)
    else:
        specific = page.specific
    specific._cached_parent_obj = parent
    return specific


def _localized_root(site):
    """``site.root_page.localized.specific`` from the memo: a fresh instance per call."""
    try:
        locale = Locale.get_active().pk
    except (LookupError, Locale.DoesNotExist):
        locale = None
    pickled = process_memo(
        "root",
        (site.root_page_id, locale),
        lambda: pickle.dumps(site.root_page.localized.specific, pickle.HIGHEST_PROTOCOL),
    )
    return pickle.loads(pickled)  # noqa: S301 (our own pickle)


def route_for_request(request, path):
    """Wagtail's ``Page.route_for_request``, with the localized root from the memo."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            if site := Site.find_for_request(request):
                components = [component for component in path.split("/") if component]
                request._wagtail_route_for_request = _localized_root(site).route(
                    request, components
                )
            else:
                request._wagtail_route_for_request = None
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def install():
    Page.route_for_request = staticmethod(route_for_request)
