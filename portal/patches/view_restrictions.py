"""A page's view restrictions without a query when none can apply.

Wagtail checks the restrictions of every page it serves (``check_view_restrictions``, an
``on_serve_page`` hook) with ``Page.get_view_restrictions``: one query for the page's
ancestors and one for the restriction rows, a sixth of a public service page's server time
(issue #21). Restrictions and pages are content (``portal.cache``: every write to them
replaces the content version), so each process keeps, per content version, the tree paths
from which a restriction can reach a page:

- the path of every page that has a restriction row, and
- the path of every alias whose source (followed through aliases of aliases, as Wagtail
  does) has one: Wagtail checks an alias by its source's rows.

A page none of whose ancestors-or-self lies on one of those paths has no restriction, and
``install()`` makes ``get_view_restrictions`` answer an empty queryset for it at once. Every
other page gets Wagtail's own answer, the same queryset as before. The memo only decides
when to skip the queries; it never makes a restriction up or leaves one out.
"""

from wagtail.models import Page, PageViewRestriction

from ..cache import process_memo

WAGTAIL_VERSION = "7.4"
UPSTREAM = {"wagtail.models.pages:Page.get_view_restrictions": "008d5bf7ea1ac3a3"}
CONTRACT_TEST = "tests/portal/test_patches.py::test_view_restrictions_answer_like_wagtail"

_uncached_get_view_restrictions = Page.get_view_restrictions


def _reachable_paths():
    """Tree paths from which a restriction reaches the pages below (see the docstring)."""
    restricted = dict(PageViewRestriction.objects.values_list("page_id", "page__path"))
    paths = set(restricted.values())
    aliases = {
        pk: (path, source)
        for pk, path, source in Page.objects.filter(alias_of__isnull=False).values_list(
            "pk", "path", "alias_of_id"
        )
    }
    for path, source in aliases.values():
        seen = set()
        while source in aliases and source not in seen:  # an alias of an alias
            seen.add(source)
            source = aliases[source][1]
        if source in restricted:
            paths.add(path)
    return frozenset(paths)


def get_view_restrictions(self):
    paths = process_memo("view restrictions", None, _reachable_paths)
    step = Page.steplen
    if paths and any(self.path[:end] in paths for end in range(step, len(self.path) + 1, step)):
        return _uncached_get_view_restrictions(self)
    return PageViewRestriction.objects.none()


def install():
    Page.get_view_restrictions = get_view_restrictions
