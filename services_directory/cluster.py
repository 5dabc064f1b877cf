"""The directory on a search cluster: an OpenSearch-backed variant of ``matching.search``.

Built to measure, not assumed (issue 19, part 5; figures and decision in docs/search.md,
"The directory on the cluster"). The directory's pages keep the in-process matcher; this
module is what an OpenSearch-backed directory would be, with the same results contract
(:func:`search` takes the query and filters of ``matching.search`` and returns ranked
service ids), so that both answer the judged needs set side by side
(``manage.py bench_directory_cluster``, ``make bench-directory-cluster``).

How it maps the in-process matcher onto the engine:

- **Query understanding is shared**: ``matching.understand`` reads the age, the town or
  postcode and drops stop words; only the remaining terms go to the node.
- **Per-language analyzers** for the services' own text: each page's name and text go into
  ``name_<lang>``/``text_<lang>`` of its locale's language, analysed with OpenSearch's
  ``german`` (with the portal's compound splitting), ``english``, ``arabic``, ``persian``,
  ``turkish`` and ``russian`` analyzers; Ukrainian, which analysis-common lacks, with the
  Russian stemmer (as ``normalise.variants`` does).
- **The need vocabulary as a synonym graph** applied at search time: every phrase of the
  vocabulary (need terms and their synonyms, names of types, topics, target groups and
  languages, in all seven languages) is rewritten into the numeric tokens of the concepts it
  names (``phrase => 900012, 900047``), after each language's stemmer, so inflected forms
  meet too. A service document carries the tokens of the concepts that reach it, in one
  field per weight of ``matching`` (type 3, topic and language 2, target group 1.5, broad 1).
  Fields use the *boolean* similarity: a hit counts its weight, like the matcher, instead of
  a BM25 score that depends on how common a word is.
- **Filters** (town, type, topic, target group, language, age) are ``filter`` clauses;
  **facet counts** are aggregations, each facet counted under all *other* filters (the
  directory's rule), in the same request.
- **Privacy**: only public live services are ever sent to the node (``public_pages``), and
  every answer is narrowed again to the ``ids`` the caller may see (read from the database,
  as the directory does), so a page restricted or unpublished after indexing never appears.
  Members' restricted services are not indexed at all (they are few; the in-process matcher
  serves them).
"""

import http.client
import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings

from .directory import FACETS
from .matching import understand

INDEX = "directory_services"
TOKEN_BASE = 900_000  # concept tokens are numbers: no analyzer step changes them
# The weights of ``matching`` (W_TYPE, W_TOPIC/W_LANGUAGE, W_TARGET, W_BROAD) × 100.
WEIGHTS = (300, 200, 150, 100)
LANGUAGES = ("de", "en", "ar", "fa", "tr", "uk", "ru")
W_NAME, W_TEXT = 3.0, 1.5

# Steps of each language's analyzer before the vocabulary's synonyms (search side). Built
# like OpenSearch's language analyzers, without stop words and compound splitting: a rule
# whose words a step removes or splits would be dropped.
_NEED_CHAINS = {
    "de": ["lowercase", "german_normalization", "kim_light_german"],
    "en": ["kim_possessive_english", "lowercase", "kim_english"],
    "ar": ["lowercase", "decimal_digit", "arabic_normalization", "kim_arabic"],
    "fa": ["lowercase", "decimal_digit", "arabic_normalization", "persian_normalization"],
    "tr": ["apostrophe", "kim_turkish_lowercase", "kim_turkish"],
    "uk": ["lowercase", "kim_russian"],
    "ru": ["lowercase", "kim_russian"],
}
_TEXT_ANALYZERS = {
    "en": "english",
    "ar": "arabic",
    "fa": "persian",
    "tr": "turkish",
    "ru": "russian",
}


class ClusterError(Exception):
    """The node answered with an error, or could not be reached."""


class Cluster:
    """A small JSON client for one OpenSearch node, with one kept-alive connection.

    Plain ``http.client``: the directory variant needs four endpoints, and keeping the
    connection open is what a real client pool does (a new connection per request would be
    measured, not the search).
    """

    def __init__(self, url=None, prefix=None, timeout=30):
        parts = urlsplit(url or settings.SEARCH_URL)
        self.secure = parts.scheme == "https"
        self.host = parts.hostname or "127.0.0.1"
        self.port = parts.port or (443 if self.secure else 9200)
        if prefix is None:
            prefix = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get("default", {})
            prefix = prefix.get("INDEX_PREFIX", "kim_")
        self.index = f"{prefix}{INDEX}"
        self.timeout = timeout
        self._connection = None

    def _connect(self):
        kind = http.client.HTTPSConnection if self.secure else http.client.HTTPConnection
        return kind(self.host, self.port, timeout=self.timeout)

    def request(self, method, path, body=None, lines=None, missing_ok=False):
        """``method path`` with a JSON ``body`` (or NDJSON ``lines``); the decoded answer.

        ``missing_ok``: a 404 (no such index) answers ``{}`` instead of raising.
        """
        if lines is not None:
            data = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n"
            headers = {"Content-Type": "application/x-ndjson"}
        else:
            data = None if body is None else json.dumps(body, ensure_ascii=False)
            headers = {"Content-Type": "application/json"}
        payload = status = None
        for attempt in (1, 2):  # a kept-alive connection the node closed: reconnect once
            connection = self._connection or self._connect()
            try:
                connection.request(method, path, body=data and data.encode(), headers=headers)
                response = connection.getresponse()
                payload, status = response.read(), response.status
            except (http.client.HTTPException, OSError) as error:
                connection.close()
                self._connection = None
                if attempt == 2:
                    raise ClusterError(f"{method} {path}: {error}") from error
                continue
            self._connection = connection
            break
        if status == 404 and missing_ok:
            return {}
        if status >= 400:
            raise ClusterError(f"{method} {path}: {status} {payload[:300]!r}")
        return json.loads(payload) if payload else {}

    def close(self):
        if self._connection is not None:
            self._connection.close()
            self._connection = None


# --- The index ------------------------------------------------------------------------------


def concept_tokens(matcher):
    """Concept key → its numeric token (stable for one vocabulary)."""
    return {key: str(TOKEN_BASE + n) for n, key in enumerate(sorted(matcher.concepts))}


def synonym_rules(matcher, tokens):
    """``phrase => token, token`` for every phrase of the vocabulary (normalised words)."""
    rules = {}
    for phrase, key in matcher.phrases:
        rules.setdefault(" ".join(phrase), set()).add(tokens[key])
    return [f"{phrase} => {', '.join(sorted(found))}" for phrase, found in sorted(rules.items())]


def index_body(rules):
    """Settings and mapping of the services index."""
    compound = list(getattr(settings, "SEARCH_COMPOUND_PARTS", []))
    analyzers = {
        f"need_{lang}": {"type": "custom", "tokenizer": "standard", "filter": [*chain, "kim_need"]}
        for lang, chain in _NEED_CHAINS.items()
    }
    analyzers["text_de"] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": [
            "lowercase",
            "kim_compounds",
            "kim_german_stop",
            "german_normalization",
            "kim_light_german",
        ],
    }
    analyzers["text_uk"] = {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "kim_russian"],
    }
    filters = {
        "kim_need": {"type": "synonym_graph", "synonyms": rules, "lenient": True},
        "kim_compounds": {
            "type": "dictionary_decompounder",
            "word_list": compound or ["beratung"],
            "min_subword_size": 4,
        },
        "kim_german_stop": {"type": "stop", "stopwords": "_german_"},
        "kim_light_german": {"type": "stemmer", "language": "light_german"},
        "kim_possessive_english": {"type": "stemmer", "language": "possessive_english"},
        "kim_english": {"type": "stemmer", "language": "english"},
        "kim_arabic": {"type": "stemmer", "language": "arabic"},
        "kim_turkish_lowercase": {"type": "lowercase", "language": "turkish"},
        "kim_turkish": {"type": "stemmer", "language": "turkish"},
        "kim_russian": {"type": "stemmer", "language": "russian"},
    }
    properties = {
        "pk": {"type": "integer"},
        "locale": {"type": "keyword"},
        "sort_key": {"type": "keyword"},
        "min_age": {"type": "integer"},
        "max_age": {"type": "integer"},
        **{facet: {"type": "keyword"} for facet in FACETS},
    }
    for lang in LANGUAGES:
        analyzer = _TEXT_ANALYZERS.get(lang, f"text_{lang}")
        for name in ("name", "text"):
            properties[f"{name}_{lang}"] = {
                "type": "text",
                "analyzer": analyzer,
                "similarity": "boolean",
                "norms": False,
            }
    for weight in WEIGHTS:
        properties[f"concepts_{weight}"] = {
            "type": "text",
            "analyzer": "whitespace",
            "similarity": "boolean",
            "norms": False,
            "index_options": "docs",
        }
    return {
        "settings": {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "refresh_interval": "-1",
            "analysis": {"analyzer": analyzers, "filter": filters},
        },
        "mappings": {"dynamic": "strict", "properties": properties},
    }


def documents(index, tokens):
    """One document per public live service (a generator; ``public_pages`` decides)."""
    from portal.privacy import public_pages

    from .models import ServicePage

    languages = {locale_id: code for code, locale_id in index.locales.items()}
    per_service = {}
    for key, hits in index.matcher.concept_ids.items():
        token = tokens[key]
        for pk, weight in hits.items():
            per_service.setdefault(pk, {}).setdefault(int(weight * 100), []).append(token)
    rows = (
        public_pages(ServicePage.objects.all())
        .values_list("id", "locale_id", "search_name", "search_text")
        .iterator(chunk_size=2000)
    )
    for pk, locale_id, name, text in rows:
        entry = index.entries.get(pk)
        if entry is None:  # published after the directory index was built
            continue
        lang = languages.get(locale_id, "de")
        lang = lang if lang in LANGUAGES else "de"
        concepts = per_service.get(pk, {})
        yield {
            "pk": pk,
            "locale": lang,
            "sort_key": entry.sort_key,
            "min_age": entry.minimum_age,
            "max_age": entry.maximum_age,
            **{facet: sorted(entry.values(facet)) for facet in FACETS},
            f"name_{lang}": name,
            f"text_{lang}": text,
            **{f"concepts_{w}": " ".join(concepts[w]) for w in WEIGHTS if w in concepts},
        }


def build(cluster, index, batch=2000):
    """(Re)create the services index from ``index`` (a ``DirectoryIndex``); the count sent.

    Only public live services are sent; the index is refreshed once at the end.
    """
    tokens = concept_tokens(index.matcher)
    cluster.request("DELETE", f"/{cluster.index}", missing_ok=True)
    cluster.request("PUT", f"/{cluster.index}", index_body(synonym_rules(index.matcher, tokens)))
    sent, lines = 0, []
    for document in documents(index, tokens):
        lines += [{"index": {"_id": document["pk"]}}, document]
        if len(lines) >= 2 * batch:
            sent += _bulk(cluster, lines)
            lines = []
    if lines:
        sent += _bulk(cluster, lines)
    cluster.request("PUT", f"/{cluster.index}/_settings", {"index": {"refresh_interval": "1s"}})
    cluster.request("POST", f"/{cluster.index}/_refresh")
    return sent


def _bulk(cluster, lines):
    answer = cluster.request("POST", f"/{cluster.index}/_bulk", lines=lines)
    if answer.get("errors"):
        failed = [item for item in answer["items"] if item["index"].get("error")]
        raise ClusterError(f"bulk indexing failed: {failed[:3]}")
    return len(lines) // 2


# --- Searching ------------------------------------------------------------------------------


@dataclass
class Found:
    ids: list  # ranked ids, narrowed to the caller's ``ids``
    counts: dict = field(default_factory=dict)  # facet → {key: count}, when asked for
    total: int = 0  # hits on the node (before the caller's narrowing)


def _filters(facets, age, locale):
    """``{name: clause}`` of every active filter (facets by translation key, age, locale)."""
    clauses = {}
    for facet, chosen in facets.items():
        if chosen:
            clauses[facet] = {"terms": {facet: list(chosen)}}
    if age is not None:
        clauses["age"] = {
            "bool": {
                "filter": [
                    {
                        "bool": {
                            "should": [
                                {"bool": {"must_not": {"exists": {"field": "min_age"}}}},
                                {"range": {"min_age": {"lte": age}}},
                            ]
                        }
                    },
                    {
                        "bool": {
                            "should": [
                                {"bool": {"must_not": {"exists": {"field": "max_age"}}}},
                                {"range": {"max_age": {"gte": age}}},
                            ]
                        }
                    },
                ]
            }
        }
    if locale:
        clauses["locale"] = {"term": {"locale": locale}}
    return clauses


def _scoring(terms, lang):
    """The query part: per term the best text field, plus the vocabulary's concepts."""
    if not terms:
        return {"match_all": {}}
    text_fields = [f"name_{code}^{W_NAME}" for code in LANGUAGES]
    text_fields += [f"text_{code}^{W_TEXT}" for code in LANGUAGES]
    should = [
        {"multi_match": {"query": term, "fields": text_fields, "type": "best_fields"}}
        for term in terms
    ]
    analyzer = f"need_{lang if lang in _NEED_CHAINS else 'de'}"
    phrase = " ".join(terms)
    for weight in WEIGHTS:
        should.append(
            {
                "match": {
                    f"concepts_{weight}": {
                        "query": phrase,
                        "analyzer": analyzer,
                        "boost": weight / 100,
                    }
                }
            }
        )
    return {"bool": {"should": should, "minimum_should_match": 1}}


def query_body(terms, lang, facets, age, locale, size, counts):
    """The search request: scoring, filters, sort; with ``counts``, facet aggregations."""
    clauses = _filters(facets, age, locale)
    fixed = [clauses[name] for name in ("age", "locale") if name in clauses]
    chosen = {name: clause for name, clause in clauses.items() if name in FACETS}
    body = {
        "size": size,
        "_source": False,
        "track_total_hits": True,
        "sort": [{"_score": "desc"}, {"sort_key": "asc"}, {"pk": "asc"}],
        "docvalue_fields": ["pk"],
    }
    if not counts:
        body["query"] = {
            "bool": {"must": _scoring(terms, lang), "filter": [*fixed, *chosen.values()]}
        }
        return body
    # Facet counts: the facet filters move to post_filter; each facet is counted under all
    # the other filters, so a count says what choosing that value would give.
    body["query"] = {"bool": {"must": _scoring(terms, lang), "filter": fixed}}
    if chosen:
        body["post_filter"] = {"bool": {"filter": list(chosen.values())}}
    body["aggs"] = {
        facet: {
            "filter": {"bool": {"filter": [c for name, c in chosen.items() if name != facet]}},
            "aggs": {"values": {"terms": {"field": facet, "size": 500}}},
        }
        for facet in FACETS
    }
    return body


def search(
    cluster,
    index,
    query,
    *,
    lang="de",
    locale=None,
    ids=None,
    town=(),
    type=(),
    topic=(),
    target=(),
    language=(),
    age=None,
    size=50,
    counts=False,
):
    """Ranked ids of public live services for ``query`` and filters, from the node.

    The contract of ``matching.search`` (filters by translation key, ``language`` by code; a
    town or age in the query applies when the filter is not given; ``ids`` narrows the
    answer to what the visitor may see), plus ``lang`` (the query's language: its analyzer),
    ``locale`` (the language of the directory's pages), ``size`` (how many ranked ids) and
    ``counts`` (facet counts as aggregations). Returns a :class:`Found`.
    """
    understanding = understand(query, index.matcher)
    facets = {"town": list(town or understanding.towns), "type": type, "topic": topic}
    facets.update({"target": target, "language": language})
    age = age if age is not None else understanding.age
    body = query_body(understanding.terms, lang, facets, age, locale, size, counts)
    answer = cluster.request("POST", f"/{cluster.index}/_search", body)
    ranked = [hit["fields"]["pk"][0] for hit in answer["hits"]["hits"]]
    if ids is not None:
        allowed = ids if isinstance(ids, set | frozenset) else set(ids)
        ranked = [pk for pk in ranked if pk in allowed]
    found = Found(ids=ranked, total=answer["hits"]["total"]["value"])
    if counts:
        found.counts = {
            facet: {
                bucket["key"]: bucket["doc_count"]
                for bucket in answer["aggregations"][facet]["values"]["buckets"]
            }
            for facet in FACETS
        }
    return found


def judge(cluster, locale="de"):
    """This variant with ``evaluation.evaluate``'s contract: each need in its own language."""

    def find(index, need, candidates, filters):
        return search(
            cluster,
            index,
            need["q"],
            lang=need["lang"],
            locale=locale,
            ids=candidates,
            age=need.get("age"),
            **filters,
        ).ids

    return find
