"""Site search: safe query handling and a search that degrades instead of failing.

Wagtail's SQLite backend raises on a lone ``"``, an empty query or thousands of terms
(WAGTAIL_NOTES.md, Search); the query is therefore reduced to plain words first.
"""

import hashlib
import logging
import re

from django.conf import settings
from django.db.models import Q

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from .cache import cached_fragment
from .privacy import hidden_paths_for_request, visible_pages

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 200
MAX_TERMS = 10
# Letters and digits of any script, plus inner hyphens ("Ü-Kurs"); everything else splits.
_WORD = re.compile(r"[^\W_](?:[\w-]*[^\W_])?", re.UNICODE)
_OPERATORS = {"and", "or", "not", "near"}


def clean_query(raw):
    """Reduce user input to at most ``MAX_TERMS`` plain words, or "" if nothing is left."""
    if not raw:
        return ""
    words = _WORD.findall(str(raw)[: MAX_QUERY_CHARS * 5])
    words = [w for w in words if w.lower() not in _OPERATORS]
    return " ".join(words[:MAX_TERMS])[:MAX_QUERY_CHARS].strip()


# The privacy filter writes one clause per subtree the visitor may not see. A search cluster
# refuses a query of more than 1,024 clauses (Lucene's limit; OpenSearch's
# ``indices.query.bool.max_clause_count``, wagtail#14108), and SQLite an expression deeper
# than 1,000. Beyond this many subtrees the hidden pages are excluded by id instead: one
# ``terms`` clause on the cluster (up to 65,536 ids), one ``NOT IN`` in SQL.
MAX_PATH_CLAUSES = 200


def searchable_pages(request):
    """:func:`portal.privacy.visible_pages` in a form every search backend can run."""
    hidden = hidden_paths_for_request(request)
    if len(hidden) <= MAX_PATH_CLAUSES:
        return visible_pages(request)
    return Page.objects.live().exclude(pk__in=_hidden_page_ids(hidden))


def _hidden_page_ids(paths):
    """Ids of every page inside the given subtrees, read once per content version."""
    digest = hashlib.sha1("|".join(paths).encode(), usedforsecurity=False).hexdigest()

    def load():
        ids = set()
        for start in range(0, len(paths), MAX_PATH_CLAUSES):
            inside = Q(pk__in=[])
            for path in paths[start : start + MAX_PATH_CLAUSES]:
                inside |= Q(path__startswith=path)
            ids.update(Page.objects.filter(inside).values_list("pk", flat=True))
        return sorted(ids)

    return cached_fragment(f"hidden-page-ids:{digest}", load)


class SearchUnavailable(Exception):
    """Neither the configured search engine nor the database fallback answered."""


def search_with_fallback(query, queryset, *, operator="and", partial=True):
    """Search ``queryset`` (already narrowed by the privacy helper) for ``query``.

    Returns ``(results, degraded)``; ``degraded`` is True when the search engine was
    unreachable and the database backend answered instead. With ``partial``, a query
    without whole-word hits is retried as a prefix (autocomplete) search, so that
    "Ausbild" finds "Ausbildung".
    """
    backends = ["default"]
    if "fallback" in settings.WAGTAILSEARCH_BACKENDS:
        backends.append("fallback")
    for position, name in enumerate(backends):
        backend = get_search_backend(name)
        try:
            results = list(backend.search(query, queryset, operator=operator))
            if not results and partial:
                results = list(backend.autocomplete(query, queryset, operator=operator))
            return results, position > 0
        except Exception:  # an unreachable engine raises its client's own errors
            logger.exception("Search backend %r failed for a site search", name)
    raise SearchUnavailable
