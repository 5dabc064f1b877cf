"""Translation status of pages, and the "machine-translated" label readers see.

A translation counts as *reviewed by a person* when none of its strings in wagtail-localize
is of type ``machine`` any more: a translator edits a machine-translated string in the
translation editor (which makes it ``manual``), or an editor confirms the whole page with
"Mark as reviewed" in the translation status view (:func:`mark_reviewed`), which turns the
remaining machine strings into manual ones in their name.

Whether the *live* translation still contains machine text is computed when it is published
or reviewed and kept as a :class:`~portal.models.MachineTranslatedPage` row, so rendering a
page costs no query in wagtail-localize's tables (the set of ids is cached per content
version).
"""

from collections import Counter, defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, PageLogEntry
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, StringTranslation

from ..cache import FRAGMENT_TIMEOUT, content_version
from ..models import MachineTranslatedPage

TRANSLATED, OUTDATED, MACHINE, MISSING = "translated", "outdated", "machine", "missing"
STATUS_LABELS = {
    TRANSLATED: _("Translated"),
    OUTDATED: _("Outdated"),
    MACHINE: _("Machine-translated"),
    MISSING: _("Missing"),
}
REVIEW_ACTION = "portal.translation_reviewed"


def _current_segments(translation_key):
    """Segments of the latest extraction of the source-language page ``translation_key``."""
    return StringSegment.objects.filter(
        source__object_id=translation_key,
        source__locale__language_code=settings.LANGUAGE_CODE,
    )


def machine_strings(page):
    """Machine-made translations of strings the source of ``page`` currently uses."""
    segments = _current_segments(page.translation_key).filter(
        string_id=OuterRef("translation_of_id"), context_id=OuterRef("context_id")
    )
    return StringTranslation.objects.filter(
        locale_id=page.locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        context__object_id=page.translation_key,
    ).filter(Exists(segments))


def is_translation(page):
    return page.alias_of_id is None and page.locale.language_code != settings.LANGUAGE_CODE


def refresh_machine_flag(page):
    """Record whether the translation ``page`` contains unreviewed machine text."""
    tool = None
    if is_translation(page):
        tool = machine_strings(page).values_list("tool_name", flat=True).first()
    if tool is None:
        MachineTranslatedPage.objects.filter(page_id=page.pk).delete()
    else:
        MachineTranslatedPage.objects.update_or_create(
            page_id=page.pk, defaults={"tool_name": tool}
        )
    return tool is not None


def mark_reviewed(page, user):
    """A person has checked the translation: its machine strings become manual ones."""
    changed = machine_strings(page).update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL, last_translated_by=user
    )
    MachineTranslatedPage.objects.filter(page_id=page.pk).delete()
    PageLogEntry.objects.log_action(instance=page, action=REVIEW_ACTION, user=user)
    return changed


def machine_translated_page_ids():
    """Ids of pages that carry the "machine-translated" label (cached per content version)."""
    key = f"portal:machine-translated:{content_version()}"
    ids = cache.get(key)
    if ids is None:
        ids = frozenset(MachineTranslatedPage.objects.values_list("page_id", flat=True))
        cache.set(key, ids, FRAGMENT_TIMEOUT)
    return ids


def _incomplete(sources):
    """(translation_key, language) pairs whose translation lacks strings of the source.

    Two queries for all pages: the source segments and the translations of their strings.
    """
    keys = sources.values("translation_key")
    needed = defaultdict(set)
    for key, string_id, context_id in StringSegment.objects.filter(
        source__object_id__in=keys, source__locale__language_code=settings.LANGUAGE_CODE
    ).values_list("source__object_id", "string_id", "context_id"):
        needed[key].add((string_id, context_id))
    done = defaultdict(set)
    for key, code, string_id, context_id in StringTranslation.objects.filter(
        context__object_id__in=keys, has_error=False
    ).values_list("context__object_id", "locale__language_code", "translation_of_id", "context_id"):
        done[(key, code)].add((string_id, context_id))
    return {
        (key, code)
        for key, strings in needed.items()
        for code, _name in settings.LANGUAGES
        if not strings <= done[(key, code)]
    }


def status_table(user, *, languages=None, status=None):
    """Rows for the translation status view, and totals per language and status.

    ``rows``: one per source-language page the user may explore, each with ``page`` and
    ``cells`` (one dict per language: ``code``, ``status``, ``page`` or ``None``,
    ``detail``). ``languages`` narrows the columns, ``status`` keeps rows with at least one
    cell of that status. A constant number of queries, whatever the number of pages.
    """
    source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    codes = [c for c, _n in settings.LANGUAGES if c != settings.LANGUAGE_CODE]
    if languages:
        codes = [c for c in codes if c in languages]
    sources = (
        PagePermissionPolicy()
        .explorable_instances(user)
        .filter(locale=source_locale, alias_of__isnull=True, depth__gt=1)
        .order_by("path")
    )
    targets = {
        (p.translation_key, p.locale.language_code): p
        for p in Page.objects.filter(translation_key__in=sources.values("translation_key"))
        .exclude(locale=source_locale)
        .select_related("locale", "live_revision")
    }
    incomplete = _incomplete(sources)
    machine = machine_translated_page_ids()
    rows, totals = [], {code: Counter() for code in codes}
    for source in sources:
        cells = []
        for code in codes:
            target = targets.get((source.translation_key, code))
            state, detail = _cell_status(source, target, code, incomplete, machine)
            cells.append({"code": code, "status": state, "page": target, "detail": detail})
        if status and not any(cell["status"] == status for cell in cells):
            continue
        for cell in cells:
            totals[cell["code"]][cell["status"]] += 1
        rows.append({"page": source, "cells": cells})
    grand = Counter()
    for counter in totals.values():
        grand.update(counter)
    return {"rows": rows, "codes": codes, "totals": totals, "grand_totals": grand}


def _published_as_translation(page):
    """False for a converted alias whose translation is still waiting for approval.

    Such a page keeps the live revision of the German page it was an alias of (and shows
    its text) until its own first revision is published.
    """
    revision = page.live_revision
    return revision is not None and str(revision.object_id) == str(page.pk)


def _cell_status(source, target, code, incomplete, machine):
    if target is None:
        return MISSING, _("not in this language's page tree yet")
    if target.alias_of_id is not None:
        return MISSING, _("shows the German original")
    if not target.live or not _published_as_translation(target):
        return MISSING, _("draft, not published yet")
    published = target.last_published_at
    if source.last_published_at and published and source.last_published_at > published:
        return OUTDATED, _("the German page changed after this translation was published")
    if (source.translation_key, code) in incomplete:
        return OUTDATED, _("some texts of the German page are not translated")
    if target.pk in machine:
        return MACHINE, _("not reviewed by a person yet")
    return TRANSLATED, ""
