"""Site search: safe query handling and a search that degrades instead of failing.

Wagtail's SQLite backend raises on a lone ``"``, an empty query or thousands of terms
(docs/search.md); the query is therefore reduced to plain words first.
"""

import logging
import re

from django.conf import settings

from wagtail.search.backends import get_search_backend

from .privacy import searchable_pages  # noqa: F401  (the site search's queryset)

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


_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
_MIN_STEM = 4


def stem_query(query):
    """The query's words as Snowball stems (German, then English), umlauts typed as ae/oe/ue
    folded: "Beratungen Fluechtlinge" → "berat fluchtling". The database backends index
    words without diacritics, so the stems meet their words as prefixes (autocomplete).
    """
    import snowballstemmer

    german, english = snowballstemmer.stemmer("german"), snowballstemmer.stemmer("english")
    stems = []
    for word in query.lower().split():
        if word.isascii():
            for digraph, single in _DIGRAPHS:
                word = word.replace(digraph, single)
        stem = german.stemWord(word)
        if stem == word:
            stem = english.stemWord(word)
        stems.append(stem if len(stem) >= _MIN_STEM else word)
    return " ".join(stems)


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
            # Lazy results: only their count runs here (and is kept by the results), the
            # caller's paginator then reads one page. Reading every hit ("Beratung": 10,000
            # services) cost PostgreSQL ~60 ms per search (issue #21).
            results = backend.search(query, queryset, operator=operator)
            if not results.count() and partial:
                results = backend.autocomplete(query, queryset, operator=operator)
            stemmed = stem_query(query)
            if not results.count() and partial and stemmed != query.lower():
                # SQLite's full-text index has no stemming: "Beratungen", "Fluechtling".
                results = backend.autocomplete(stemmed, queryset, operator=operator)
            results.count()
            return results, position > 0
        except Exception:  # an unreachable engine raises its client's own errors
            logger.exception("Search backend %r failed for a site search", name)
    raise SearchUnavailable


SNIPPET_CHARS = 180


def _base(text):
    """``text`` with each character reduced to its base letter, lower case, same length."""
    import unicodedata

    return "".join((unicodedata.normalize("NFKD", ch)[:1] or ch).lower() for ch in text)


def page_text(page):
    """The plain text of a page's searchable fields (rich text and StreamField included)."""
    from django.utils.html import strip_tags

    from wagtail.search import index

    parts = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        try:
            value = search_field.get_value(page)
        except Exception:  # a field the model computes from something missing
            logger.debug("No snippet text from %s", search_field.field_name, exc_info=True)
            value = None
        if isinstance(value, list | tuple):  # StreamField: its searchable strings
            parts += [str(v) for v in value if isinstance(v, str)]
        elif isinstance(value, str):
            parts.append(value)
    return " ".join(" ".join(strip_tags(part).split()) for part in parts if part)


def snippet(page, query):
    """A short passage of ``page`` around the first query word, the match in ``<mark>``."""
    from django.utils.html import escape, format_html
    from django.utils.safestring import mark_safe

    text = page.search_description or ""
    full = page_text(page)
    if full:
        text = full
    if not text:
        return ""
    base = _base(text)
    words = [w for w in query.lower().split() if len(w) >= 2]
    candidates = [*words, *stem_query(" ".join(words)).split()]
    for word in candidates:
        position = base.find(_base(word))
        if position >= 0:
            length = len(word)
            break
    else:
        short = text[:SNIPPET_CHARS]
        return short + ("…" if len(text) > SNIPPET_CHARS else "")
    start = max(0, position - SNIPPET_CHARS // 3)
    end = min(len(text), start + SNIPPET_CHARS)
    before, match, after = (
        text[start:position],
        text[position : position + length],
        text[position + length : end],
    )
    return mark_safe(  # noqa: S308 (every part is escaped)
        ("…" if start else "")
        + escape(before)
        + format_html("<mark>{}</mark>", match)
        + escape(after)
        + ("…" if end < len(text) else "")
    )
