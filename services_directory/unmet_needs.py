"""Unmet needs: what people searched the directory for and did not find, counted privately.

A directory search with few or no results (``UNMET_NEEDS_LOW_RESULTS``, default 2) by an
anonymous visitor is split into normalised words (:func:`normalise`: case folded, umlauts
and ß folded, stop words, numbers, e-mail addresses and web addresses dropped). Each word
adds one to a counter per month, interface language and chosen town
(:class:`UnmetNeedCount`). Nothing else is kept: no IP address, no user, no session, no
time finer than the month, never the query as typed, and no link between the words of one
search. Logged-in visitors are not counted: members may see workspace services, so their
result counts (and the words they type) could reflect workspace content.

Counters older than ``UNMET_NEEDS_RETENTION_MONTHS`` (default 25: the report's 24 months
and the current one) are deleted when a new counter is written and by
``manage.py purge_unmet_needs`` (cron). :func:`unmet_needs` is what the planning report
reads; it never returns a word counted fewer than 3 times.
"""

import datetime
import logging
import re
import unicodedata

from django.conf import settings
from django.db import DatabaseError, models, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# A word is shown only once it was counted this often (issue #14: "from 3 searches up").
MIN_COUNT_FLOOR = 3
MAX_TERMS_PER_SEARCH = 6
MAX_TOWNS_PER_SEARCH = 3
MIN_TERM_LENGTH = 2
MAX_TERM_LENGTH = 40

# Words that say nothing about a need, in the portal's seven languages (folded forms).
_STOP_WORDS = """
    aber alle als am an auch auf aus bei beim bin bis bitte brauche brauchen das dass dem den
    der des die dies diese dieser doch du ein eine einem einen einer eines er es fuer gibt
    habe haben hat hier hilfe ich ihr im in ist ja kann koennen man mein meine mich mir mit
    moechte nach nicht noch oder ohne sich sie sind so suche suchen ueber um und uns unser
    von vom was wer wie wir wo zu zum zur
    a about an and any are as at be can do for from get help i in is it me my need of on or
    please the to want where with you
    ve bir bu da de icin ile ben yardim yardım mi
    і в на з до для що як я мені потрібна потрібно допомога та й у
    и в на с к для что как я мне нужна нужно помощь по у
    في من على الى إلى عن مع أنا انا أريد اريد مساعدة
    در به از با برای که را و من می خواهم کمک
    """
STOP_WORDS = frozenset(_STOP_WORDS.split())

_EMAIL_OR_URL = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)
_SPLIT = re.compile(r"[\W_]+", re.UNICODE)
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ẞ": "ss"})


class UnmetNeedCount(models.Model):
    """How often one normalised word was searched without (enough) results, per month,
    interface language and town. An aggregate: it holds no query, person or time of day."""

    month = models.DateField(_("month (first day)"), help_text="Erster Tag des Monats.")
    language = models.CharField(_("language"), max_length=8, help_text="Sprache der Oberfläche.")
    town = models.CharField(
        _("town"),
        max_length=64,
        blank=True,
        help_text="Übersetzungsschlüssel der gewählten Stadt; leer = keine Stadt gewählt.",
    )
    term = models.CharField(
        _("normalised word"), max_length=MAX_TERM_LENGTH, help_text="Normalisiertes Wort."
    )
    count = models.PositiveIntegerField(_("number of searches"), default=0)

    class Meta:
        app_label = "services_directory"
        verbose_name = _("unmet need count")
        verbose_name_plural = _("unmet need counts")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "language", "town", "term"], name="unmet_need_count_unique"
            )
        ]
        indexes = [models.Index(fields=["month"], name="unmet_need_month")]

    def __str__(self):
        return f"{self.month:%Y-%m} {self.language} {self.term}: {self.count}"


def _fold_word(word):
    word = unicodedata.normalize("NFC", word).casefold().translate(_FOLD)
    # Other Latin accents (é, ç, ş …) go; letters of other scripts stay as they are.
    out = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and out and out[-1].isascii():
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out))


def normalise(query):
    """The words of ``query`` worth counting: folded, without stop words, numbers,
    addresses and duplicates, at most ``MAX_TERMS_PER_SEARCH``."""
    text = _EMAIL_OR_URL.sub(" ", str(query or "")[:1000])
    terms = []
    for raw in _SPLIT.split(text):
        word = _fold_word(raw)
        if (
            not MIN_TERM_LENGTH <= len(word) <= MAX_TERM_LENGTH
            or any(ch.isdigit() for ch in word)
            or word in STOP_WORDS
            or word in terms
        ):
            continue
        terms.append(word)
        if len(terms) == MAX_TERMS_PER_SEARCH:
            break
    return terms


def low_results():
    return getattr(settings, "UNMET_NEEDS_LOW_RESULTS", 2)


def retention_months():
    return getattr(settings, "UNMET_NEEDS_RETENTION_MONTHS", 25)


def month_start(day=None):
    return (day or timezone.localdate()).replace(day=1)


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def record(query, language, towns=(), result_count=0, visitor=None, today=None):
    """Count one directory search if it found at most ``UNMET_NEEDS_LOW_RESULTS`` services.

    ``towns``: the validated towns of the search (translation keys), ``visitor``: the
    request's user (logged-in visitors are not counted). Returns the number of words
    counted. Never raises: counting must not break a search.
    """
    if result_count > low_results() or (visitor is not None and visitor.is_authenticated):
        return 0
    terms = normalise(query)
    if not terms:
        return 0
    codes = {code for code, _name in settings.LANGUAGES}
    language = language if language in codes else settings.LANGUAGE_CODE
    towns = [str(t)[:64] for t in list(towns or ())[:MAX_TOWNS_PER_SEARCH]] or [""]
    month = month_start(today)
    keys = {(town, term) for town in towns for term in terms}
    try:
        with transaction.atomic():
            rows = UnmetNeedCount.objects.filter(month=month, language=language)
            wanted = Q()
            for town, term in keys:
                wanted |= Q(town=town, term=term)
            existing = set(rows.filter(wanted).values_list("town", "term"))
            if existing:
                found = Q()
                for town, term in existing:
                    found |= Q(town=town, term=term)
                rows.filter(found).update(count=F("count") + 1)
            new = keys - existing
            if new:
                # A counter created by a parallel request at the same moment loses this one
                # count (ignore_conflicts); an undercount by one is acceptable here.
                UnmetNeedCount.objects.bulk_create(
                    [
                        UnmetNeedCount(month=month, language=language, town=t, term=w, count=1)
                        for t, w in sorted(new)
                    ],
                    ignore_conflicts=True,
                )
                purge(today)
    except DatabaseError:
        logger.warning("Unmet needs: a search could not be counted", exc_info=True)
        return 0
    return len(terms)


def purge(today=None):
    """Delete counters older than the retention period; returns how many were deleted."""
    cutoff = add_months(month_start(today), -(retention_months() - 1))
    deleted, _detail = UnmetNeedCount.objects.filter(month__lt=cutoff).delete()
    return deleted


def unmet_needs(since=None, until=None, min_count=3, by=("month", "language", "town")):
    """Counted words with their counts, most frequent first, for the planning report.

    ``since``/``until``: dates (inclusive, by month); ``by``: the dimensions to keep apart
    (any of ``month``, ``language``, ``town``; ``()`` = one total per word). Only groups
    counted at least ``min_count`` times are returned, never fewer than 3.
    Returns a list of dicts with the keys of ``by``, ``term`` and ``count``.
    """
    dimensions = [name for name in ("month", "language", "town") if name in by]
    min_count = max(int(min_count), MIN_COUNT_FLOOR)
    rows = UnmetNeedCount.objects.all()
    if since is not None:
        rows = rows.filter(month__gte=month_start(since))
    if until is not None:
        rows = rows.filter(month__lte=month_start(until))
    rows = (
        rows.values(*dimensions, "term")
        .annotate(total=Sum("count"))
        .filter(total__gte=min_count)
        .order_by("-total", "term", *dimensions)
    )
    return [
        {**{name: row[name] for name in dimensions}, "term": row["term"], "count": row["total"]}
        for row in rows
    ]
