"""Route a deep URL with one query for the whole path instead of two per level.

Wagtail's ``Page.route`` looks up one child by slug and then its specific row, level by
level: a service page four levels down costs six queries before it is served. The site's
home page uses :class:`PathRoutingMixin`, which finds every page along the path at once by
``url_path`` and walks them as ``Page.route`` would. A page type that routes on its own
(``RoutablePageMixin``, or any override of ``route``) is handed the rest of the path, so it
behaves exactly as before; so is any case this shortcut does not recognise. A page type may
name foreign keys in ``serve_select_related`` to have them loaded with the page.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

WAGTAIL_VERSION = "7.4"
# Walks the tree as these do, and hands over to them where a page routes on its own.
UPSTREAM = {
    "wagtail.models.pages:Page.route": "2c2cc629eb272495",
    "wagtail.contrib.routable_page.models:RoutablePageMixin.route": "949bc707f74633cf",
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
                return super().route(request, path_components)
            found[page.url_path] = page
        first = found.get(url_paths[0])
        if first is None:
            return super().route(request, path_components)  # Wagtail's 404
        parent, current, depth = self, first, self.depth + 1
        for n, url_path in enumerate(url_paths[1:], start=1):
            if _routes_itself(current, path_components[n:]):
                return _specific(current, parent).route(request, path_components[n:])
            child = found.get(url_path)
            if child is None or child.depth != depth + 1:
                return _specific(current, parent).route(request, path_components[n:])
            parent, current, depth = current, child, depth + 1
        return _specific(current, parent).route(request, [])


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
