"""Folding German text so that typed variants of a word meet the stored one.

Visitors type "Fluechtling", "Fluchtling" or "Flüchtling", "Strasse" or "Straße". Both the
stored search text and the query go through :func:`fold`, which maps all of these to one
spelling. The fold is deliberately lossy ("ue" → "u" everywhere): it only has to be the same
on both sides, never shown to anyone.
"""

import re
import unicodedata

_SPLIT = re.compile(r"[^\w]+", re.UNICODE)
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))
# Common German inflection endings, longest first. Stripped from query words only (the stored
# text keeps its words, and a query word is matched as a substring), so "Geflüchteten" finds
# "Geflüchtete" and "Beratungen" finds "Migrationsberatung" without a stemmer.
_ENDINGS = ("ungen", "en", "er", "es", "e", "n", "s")
_MIN_STEM = 5


def fold(text):
    """Lower case, without diacritics, ß → ss, ae/oe/ue → a/o/u, words separated by a space."""
    if not text:
        return ""
    text = str(text).lower().replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    for digraph, single in _DIGRAPHS:
        text = text.replace(digraph, single)
    return " ".join(part for part in _SPLIT.split(text) if part)


def stem(word):
    """A folded query word without its inflection ending ("beratungen" → "beratung")."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            if ending == "ungen":
                return word[: -len(ending)] + "ung"
            return word[: -len(ending)]
    return word


def query_terms(query):
    """The folded, stemmed words of an already cleaned query (see ``portal.search``)."""
    seen = []
    for word in fold(query).split():
        term = stem(word)
        if term and term not in seen:
            seen.append(term)
    return seen
