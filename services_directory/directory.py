"""Finding services: text search, facets with counts, age, "open now", ordering.

How a request is answered (docs/directory.md, "Per request"):

1. **One SQL query** returns the ids of the services this visitor may see
   (``portal.privacy.visible_pages``) that match the text query. The text query runs against
   a folded copy of each service's searchable text (``text.fold``), word parts included,
   so "Beratung" finds "Migrationsberatung" and "Fluechtling" finds "Flüchtling". On
   PostgreSQL, Wagtail's full-text index (German stemming) adds its hits, and a query
   without any hit is retried with trigram word similarity (typos).
2. **Facet data** (types, towns, topics, target groups, languages, ages, opening hours of all
   live services, and the names of the vocabularies) is kept in memory per process and
   reloaded when :class:`~services_directory.models.DirectoryVersion` changes (saves,
   publishing, unpublishing, deletions). Several processes therefore never disagree for
   longer than one request, and no shared cache is needed.
3. Facet counts, the age and "open now" filters and the ordering are computed in Python on
   the ids from step 1, and **one more query** loads the pages of the current result page.
"""

import datetime
import logging
import threading
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.db import connection
from django.utils import timezone

from portal.cache import process_memo
from portal.privacy import visible_pages, visitor_digest

from .closures import closure_on
from .models import (
    DirectoryVersion,
    Organisation,
    SchoolHoliday,
    ServiceClosure,
    ServiceLanguage,
    ServicePage,
    ServiceSchedule,
    ServiceType,
    TargetGroup,
    Topic,
    Town,
)
from .text import fold, query_terms

logger = logging.getLogger(__name__)
BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# GET parameter → taxonomy kind. ``language`` takes ISO 639-1 codes instead of slugs.
FACETS = ("town", "type", "topic", "language", "target")
TAXONOMIES = {
    "town": Town,
    "type": ServiceType,
    "topic": Topic,
    "target": TargetGroup,
    "organisation": Organisation,
}


def clock():
    """The current time; tests replace this function to travel in time."""
    return timezone.now()


@dataclass
class Entry:
    """What the directory needs to know about one live service, without touching the DB."""

    id: int
    title: str
    alternate_name: str
    url_path: str
    sort_key: str
    name: str  # folded title and alternate name, for relevance
    type: str  # translation keys of the taxonomies, so every language shares them
    organisation: str
    status: str
    alert: str
    minimum_age: int | None
    maximum_age: int | None
    towns: set = field(default_factory=set)
    topics: set = field(default_factory=set)
    targets: set = field(default_factory=set)
    languages: list = field(default_factory=list)
    # (weekday, opens, closes, from, to, by appointment only)
    schedules: list = field(default_factory=list)
    closures: list = field(default_factory=list)  # (first day, last day, reason)
    school_closed: bool = False  # closed in NRW school holidays
    alias: bool = False  # shows the German text (no translation of its own in this language)

    def values(self, facet):
        if facet == "type":
            return (self.type,)
        if facet == "town":
            return self.towns
        if facet == "topic":
            return self.topics
        if facet == "target":
            return self.targets
        return self.languages

    def admits_age(self, age):
        return (self.minimum_age is None or self.minimum_age <= age) and (
            self.maximum_age is None or age <= self.maximum_age
        )

    def closure(self, day, school_holidays=()):
        """The :class:`closures.Closure` that keeps this service shut on ``day``, or None."""
        return closure_on(
            day,
            own=self.closures,
            school_closed=self.school_closed,
            school_holidays=school_holidays,
        )

    def walk_in_slots(self, day, school_holidays=()):
        """``[(opens, closes)]`` of ``day`` that a visitor may come to without appointment."""
        if self.status != ServicePage.Status.ACTIVE or self.closure(day, school_holidays):
            return []
        return sorted(
            (opens, closes)
            for w, opens, closes, vfrom, vto, appointment in self.schedules
            if w == day.weekday() and not appointment and _valid(day, vfrom, vto)
        )

    @property
    def by_appointment_only(self):
        """Every range is "by appointment only": the card never says "opens at"."""
        return bool(self.schedules) and all(row[5] for row in self.schedules)

    def is_open(self, local, school_holidays=()):
        now = local.time()
        return any(
            opens <= now < closes
            for opens, closes in self.walk_in_slots(local.date(), school_holidays)
        )

    def next_opening(self, local, school_holidays=()):
        """``(start, end)`` local datetimes of the current or next walk-in opening.

        Looks two weeks ahead, so a week of public or school holidays is skipped; ranges
        "by appointment only" never count as an opening.
        """
        if self.status != ServicePage.Status.ACTIVE or not self.schedules:
            return None
        for offset in range(15):
            day = local.date() + datetime.timedelta(days=offset)
            for opens, closes in self.walk_in_slots(day, school_holidays):
                end = datetime.datetime.combine(day, closes, tzinfo=BERLIN)
                if end > local:
                    return datetime.datetime.combine(day, opens, tzinfo=BERLIN), end
        return None


def _valid(day, valid_from, valid_to):
    return (valid_from is None or valid_from <= day) and (valid_to is None or day <= valid_to)


@dataclass
class Term:
    key: str  # translation key
    slug: str
    names: dict  # locale id → name
    kind: str = ""
    abbreviation: str = ""
    easy_explanation: str = ""  # service types: one paragraph in Leichte Sprache

    def name(self, locale_id, default_locale_id):
        return self.names.get(locale_id) or self.names.get(default_locale_id) or self.slug


class DirectoryIndex:
    """Facet data of every live service, the vocabularies and school holidays (13 queries)."""

    def __init__(self, token):
        from wagtail.models import Locale

        self.token = token
        self.locales = dict(Locale.objects.values_list("language_code", "id"))
        self.default_locale_id = Locale.get_default().id
        self.terms = {}
        self.by_slug = {}
        for kind, model in TAXONOMIES.items():
            extra = (
                ["kind"]
                if model is Topic
                else ["abbreviation", "easy_explanation"]
                if model is ServiceType
                else []
            )
            terms = {}
            for row in model.objects.values("translation_key", "slug", "locale_id", "name", *extra):
                key = str(row["translation_key"])
                term = terms.get(key)
                if term is None:
                    term = terms[key] = Term(key=key, slug=row["slug"], names={})
                term.names[row["locale_id"]] = row["name"]
                if row["locale_id"] == self.default_locale_id:
                    term.slug = row["slug"]
                    term.kind = row.get("kind", "")
                    term.abbreviation = row.get("abbreviation", "")
                    term.easy_explanation = row.get("easy_explanation", "")
            self.terms[kind] = terms
            self.by_slug[kind] = {term.slug: key for key, term in terms.items()}

        self.entries = {}
        rows = ServicePage.objects.live().values_list(
            "id",
            "title",
            "alternate_name",
            "url_path",
            "search_name",
            "service_type__translation_key",
            "organisation__translation_key",
            "status",
            "alert",
            "minimum_age",
            "maximum_age",
            "search_text",
            "closed_in_school_holidays",
            "alias_of_id",
        )
        texts = {}
        for row in rows:
            (
                pk,
                title,
                alt,
                url_path,
                name,
                type_key,
                org_key,
                status,
                alert,
                lo,
                hi,
                text,
                sc,
                al,
            ) = row
            texts[pk] = text
            self.entries[pk] = Entry(
                id=pk,
                title=title,
                alternate_name=alt,
                url_path=url_path,
                sort_key=fold(title),
                name=name,
                type=str(type_key),
                organisation=str(org_key),
                status=status,
                alert=alert,
                minimum_age=lo,
                maximum_age=hi,
                school_closed=sc,
                alias=al is not None,
            )
        for attr, relation, target in (
            ("towns", ServicePage.towns, "town"),
            ("topics", ServicePage.topics, "topic"),
            ("targets", ServicePage.target_groups, "targetgroup"),
        ):
            through = relation.through
            for pk, key in through.objects.values_list(
                "servicepage_id", f"{target}__translation_key"
            ):
                entry = self.entries.get(pk)
                if entry is not None:
                    getattr(entry, attr).add(str(key))
        for pk, code in ServiceLanguage.objects.order_by("sort_order").values_list(
            "service_id", "code"
        ):
            entry = self.entries.get(pk)
            if entry is not None and code not in entry.languages:
                entry.languages.append(code)
        for (
            pk,
            byday,
            opens,
            closes,
            vfrom,
            vto,
            appointment,
        ) in ServiceSchedule.objects.values_list(
            "service_id",
            "byday",
            "opens_at",
            "closes_at",
            "valid_from",
            "valid_to",
            "by_appointment_only",
        ):
            entry = self.entries.get(pk)
            if entry is not None and byday in WEEKDAYS:
                entry.schedules.append(
                    (WEEKDAYS.index(byday), opens, closes, vfrom, vto, appointment)
                )
        for pk, start, end, reason in ServiceClosure.objects.values_list(
            "service_id", "starts_on", "ends_on", "reason"
        ):
            entry = self.entries.get(pk)
            if entry is not None:
                entry.closures.append((start, end, reason))
        self.school_holidays = tuple(
            SchoolHoliday.objects.values_list("starts_on", "ends_on", "name")
        )
        # Opening hours in whole minutes (the admin's form offers no seconds) are open or
        # shut for a whole minute: ``open_ids`` then answers once per minute and process.
        self._whole_minutes = all(
            not (t.second or t.microsecond)
            for entry in self.entries.values()
            for row in entry.schedules
            for t in row[1:3]
        )
        self._open = None
        self._rank = None

        # Inverted lists (facet → value → ids) so that filters and counts are set operations.
        self.inverted = {facet: {} for facet in FACETS}
        for entry in self.entries.values():
            for facet in FACETS:
                for value in entry.values(facet):
                    self.inverted[facet].setdefault(value, set()).add(entry.id)

        from portal.privacy import public_pages

        from .matching import Matcher
        from .models import language_names

        # Typo corrections are shown to everyone: only words of public services qualify.
        public = set(public_pages(ServicePage.objects.all()).values_list("id", flat=True))
        self.matcher = Matcher(self, texts, _vocabulary(), language_names, public_ids=public)

    def term(self, kind, key):
        return self.terms[kind].get(key)

    def open_ids(self, local):
        """Ids of every service open to walk-in visitors at ``local`` (an aware datetime).

        Testing 10,000 services' hours took a third of the directory page (issue #21); the
        answer is kept for the current minute.
        """
        moment = local.replace(second=0, microsecond=0) if self._whole_minutes else local
        memo = self._open
        if memo is None or memo[0] != moment:
            school, entries = self.school_holidays, self.entries
            memo = (moment, frozenset(pk for pk in entries if entries[pk].is_open(moment, school)))
            self._open = memo
        return memo[1]

    def rank(self, pk):
        """Position of the service ``pk`` in the alphabetical order (title, then id)."""
        ranks = self._rank
        if ranks is None:
            entries = self.entries
            ordered = sorted(entries, key=lambda pk: (entries[pk].sort_key, pk))
            ranks = self._rank = {pk: n for n, pk in enumerate(ordered)}
        return ranks[pk]


def _vocabulary():
    """Every language version of every ``NeedTerm`` with its links (four queries)."""
    from .models import NeedTerm, split_codes, split_synonyms

    links = {}
    for attr, target in (
        ("topics", "topic"),
        ("types", "servicetype"),
        ("targets", "targetgroup"),
    ):
        field_name = {"types": "service_types", "targets": "target_groups"}.get(attr, attr)
        through = getattr(NeedTerm, field_name).through
        for pk, key in through.objects.values_list("needterm_id", f"{target}__translation_key"):
            links.setdefault(pk, {}).setdefault(attr, set()).add(str(key))
    items = []
    for row in NeedTerm.objects.values(
        "id", "translation_key", "locale_id", "name", "synonyms", "languages"
    ):
        own = links.get(row["id"], {})
        items.append(
            {
                "key": str(row["translation_key"]),
                "locale_id": row["locale_id"],
                "name": row["name"],
                "synonyms": split_synonyms(row["synonyms"]),
                "topics": own.get("topics", set()),
                "types": own.get("types", set()),
                "targets": own.get("targets", set()),
                "languages": set(split_codes(row["languages"])),
            }
        )
    return items


_lock = threading.Lock()
_current = {}


def get_index(request=None):
    """The facet data for the current :class:`DirectoryVersion` token.

    One query checks the token, once per request.
    """
    cached = getattr(request, "_directory_index", None)
    if cached is not None:
        return cached
    index = _load_index()
    if request is not None:
        request._directory_index = index
    return index


def _load_index():
    token = DirectoryVersion.current()
    index = _current.get("index")
    if index is not None and index.token == token:
        return index
    with _lock:
        index = _current.get("index")
        if index is None or index.token != token:
            index = DirectoryIndex(token)
            _current["index"] = index
    return index


# --- Parameters -----------------------------------------------------------------------------


@dataclass
class Selection:
    """The visitor's choices, validated; ``messages`` says what was ignored and why."""

    raw_query: str = ""
    query: str = ""
    facets: dict = field(default_factory=dict)  # facet → list of translation keys / codes
    age: int | None = None
    open_now: bool = False
    page: int = 1
    postcode: str = ""
    messages: list = field(default_factory=list)
    inferred: dict = field(default_factory=dict)  # "town"/"age" → taken from the query

    @property
    def active(self):
        return bool(
            self.query
            or any(self.facets.values())
            or self.age is not None
            or self.open_now
            or self.postcode
        )


MAX_VALUES_PER_FACET = 20


def parse(params, index):
    """Read the GET parameters; unknown values are dropped with a message, never an error."""
    from django.utils.translation import gettext as _

    from portal.search import clean_query

    from .models import language_names

    selection = Selection()
    selection.raw_query = (params.get("q") or "")[:200]
    selection.query = clean_query(" ".join(params.getlist("q"))[:1000])
    known_languages = language_names("de")
    for facet in FACETS:
        chosen = []
        for value in params.getlist(facet)[:MAX_VALUES_PER_FACET]:
            value = value.strip().lower()
            if not value:
                continue
            key = value if facet == "language" else index.by_slug[facet].get(value)
            if facet == "language" and value not in known_languages:
                key = None
            if key is None:
                selection.messages.append(
                    _("The filter value “%(value)s” is unknown and was ignored.")
                    % {"value": value[:40]}
                )
            elif key not in chosen:
                chosen.append(key)
        if chosen:
            selection.facets[facet] = chosen
    age = (params.get("age") or "").strip()
    if age:
        try:
            selection.age = int(age)
            if not 0 <= selection.age <= 120:
                raise ValueError
        except ValueError:
            selection.age = None
            selection.messages.append(
                _("Please enter the age as a whole number between 0 and 120.")
            )
    postcode = (params.get("postcode") or "").strip()[:20]
    if postcode:
        from .postcodes import POSTCODES

        if postcode in POSTCODES:
            selection.postcode = postcode
        else:
            selection.messages.append(
                _("“%(value)s” is not a postcode of the district of Mettmann and was ignored.")
                % {"value": postcode[:10]}
            )
    selection.open_now = (params.get("open_now") or "") not in ("", "0", "false", "off")
    try:
        selection.page = max(1, int(params.get("page") or 1))
    except ValueError:
        selection.page = 1
    return selection


# --- Searching ------------------------------------------------------------------------------


def visible_ids(request, directory):
    """Ids of the services under ``directory`` this visitor may see (the one SQL step, once
    per content version, directory and set of hidden subtrees in each process)."""
    key = (directory.pk, visitor_digest(request))
    return process_memo("directory_ids", key, lambda: _visible_ids(request, directory))


def _visible_ids(request, directory):
    queryset = visible_pages(
        request,
        ServicePage.objects.descendant_of(directory).filter(locale_id=directory.locale_id),
        within=directory,
    ).exclude(status=ServicePage.Status.DEFUNCT)
    # A plain cursor: ten thousand ids without building a Django row for each.
    sql, params = queryset.values_list("id").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return frozenset(row[0] for row in cursor.fetchall())


def search_ids(queryset, query):
    """Ids of the services in ``queryset`` (already narrowed for privacy) containing every word.

    Returns ``(ids, terms)``; without query words, every id of the queryset. This is the
    HSDS API's plain text filter (every word must occur); the directory page ranks with
    ``matching.py`` instead.
    """
    terms = query_terms(query)
    if not terms:
        return list(queryset.values_list("id", flat=True)), terms
    matched = queryset
    for term in terms:
        matched = matched.filter(search_text__contains=term)
    ids = list(matched.values_list("id", flat=True))
    if connection.vendor == "postgresql":
        ids = _postgres_extra(queryset, query, terms, ids)
    return ids, terms


def _postgres_extra(queryset, query, terms, ids):
    """German stemming from Wagtail's full-text index; trigram similarity for typos."""
    from django.db.models import Q

    from wagtail.search.backends import get_search_backend

    try:
        backend = get_search_backend("fallback" if _engine_is_remote() else "default")
        found = backend.search(query, queryset.only("id"), order_by_relevance=False)
        ids = list(dict.fromkeys([*ids, *(page.pk for page in found)]))
    except Exception:  # the search engine is optional here: substring hits stand alone
        logger.warning("Directory: full-text search failed", exc_info=True)
    if ids:
        return ids
    similar = Q()
    for term in terms:
        similar &= Q(search_text__trigram_word_similar=term)
    return list(queryset.filter(similar).values_list("id", flat=True))


def _engine_is_remote():
    from django.conf import settings

    return "fallback" in settings.WAGTAILSEARCH_BACKENDS


@dataclass
class Result:
    ids: list  # ordered ids of all results
    counts: dict  # facet → {key: count}, each ignoring the facet's own selection
    open_now_count: int
    without: dict  # filter name → number of results if that filter alone were removed
    entries: dict
    understanding: object = None  # matching.Understanding of the query
    scores: object = None  # matching.Scores
    candidates: set = field(default_factory=set)  # visible ids before any filter
    age_excluded: list = field(default_factory=list)  # would fit, but not at this age


def find(request, directory, selection, now=None):
    """Run a search; returns a :class:`Result` (one SQL query once the data is loaded).

    Every filter becomes the set of ids it admits; a facet's counts use the intersection of
    all *other* filters, so they show what choosing that option would give. A town or an
    age found in the query (``matching.understand``) acts as the filter when the form does
    not set one; ``selection.inferred`` remembers which.
    """
    from .matching import score, understand

    index = get_index(request)
    matcher = index.matcher
    local = (now or clock()).astimezone(BERLIN)
    entries = index.entries
    visible = entries.keys() & visible_ids(request, directory)
    understanding = understand(selection.query, matcher)
    if selection.postcode and not selection.facets.get("town"):
        from .postcodes import POSTCODES

        key = index.by_slug["town"].get(POSTCODES[selection.postcode][0])
        if key is not None:
            selection.facets["town"] = [key]
            selection.inferred["town"] = "postcode"
    if understanding.towns and not selection.facets.get("town"):
        selection.facets["town"] = list(understanding.towns)
        selection.inferred["town"] = "query"
    if understanding.age is not None and selection.age is None:
        selection.age = understanding.age
        selection.inferred["age"] = "query"
    scores = score(matcher, understanding, visible)
    found = set(scores.coverage) if scores.any_terms else visible
    passing = {}
    for facet, chosen in selection.facets.items():
        admitted = set()
        for key in chosen:
            admitted |= index.inverted[facet].get(key, set())
        passing[facet] = admitted
    if selection.age is not None:
        age = selection.age
        passing["age"] = {pk for pk in visible if entries[pk].admits_age(age)}

    def all_but(name, base=None):
        result = found if base is None else base
        for other, admitted in passing.items():
            if other != name:
                result = result & admitted
        return result

    def narrowed(ids):
        """Only the ids the ranking keeps (enough terms satisfied), as a set."""
        return scores.keep(ids)

    base_open = narrowed(all_but("open_now"))
    open_ids = base_open & index.open_ids(local)
    if selection.open_now:
        passing["open_now"] = open_ids
    full = all_but(None)
    counts = {}
    for facet in FACETS:
        base = narrowed(all_but(facet)) if facet in passing else narrowed(full)
        counts[facet] = {
            key: n for key, admitted in index.inverted[facet].items() if (n := len(base & admitted))
        }
    without = {name: len(narrowed(all_but(name))) for name in passing}
    ordered = scores.select(full, matcher)
    age_excluded = []
    if "age" in passing:
        # Services that fit but for the age: named with their limits, never offered silently.
        shown = set(ordered)
        excluded = scores.keep(all_but("age")) - shown
        age_excluded = scores.select(excluded, matcher)[:5] if excluded else []
    return Result(
        ids=ordered,
        counts=counts,
        open_now_count=len(open_ids),
        without=without,
        entries=entries,
        understanding=understanding,
        scores=scores,
        candidates=visible,
        age_excluded=age_excluded,
    )


def _count(counter, values):
    for value in values:
        counter[value] = counter.get(value, 0) + 1
