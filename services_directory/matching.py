"""The directory's matcher: what a query means, and which services fit it best.

In-process and engine-free, so that it answers the same on SQLite and PostgreSQL and can be
compared with a search engine later (:func:`search` takes a query and filters and returns
ranked service ids). Three steps:

1. **Understanding** (:func:`understand`): the query is normalised (``normalise.words``),
   an age ("17 Jahre", "19-year-old", "19 років", "١٩ سنة") becomes the age filter, a town
   name or postcode of the district becomes the town filter, stop words of seven languages
   ("ich suche", "für", "help with", "шукаю") are dropped.
2. **Matching** each remaining term, independently: against the words of the services' own
   text (their stems via Snowball; word parts: "kurs" finds "Integrationskurs"), and
   against the **need vocabulary** (``NeedTerm`` in all languages, the names of topics,
   service types and target groups in all languages, the names of the languages spoken):
   a vocabulary hit finds every service tagged with the entry's links, whatever language
   the service text is in. A term that finds nothing is compared with the known words for
   a typo ("Flüchtlingsberatnug").
3. **Ranking**: services that satisfy more terms come first (a service need not contain
   every word); among them the stronger kind of hit (the service's type or name rather
   than a word somewhere in its text), then the name. With three or more terms, services
   missing one term are still listed; with fewer, partial hits appear only when no service
   satisfies all terms.
"""

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from .normalise import GENERIC, STOP, digits, script_minimum, variants, words
from .postcodes import POSTCODES

MAX_TERMS = 8
MAX_QUERY_CHARS = 1000
# Weights of one term's hit: the strongest one counts.
W_NAME, W_TEXT = 3.0, 1.5
W_TYPE, W_TOPIC, W_TARGET, W_LANGUAGE = 3.0, 2.0, 1.5, 2.0
W_BROAD = 1.0

_AGE_WORDS = (
    r"jahre?n?|jähr\w*|jahr\w*|j\b|years?(?:[\s-]old)?|yrs?|yo|y/o|"
    r"років|роки|рік|річн\w*|лет|года|год|летн\w*|"
    r"سنة|سنه|سنوات|عام|عاما|ساله|سال|"
    r"yaş\w*|yas\w*"
)
_AGE = re.compile(
    rf"(?<![\d])(\d{{1,3}})\s*-?\s*(?:{_AGE_WORDS})(?!\w)|"
    rf"(?:\balter|\bage|\bвік|\bвозраст|\bعمر|\bسن|\byaş)\s*:?\s*(\d{{1,3}})(?!\d)",
    re.IGNORECASE,
)


@dataclass
class Concept:
    """A vocabulary entry: what it is called per locale and what it points to."""

    key: str
    names: dict = field(default_factory=dict)  # locale id → name
    types: set = field(default_factory=set)
    topics: set = field(default_factory=set)
    targets: set = field(default_factory=set)
    languages: set = field(default_factory=set)

    def name(self, locale_id, default_locale_id):
        return self.names.get(locale_id) or self.names.get(default_locale_id) or ""


class Matcher:
    """Word lists of all live services and the vocabulary; built once per directory version."""

    def __init__(self, index, texts, vocabulary, language_names, public_ids=None):
        self.index = index
        self.word_ids = {}
        self.name_word_ids = {}
        for pk, text in texts.items():
            for word in set(words(text)):
                self.word_ids.setdefault(word, set()).add(pk)
        for pk, entry in index.entries.items():
            for word in set(words(entry.title + " " + entry.alternate_name)):
                self.name_word_ids.setdefault(word, set()).add(pk)
                self.word_ids.setdefault(word, set()).add(pk)
        self.words = list(self.word_ids)
        # Words a "did you mean" may propose: never one only a restricted service has.
        public = set(index.entries) if public_ids is None else public_ids
        self.public_words = [w for w, ids in self.word_ids.items() if not ids.isdisjoint(public)]
        self.concepts = {}
        self.phrases = []  # (words, concept key)
        self._build_vocabulary(index, vocabulary, language_names)
        self.vocab_words = {}
        for position, (phrase, _key) in enumerate(self.phrases):
            for word in phrase:
                self.vocab_words.setdefault(word, set()).add(position)
        self.vocab_variants = {word: variants(word) for word in self.vocab_words}
        self.towns = {}
        for key, term in index.terms["town"].items():
            for name in [term.slug, *term.names.values()]:
                parts = words(name)
                if parts:
                    self.towns.setdefault(" ".join(parts), key)
                    if len(parts[0]) >= 4:
                        self.towns.setdefault(parts[0], key)
        self._cache = {}

    # --- Vocabulary ---------------------------------------------------------------------

    def _concept(self, key):
        concept = self.concepts.get(key)
        if concept is None:
            concept = self.concepts[key] = Concept(key=key)
        return concept

    def _phrase(self, text, key):
        phrase = tuple(word for word in words(text) if word not in STOP)
        if phrase and (phrase, key) not in self._seen:
            self._seen.add((phrase, key))
            self.phrases.append((phrase, key))

    def _build_vocabulary(self, index, vocabulary, language_names):
        self._seen = set()
        for kind, attr in (("type", "types"), ("topic", "topics"), ("target", "targets")):
            for key, term in index.terms[kind].items():
                concept = self._concept(f"{kind}:{key}")
                concept.names.update(term.names)
                getattr(concept, attr).add(key)
                for name in term.names.values():
                    self._phrase(name, concept.key)
                    # "JMD – Jugendmigrationsdienst": each side of a dash names it too.
                    for part in re.split(r"\s[–-]\s", name):
                        self._phrase(part, concept.key)
                if term.abbreviation:
                    self._phrase(term.abbreviation, concept.key)
        spoken = {code for entry in index.entries.values() for code in entry.languages}
        for locale_code, locale_id in index.locales.items():
            names = language_names(locale_code)
            for code in spoken:
                if code in names:
                    concept = self._concept(f"language:{code}")
                    concept.languages.add(code)
                    concept.names[locale_id] = names[code]
                    self._phrase(names[code], concept.key)
        for item in vocabulary:
            concept = self._concept(f"need:{item['key']}")
            concept.names[item["locale_id"]] = item["name"]
            concept.types |= item["types"]
            concept.topics |= item["topics"]
            concept.targets |= item["targets"]
            concept.languages |= item["languages"]
            for text in [item["name"], *item["synonyms"]]:
                self._phrase(text, concept.key)
        del self._seen
        self.concept_ids = {}
        inverted = index.inverted
        for key, concept in self.concepts.items():
            hits = {}
            # When an entry names the kind of service, its topics and target groups are
            # weaker evidence: "Trauma" means psychosocial counselling first, not every
            # service that also covers health.
            broad = W_BROAD if concept.types else None
            for attr, facet, weight in (
                ("targets", "target", broad or W_TARGET),
                ("languages", "language", W_LANGUAGE),
                ("topics", "topic", broad or W_TOPIC),
                ("types", "type", W_TYPE),
            ):
                for value in getattr(concept, attr):
                    for pk in inverted[facet].get(value, ()):
                        if hits.get(pk, 0) < weight:
                            hits[pk] = weight
            self.concept_ids[key] = hits

    # --- Terms --------------------------------------------------------------------------

    def _vocab_matches(self, term):
        """Vocabulary words that ``term`` matches (stem, word part, or typed beginning)."""
        mine = variants(term)
        found = set()
        for word, theirs in self.vocab_variants.items():
            if (
                set(mine) & set(theirs)
                or (len(word) >= 5 and word in term)
                or (len(term) >= 5 and word.startswith(term))
            ):
                found.add(word)
        return found

    def _text_matches(self, term):
        minimum = script_minimum(term)
        probes = [v for v in variants(term) if len(v) >= minimum]
        if not probes:
            return {term} if term in self.word_ids else set()
        return {word for word in self.words if any(probe in word for probe in probes)}

    def term_hits(self, term):
        """``(hits, vocab_words, exact)`` for one query term (cached per version).

        ``hits``: id → weight of the services whose own text has the word; ``vocab_words``:
        the vocabulary words it matches; ``exact``: one of them by its stem, not only as a
        word part (then the term is no typo).
        """
        cached = self._cache.get(term)
        if cached is not None:
            return cached
        hits = {}
        for word in self._text_matches(term):
            weight = W_NAME if word in self.name_word_ids else W_TEXT
            name_ids = self.name_word_ids.get(word, ())
            for pk in self.word_ids[word]:
                w = weight if pk in name_ids else W_TEXT
                if hits.get(pk, 0) < w:
                    hits[pk] = w
        vocab = self._vocab_matches(term)
        mine = set(variants(term))
        exact = any(mine & set(self.vocab_variants[word]) for word in vocab)
        if len(self._cache) > 4096:
            self._cache.clear()
        self._cache[term] = (hits, vocab, exact)
        return hits, vocab, exact

    def correction(self, term):
        """The closest known word for a term that finds nothing (typos), or None."""
        if len(term) < 5:
            return None
        key = ("~", term)
        if key in self._cache:
            return self._cache[key]
        self._cache[key] = found = self._closest(term)
        return found

    def _closest(self, term):
        known = [*self.vocab_words, *self.public_words]
        candidates = [w for w in known if abs(len(w) - len(term)) <= 2]
        close = difflib.get_close_matches(term, candidates, n=1, cutoff=0.8)
        return close[0] if close else None


# --- Understanding --------------------------------------------------------------------------


@dataclass
class Understanding:
    terms: list = field(default_factory=list)  # normalised content words
    age: int | None = None
    age_text: str = ""  # the words that gave the age
    towns: list = field(default_factory=list)  # town keys from names or postcodes
    town_words: list = field(default_factory=list)
    postcode: str = ""
    corrections: dict = field(default_factory=dict)  # term → corrected word


def understand(query, matcher):
    """Read a raw query: age, town or postcode, stop words; the rest are terms."""
    result = Understanding()
    text = digits(query or "")[:MAX_QUERY_CHARS]
    match = _AGE.search(text)
    if match:
        value = int(match.group(1) or match.group(2))
        if 0 <= value <= 120:
            result.age = value
            result.age_text = match.group(0).strip()
            text = text[: match.start()] + " " + text[match.end() :]
    tokens = words(text)[: MAX_TERMS * 4]
    position = 0
    while position < len(tokens):
        token = tokens[position]
        town = None
        for length in (3, 2, 1):
            candidate = " ".join(tokens[position : position + length])
            if candidate in matcher.towns:
                town, span = matcher.towns[candidate], length
                break
        if town is None and token.isdigit() and token in POSTCODES:
            town_slug = POSTCODES[token][0]
            town = matcher.index.by_slug["town"].get(town_slug)
            result.postcode = token
            span = 1
        if town is not None:
            if town not in result.towns:
                result.towns.append(town)
            result.town_words.append(" ".join(tokens[position : position + span]))
            position += span
            continue
        position += 1
        if token in STOP or token.isdigit() or len(token) < 2:
            continue
        if token not in result.terms:
            result.terms.append(token)
    # Words every service satisfies ("Beratung", "counselling") say nothing when the query
    # names the need as well.
    specific = [term for term in result.terms if term not in GENERIC]
    if specific:
        result.terms = specific
    result.terms = result.terms[:MAX_TERMS]
    return result


# --- Ranking --------------------------------------------------------------------------------


@dataclass
class Scores:
    coverage: dict  # id → number of terms it satisfies (only ids satisfying one at least)
    hits: list  # per term that found something: id → weight of its hit
    terms: list  # the terms that found something
    unknown: list  # terms that found nothing at all (not even after a typo correction)
    concepts: list  # keys of the vocabulary entries the query hit
    any_terms: bool  # the query had content words at all

    def keep(self, ids):
        """The subset of ``ids`` that satisfies enough terms (a set; no ordering)."""
        if not self.any_terms:
            return set(ids)
        coverage = self.coverage
        chosen = {pk: coverage[pk] for pk in ids if pk in coverage}
        if not chosen:
            return set()
        best = max(chosen.values())
        needed = max(1, best - 1 if len(self.terms) >= 3 else best)
        return {pk for pk, n in chosen.items() if n >= needed}

    def select(self, ids, matcher):
        """``ids`` in ranked order, without those that satisfy too few terms.

        Services satisfying every term come first; with three or more terms, those missing
        one are kept; with fewer, partial hits only when nothing satisfies all terms.
        """
        if not self.any_terms:
            return sorted(ids, key=lambda pk: _name_key(matcher, pk))
        coverage, hits = self.coverage, self.hits
        chosen = list(self.keep(ids))
        score = {pk: sum(h.get(pk, 0) for h in hits) for pk in chosen}
        chosen.sort(key=lambda pk: (-coverage[pk], -score[pk], _name_key(matcher, pk)))
        return chosen


def score(matcher, understanding, candidates):
    """How well each of ``candidates`` fits the understood query (see :class:`Scores`).

    The expansion of the terms (text hits, corrections, vocabulary, phrases) depends on the
    terms only, and on whether each term has a hit the visitor may see: it is cached per
    directory version, so a repeated query costs a few set operations.
    """
    terms = understanding.terms
    visible = []
    for term in terms:
        hits, _vocab, exact = _term(matcher, term)
        # Only hits the visitor may see count here: whether a correction is offered must
        # not tell whether a restricted service has the word.
        visible.append(exact or not candidates.isdisjoint(hits))
    key = ("query", tuple(terms), tuple(visible))
    expanded = matcher._cache.get(key)
    if expanded is None:
        expanded = matcher._cache[key] = _expand(matcher, terms, visible)
    per_term, concepts, corrections, unknown = expanded
    understanding.corrections.update(corrections)
    counter = Counter()
    for hits in per_term:
        if hits:
            counter.update(candidates.intersection(hits))
    return Scores(
        coverage=dict(counter),
        hits=[hits for hits in per_term if hits],
        terms=[t for t, hits in zip(terms, per_term, strict=True) if hits],
        unknown=unknown,
        concepts=concepts,
        any_terms=bool(terms),
    )


def _expand(matcher, terms, visible):
    """Per term: id → weight after typo correction, vocabulary and phrase grouping."""
    per_term, unknown, concepts, corrections = [], [], [], {}
    for term, seen in zip(terms, visible, strict=True):
        hits, vocab, _exact = _term(matcher, term)
        if not seen:
            # Neither a visible service's text nor the vocabulary has the word: a typo?
            corrected = matcher.correction(term)
            if corrected is not None:
                more_hits, more_vocab, _exact = _term(matcher, corrected)
                if more_hits or (more_vocab and not vocab):
                    corrections[term] = corrected
                    hits, vocab = more_hits, vocab | more_vocab
        per_term.append([term, dict(hits), vocab])
        if not hits and not vocab:
            unknown.append(term)
    # Vocabulary phrases: every word of a phrase must be matched by some term.
    matched_by = {}
    for position, (_term_text, _hits, vocab) in enumerate(per_term):
        for word in vocab:
            matched_by.setdefault(word, set()).add(position)
    # A phrase of several words ("لم الشمل", "residence permit") counts as one term: its
    # words form a group whose hits are the best of each word's.
    groups = list(range(len(per_term)))  # position → the position that leads its group
    for phrase, key in matcher.phrases:
        if not all(word in matched_by for word in phrase):
            continue
        concepts.append(key)
        positions = sorted(set().union(*(matched_by[word] for word in phrase)))
        for position in positions:
            hits = per_term[position][1]
            for pk, weight in matcher.concept_ids[key].items():
                if hits.get(pk, 0) < weight:
                    hits[pk] = weight
        if len(phrase) > 1:
            leader = min(groups[p] for p in positions)
            for position in positions:
                groups[position] = leader
    for position, leader in enumerate(groups):
        if leader != position:
            merged = per_term[leader][1]
            for pk, weight in per_term[position][1].items():
                if merged.get(pk, 0) < weight:
                    merged[pk] = weight
            per_term[position][1] = {}
    return [hits for _t, hits, _v in per_term], list(dict.fromkeys(concepts)), corrections, unknown


def _term(matcher, term):
    return matcher.term_hits(term)


def _name_key(matcher, pk):
    return matcher.index.rank(pk)


# --- The reusable entry point ---------------------------------------------------------------


def search(index, query, *, ids=None, town=(), type=(), topic=(), target=(), language=(), age=None):
    """Ranked ids of live services for ``query`` and filters (the matcher without a request).

    ``ids`` narrows the candidates (pass the ids the visitor may see; default: every live
    service of the index, all languages). Filters take translation keys (``language``: codes),
    like :class:`~services_directory.directory.Selection`. A town or age in the query applies
    when the filter is not given. Used by the evaluation (``make eval-search``) and meant for
    comparing the matcher with a search engine.
    """
    matcher = index.matcher
    understanding = understand(query, matcher)
    candidates = set(index.entries) if ids is None else set(ids) & set(index.entries)
    facets = {"town": town or understanding.towns, "type": type, "topic": topic}
    facets.update({"target": target, "language": language})
    for facet, chosen in facets.items():
        if chosen:
            admitted = set()
            for key in chosen:
                admitted |= index.inverted[facet].get(key, set())
            candidates &= admitted
    age = age if age is not None else understanding.age
    if age is not None:
        candidates = {pk for pk in candidates if index.entries[pk].admits_age(age)}
    return score(matcher, understanding, candidates).select(candidates, matcher)
