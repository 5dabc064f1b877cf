"""Offer planning ("Angebotsplanung") for the steering group: where counselling is missing.

Everything here counts **live public services** of the German source tree (translations
share their source's data; defunct services are left out, temporarily closed ones are
counted): a service under a restricted page never enters a count, whoever asks
(``portal.privacy.public_pages``). The classification of each service comes from the
directory's facet data, which every process keeps in memory (``directory.get_index``), so
the report costs a handful of queries however many services there are.

:func:`build_report` returns one :class:`Report`; the admin view (``planning_views.py``),
the exports (``planning_export.py``) and the monthly PDF (``manage.py
send_planning_report``) all render that same object.
"""

import datetime
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import PageLogEntry

from portal.privacy import outside_hidden_subtrees, public_pages

from . import directory
from .models import ServicePage, language_names
from .unmet_needs import add_months, month_start, unmet_needs

AGE_RANGE = (12, 80)
AGE_BANDS = [(12, 17), (18, 26), (27, 44), (45, 64), (65, 80)]
LATE_HOUR = datetime.time(16, 0)
CHANGE_MONTHS = 24
# Spoken languages always shown as rows, even where no service offers them: a gap to see.
FOCUS_LANGUAGES = ("ar", "fa", "uk", "ru", "tr", "en", "ku", "ti", "ps", "so", "fr", "sq")
MAX_PROVIDERS = 30
MAX_UNMET_TERMS = 50
MAX_UNMET_ROWS = 100


def thin_limit():
    """A cell with at most this many services is "thin" (0 is a gap)."""
    return getattr(settings, "PLANNING_THIN_LIMIT", 1)


# --- Filters --------------------------------------------------------------------------------


class PlanningFilterForm(forms.Form):
    """Type, topic and spoken language; unknown values are reported and ignored."""

    type = forms.ChoiceField(label=gettext_lazy("Kind of service"), required=False)
    topic = forms.ChoiceField(label=gettext_lazy("Topic"), required=False)
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    months = forms.TypedChoiceField(
        label=gettext_lazy("Unmet needs of the last"),
        required=False,
        coerce=int,
        empty_value=12,
        choices=[(n, gettext_lazy("%(n)s months") % {"n": n}) for n in (1, 3, 6, 12, 24)],
    )

    def __init__(self, data, index, locale_id, language_codes):
        super().__init__(data or None, initial={"months": 12})
        everything = [("", _("all (no filter)"))]
        for name, kind in (("type", "type"), ("topic", "topic")):
            terms = sorted(
                index.terms[kind].values(),
                key=lambda t: directory.fold(t.name(locale_id, index.default_locale_id)),
            )
            self.fields[name].choices = everything + [
                (t.slug, t.name(locale_id, index.default_locale_id)) for t in terms
            ]
        names = language_names(translation.get_language() or "de")
        self.fields["language"].choices = everything + sorted(
            ((code, names.get(code, code)) for code in language_codes), key=lambda c: c[1]
        )

    def cleaned(self):
        """``(values, messages)``: the valid filters and a message per ignored value."""
        if not self.is_bound:
            return {"type": "", "topic": "", "language": "", "months": 12}, []
        self.is_valid()
        values, messages = {}, []
        for name in ("type", "topic", "language", "months"):
            if name in self.errors:
                raw = str(self.data.get(name, ""))[:40]
                messages.append(
                    _("The filter value “%(value)s” is unknown and was ignored.") % {"value": raw}
                )
                values[name] = 12 if name == "months" else ""
            else:
                values[name] = self.cleaned_data.get(name) or (12 if name == "months" else "")
        return values, messages


# --- The report -----------------------------------------------------------------------------


@dataclass
class Matrix:
    """Counts of services per row (a type, language, target group …) and town."""

    key: str
    title: str
    row_heading: str
    rows: list  # [(key, label)]
    columns: list  # [(key, label)] towns
    cells: dict = field(default_factory=dict)  # (row, column) → count
    description: str = ""
    _table: list = field(default=None, repr=False)

    def count(self, row, column):
        return self.cells.get((row, column), 0)

    def table(self):
        """Rows of ``(label, [(count, state)], total)`` with state "gap", "thin" or ""."""
        if self._table is None:
            self._table = self._make_table()
        return self._table

    def body_html(self):
        """The table's body rows as HTML: written here rather than in a template loop, where
        the 600 cells of the three matrices took a third of the report's rendering."""
        marks = {"gap": _("gap"), "thin": _("thin")}
        rows = []
        for label, cells, total in self.table():
            tds = format_html_join(
                "",
                "{}",
                (
                    (
                        format_html(
                            '<td class="planning-{}">{} <span class="planning-mark">{}</span></td>',
                            state,
                            count,
                            marks[state],
                        )
                        if state
                        else format_html("<td>{}</td>", count),
                    )
                    for count, state in cells
                ),
            )
            rows.append(
                format_html('<tr><th scope="row">{}</th>{}<td>{}</td></tr>', label, tds, total)
            )
        return mark_safe("\n".join(rows))  # noqa: S308 (every part went through format_html)

    def _make_table(self):
        limit = thin_limit()
        result = []
        for row, label in self.rows:
            counts = [self.count(row, column) for column, _label in self.columns]
            states = ["gap" if n == 0 else "thin" if n <= limit else "" for n in counts]
            result.append((label, list(zip(counts, states, strict=True)), sum(counts)))
        return result

    def gaps(self):
        return [
            (label, column_label)
            for row, label in self.rows
            for column, column_label in self.columns
            if self.count(row, column) == 0
        ]


@dataclass
class AgeCoverage:
    town: str
    counts: list  # services admitting each age from AGE_RANGE[0] to AGE_RANGE[1]

    def band(self, low, high):
        """The fewest services any age of the band has (0: some age is not served)."""
        return min(self.counts[low - AGE_RANGE[0] : high - AGE_RANGE[0] + 1])

    def gaps(self):
        """Age ranges without any service: ``[(from, to)]``."""
        gaps, start = [], None
        for offset, n in enumerate(self.counts + [1]):
            age = AGE_RANGE[0] + offset
            if n == 0 and start is None:
                start = age
            elif n and start is not None:
                gaps.append((start, age - 1))
                start = None
        return gaps


@dataclass
class Report:
    today: datetime.date
    filters: dict
    messages: list
    total: int
    towns: list
    matrices: list
    ages: list
    freshness_towns: list  # (town, total, 6–12 months, over 12 months or never)
    freshness_providers: list
    change: list  # (month, added, closed)
    unmet_terms: list
    unmet_rows: list
    unmet_since: datetime.date
    form: object = None

    @property
    def age_matrix(self):
        return next(m for m in self.matrices if m.key == "ages")


def _public_services(default_locale_id):
    """``{id: (assured_date, application_process)}`` of the live public German services."""
    rows = (
        public_pages(ServicePage.objects.filter(locale_id=default_locale_id))
        .exclude(status=ServicePage.Status.DEFUNCT)
        .values_list("id", "assured_date", "application_process")
    )
    return {pk: (assured, process) for pk, assured, process in rows}


def build_report(params=None, today=None, language=None):
    """The whole report for these GET parameters (a QueryDict or dict)."""
    today = today or timezone.localdate()
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    index = directory.get_index()
    default_locale_id = index.default_locale_id
    locale_id = index.locales.get(language, default_locale_id)

    def name(kind, key):
        term = index.term(kind, key)
        return term.name(locale_id, default_locale_id) if term else "–"

    public = _public_services(default_locale_id)
    entries = [index.entries[pk] for pk in public if pk in index.entries]
    spoken = {code for entry in entries for code in entry.languages}

    form = PlanningFilterForm(params or {}, index, locale_id, sorted(spoken | set(FOCUS_LANGUAGES)))
    filters, messages = form.cleaned()
    if filters["type"]:
        key = index.by_slug["type"].get(filters["type"])
        entries = [e for e in entries if e.type == key]
    if filters["topic"]:
        key = index.by_slug["topic"].get(filters["topic"])
        entries = [e for e in entries if key in e.topics]
    if filters["language"]:
        entries = [e for e in entries if filters["language"] in e.languages]
    selected = any(filters[name] for name in ("type", "topic", "language"))

    towns = sorted(
        ((key, name("town", key)) for key in index.terms["town"]),
        key=lambda t: directory.fold(t[1]),
    )
    town_keys = {key for key, _label in towns}
    names = language_names(language)

    def rows_of(kind):
        return sorted(
            ((key, name(kind, key)) for key in index.terms[kind]),
            key=lambda r: directory.fold(r[1]),
        )

    by_type = Matrix(
        "types", _("Kind of service × town"), _("Kind of service"), rows_of("type"), towns
    )
    language_rows = sorted(spoken | set(FOCUS_LANGUAGES) - {"de"})
    by_language = Matrix(
        "languages",
        _("Spoken language × town"),
        _("Language"),
        sorted(((c, names.get(c, c)) for c in language_rows), key=lambda r: directory.fold(r[1])),
        towns,
    )
    by_target = Matrix(
        "targets", _("Target group × town"), _("Target group"), rows_of("target"), towns
    )
    hours = Matrix(
        "hours",
        _("Opening hours × town"),
        _("Open …"),
        [
            ("late", _("after 16:00")),
            ("friday", _("on Fridays")),
            ("saturday", _("on Saturdays")),
            ("open", _("without appointment")),
        ],
        towns,
    )
    span = AGE_RANGE[1] - AGE_RANGE[0] + 1
    age_diff = {key: [0] * (span + 1) for key in town_keys}

    for entry in entries:
        entry_towns = entry.towns & town_keys
        low = max(entry.minimum_age if entry.minimum_age is not None else 0, AGE_RANGE[0])
        high = min(entry.maximum_age if entry.maximum_age is not None else 200, AGE_RANGE[1])
        slots = _hours(entry, today, public[entry.id][1])
        for town in entry_towns:
            _add(by_type.cells, (entry.type, town))
            for code in entry.languages:
                _add(by_language.cells, (code, town))
            for target in entry.targets:
                _add(by_target.cells, (target, town))
            for slot in slots:
                _add(hours.cells, (slot, town))
            if low <= high:
                age_diff[town][low - AGE_RANGE[0]] += 1
                age_diff[town][high - AGE_RANGE[0] + 1] -= 1

    ages = []
    for key, label in towns:
        counts, running = [], 0
        for delta in age_diff[key][:span]:
            running += delta
            counts.append(running)
        ages.append(AgeCoverage(label, counts))
    age_matrix = Matrix(
        "ages",
        _("Ages 12–80 × town"),
        _("Ages"),
        [(band, f"{band[0]}–{band[1]}") for band in AGE_BANDS],
        towns,
        description=_("Fewest services for any age of the band: 0 means some age is not served."),
    )
    for coverage, (key, _label) in zip(ages, towns, strict=True):
        for band in AGE_BANDS:
            age_matrix.cells[(band, key)] = coverage.band(*band)

    ids = {entry.id for entry in entries}
    unmet_since = add_months(month_start(today), -(filters["months"] - 1))
    unmet_town = dict(towns)
    unmet_rows = [
        {
            **row,
            "town": unmet_town.get(row["town"], "–") if row["town"] else "",
            "language": names.get(row["language"], row["language"]),
        }
        for row in unmet_needs(since=unmet_since, until=today)[:MAX_UNMET_ROWS]
    ]
    return Report(
        today=today,
        filters=filters,
        messages=messages,
        total=len(entries),
        towns=towns,
        matrices=[by_type, by_language, by_target, age_matrix, hours],
        ages=ages,
        freshness_towns=_freshness_by(
            entries, public, today, lambda e: e.towns & town_keys, dict(towns)
        ),
        freshness_providers=_freshness_by(
            entries,
            public,
            today,
            lambda e: {e.organisation},
            {key: name("organisation", key) for key in index.terms["organisation"]},
        )[:MAX_PROVIDERS],
        # "months" is always set and selects no services: only the other filters narrow.
        change=_change(today, default_locale_id, ids if selected else None),
        unmet_terms=unmet_needs(since=unmet_since, until=today, by=())[:MAX_UNMET_TERMS],
        unmet_rows=unmet_rows,
        unmet_since=unmet_since,
        form=form,
    )


def _add(cells, key):
    cells[key] = cells.get(key, 0) + 1


def _hours(entry, today, process):
    """Which of the opening-hours rows this service fills (schedules valid today or later)."""
    slots = set()
    for weekday, _opens, closes, _vfrom, vto, *_rest in entry.schedules:
        if vto is not None and vto < today:
            continue
        if closes > LATE_HOUR:
            slots.add("late")
        if weekday == 4:
            slots.add("friday")
        if weekday == 5:
            slots.add("saturday")
    if process in ("open", "both"):
        slots.add("open")
    return slots


def _freshness_by(entries, public, today, keys_of, labels):
    """``[(label, total, 6–12 months, older or never)]``, the most stale first."""
    six = today - datetime.timedelta(days=182)
    twelve = today - datetime.timedelta(days=365)
    counts = {}
    for entry in entries:
        assured = public[entry.id][0]
        for key in keys_of(entry):
            row = counts.setdefault(key, [0, 0, 0])
            row[0] += 1
            if assured is None or assured < twelve:
                row[2] += 1
            elif assured < six:
                row[1] += 1
    rows = [(labels.get(key, "–"), *row) for key, row in counts.items() if key in labels]
    rows.sort(key=lambda r: (-r[3], -r[2], directory.fold(r[0])))
    return rows


def _change(today, default_locale_id, ids=None):
    """``[(month, added, closed)]`` for the last 24 months, oldest first.

    Added: German services first published that month (still existing, not restricted).
    Closed: services unpublished or deleted that month (Wagtail's log) and services now
    marked "no longer offered", by the month of their last publication. With a filter,
    only the services of the current selection are counted.
    """
    months = [add_months(month_start(today), -n) for n in range(CHANGE_MONTHS - 1, -1, -1)]
    start = timezone.make_aware(datetime.datetime.combine(months[0], datetime.time()))
    hidden = outside_hidden_subtrees(AnonymousUser(), ServicePage)
    services = ServicePage.objects.filter(locale_id=default_locale_id).filter(hidden)
    if ids is not None:
        services = services.filter(pk__in=ids)
    added = dict(
        services.filter(first_published_at__gte=start)
        .annotate(m=TruncMonth("first_published_at"))
        .values_list("m")
        .annotate(n=Count("id"))
        .values_list("m", "n")
    )
    closed = _count_by_month(
        services.filter(status=ServicePage.Status.DEFUNCT, last_published_at__gte=start)
        .annotate(m=TruncMonth("last_published_at"))
        .values_list("m")
        .annotate(n=Count("id"))
        .values_list("m", "n")
    )
    if ids is None:
        still_there = ServicePage.objects.exclude(locale_id=default_locale_id, live=False).values(
            "id"
        )
        logged = (
            PageLogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(ServicePage),
                action__in=("wagtail.unpublish", "wagtail.delete"),
                timestamp__gte=start,
            )
            .exclude(page_id__in=still_there)
            .annotate(m=TruncMonth("timestamp"))
            .values_list("m")
            .annotate(n=Count("page_id", distinct=True))
            .values_list("m", "n")
        )
        for month, n in _count_by_month(logged).items():
            closed[month] = closed.get(month, 0) + n
    added = _count_by_month(added.items())
    return [(month, added.get(month, 0), closed.get(month, 0)) for month in months]


def _count_by_month(rows):
    result = {}
    for moment, n in rows:
        if moment is None:
            continue
        day = moment.date() if isinstance(moment, datetime.datetime) else moment
        if isinstance(moment, datetime.datetime) and timezone.is_aware(moment):
            day = timezone.localtime(moment).date()
        key = day.replace(day=1)
        result[key] = result.get(key, 0) + n
    return result
