"""Judged needs → recall@5, MRR and zero-result rate of the directory's matcher.

A *need* is what a multiplier types (``q``, in one of the seven languages), with an optional
town and age from the form, the services that are right for it and those that must not
appear (not eligible, e.g. by age). ``evaluate`` runs every need through
``matching.search`` on the demo directory and reports overall and per language; the data
lives in ``tests/services_directory/needs.json`` and ``make eval-search`` prints the table.
"""

import fnmatch
import json
from dataclasses import dataclass, field

LANGUAGES = ("de", "en", "ar", "fa", "tr", "uk", "ru")


@dataclass
class Outcome:
    need: dict
    top: list  # slugs of the first five results
    first_right: int | None  # 1-based rank of the first right service, None if absent
    ineligible: list = field(default_factory=list)  # must-not slugs among the first five

    @property
    def zero(self):
        return not self.top


def load_needs(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


def load_demo_directory(home):
    """The demo directory (services, vocabularies, need vocabulary in seven languages).

    For the evaluation and tests: the directory's demo steps only, under ``home``, with
    the locales they translate into, in seconds rather than the whole demo's minute.
    """
    from django.conf import settings

    from wagtail.models import Locale

    from .demo import demo_directory, translate_facets
    from .demo_vocabulary import demo_need_vocabulary, translate_need_vocabulary

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    context = {"home": home}
    demo_directory(context)
    demo_need_vocabulary(context)
    translate_need_vocabulary()
    translate_facets()
    return context["directory"]


def in_process(index, need, candidates, filters):
    """The directory's own matcher (``matching.search``) for one need."""
    from .matching import search

    return search(index, need["q"], ids=candidates, age=need.get("age"), **filters)


def evaluate(needs, directory, find=in_process):
    """Run every need against the live services under ``directory``; list of Outcomes.

    ``find(index, need, candidates, filters)`` returns ranked ids: the in-process matcher by
    default, or another engine with the same contract (``cluster.search``, issue 19).
    """
    from .directory import get_index
    from .models import ServicePage

    index = get_index()
    slugs = dict(ServicePage.objects.child_of(directory).live().values_list("id", "slug"))
    candidates = set(slugs)
    outcomes = []
    for need in needs:
        filters = {}
        if need.get("town"):
            filters["town"] = [index.by_slug["town"][need["town"]]]
        ids = find(index, need, candidates, filters)
        top = [slugs[pk] for pk in ids[:5]]
        first = next((n for n, slug in enumerate(top, 1) if _fits(slug, need["right"])), None)
        wrong = [slug for slug in top if _fits(slug, need.get("wrong", []))]
        outcomes.append(Outcome(need=need, top=top, first_right=first, ineligible=wrong))
    return outcomes


def _fits(slug, patterns):
    """``slug`` is one of ``patterns`` ("jmd-velbert", "psz-*", "*-hilden")."""
    return any(fnmatch.fnmatchcase(slug, pattern) for pattern in patterns)


def metrics(outcomes):
    """``{"all": {...}, "de": {...}, …}`` with n, recall@5, MRR, zero-result rate, ineligible."""
    groups = {"all": outcomes}
    for language in LANGUAGES:
        groups[language] = [o for o in outcomes if o.need["lang"] == language]
    result = {}
    for name, group in groups.items():
        n = len(group)
        if not n:
            continue
        result[name] = {
            "n": n,
            "recall@5": sum(o.first_right is not None for o in group) / n,
            "mrr": sum(1 / o.first_right for o in group if o.first_right) / n,
            "zero": sum(o.zero for o in group) / n,
            "ineligible": sum(bool(o.ineligible) for o in group),
        }
    return result


def table(figures, database):
    lines = [
        f"Directory search, judged needs ({database})",
        "| language | needs | recall@5 | MRR | zero results | ineligible in top 5 |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in figures.items():
        lines.append(
            f"| {name} | {row['n']} | {row['recall@5']:.2f} | {row['mrr']:.2f} | "
            f"{row['zero']:.2f} | {row['ineligible']} |"
        )
    return "\n".join(lines)
