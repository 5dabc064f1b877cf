"""Site search: safe query handling and a search that degrades instead of failing.

Wagtail's SQLite backend raises on a lone ``"``, an empty query or thousands of terms
(WAGTAIL_NOTES.md, Search); the query is therefore reduced to plain words first.
"""

import logging
import re

from django.conf import settings

from wagtail.search.backends import get_search_backend

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
