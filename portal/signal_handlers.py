"""Keep every translation and alias exactly as private as its German source page.

wagtail-localize copies a restriction only when a translation is first created, and alias
pages get none at all (docs/privacy.md, "Translations and aliases"). Here the page in the
source language (``LANGUAGE_CODE``) is the single source of truth: whenever a view
restriction or its groups change anywhere in a translation group, or a translation/alias is
created, every other page of that group is brought in line with the source — same
restriction type, same groups, or no restriction when the source's restriction is removed.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction

from .cache import bump_content_version, is_content

# Set while this module writes restrictions itself, so its own writes don't echo back.
_syncing = ContextVar("portal_restriction_syncing", default=False)


@contextmanager
def _guard():
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def sync_translation_group(translation_key, *, deleted_from=None):
    """Make the restrictions of all pages sharing ``translation_key`` match the source's.

    A translation may carry a restriction of its own while the source has none (stricter is
    allowed); it is removed only when the source's own restriction was deleted
    (``deleted_from`` is the id of the page whose restriction row was just deleted).
    """
    if _syncing.get():
        return
    pages = list(Page.objects.filter(translation_key=translation_key).select_related("locale"))
    source = next(
        (
            p
            for p in pages
            if p.locale.language_code == settings.LANGUAGE_CODE and p.alias_of_id is None
        ),
        None,
    )
    if source is None:
        return
    others = [p for p in pages if p.pk != source.pk]
    if not others:
        return
    source_rows = list(PageViewRestriction.objects.filter(page=source).prefetch_related("groups"))
    with _guard():
        if not source_rows:
            if deleted_from == source.pk:
                PageViewRestriction.objects.filter(page__in=others).delete()
            return
        restriction_type = source_rows[0].restriction_type
        group_ids = {g.pk for row in source_rows for g in row.groups.all()}
        for page in others:
            rows = list(PageViewRestriction.objects.filter(page=page))
            if not rows:
                rows = [PageViewRestriction(page=page)]
            for row in rows:
                if row.pk is None or row.restriction_type != restriction_type or row.password:
                    row.restriction_type, row.password = restriction_type, ""
                    row.save()
                if set(row.groups.values_list("pk", flat=True)) != group_ids:
                    row.groups.set(group_ids)


def _key_of_page_id(page_id):
    return Page.objects.filter(pk=page_id).values_list("translation_key", flat=True).first()


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, raw=False, **kwargs):
    if not raw and not _syncing.get():
        sync_translation_group(_key_of_page_id(instance.page_id))


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, reverse=False, **kwargs):
    changed = action in {"post_add", "post_remove", "post_clear"}
    if changed and not reverse and not _syncing.get():
        sync_translation_group(_key_of_page_id(instance.page_id))


@receiver(post_delete, sender=PageViewRestriction)
def restriction_deleted(sender, instance, **kwargs):
    if not _syncing.get():
        key = _key_of_page_id(instance.page_id)
        if key is not None:
            sync_translation_group(key, deleted_from=instance.page_id)


@receiver(post_save)
def translation_created(sender, instance, created, raw=False, **kwargs):
    """A page created as a translation or alias takes its source's restriction at once."""
    if created and not raw and isinstance(instance, Page) and not _syncing.get():
        sync_translation_group(instance.translation_key)


# Content that cached pages and fragments are built from: the apps registered with
# ``cache.register_content`` (portal's own and Wagtail's in apps.py, each app in its own
# AppConfig.ready). Any write to their models makes every cached page stale (a write is
# rare; a read never writes to them).


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def content_changed(sender, **kwargs):
    """For m2m changes ``sender`` is the through model, which lives in the same app."""
    if is_content(sender):
        bump_content_version()


def _connect_cache_invalidation():
    """Publishing and unpublishing save the page (``content_changed``); a move updates the
    paths of the subtree in bulk, without a save per page, so it is signalled here."""
    from wagtail.signals import post_page_move

    post_page_move.connect(bump_content_version, dispatch_uid="portal-version-move")


_connect_cache_invalidation()


# --- Links to deleted pages stay visible to the freshness report (freshness.py) -----------
# Wagtail drops every reference *to* a page when the page is deleted, so a link to it in
# another page's text would vanish from the reference index while still being broken on
# the site. After the deletion, the pages that linked to it are indexed again from their
# content, which brings the (now dangling) references back.


@receiver(pre_delete)
def remember_linking_pages(sender, instance, **kwargs):
    if not isinstance(instance, Page) or sender is not Page:
        return
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import ReferenceIndex

    page_type = ContentType.objects.get_for_model(Page)
    sources = set(
        ReferenceIndex.objects.filter(
            to_content_type=page_type, to_object_id=str(instance.pk), base_content_type=page_type
        ).values_list("object_id", flat=True)
    )
    if sources:
        transaction.on_commit(lambda: _reindex_pages(sources))


def _reindex_pages(page_ids):
    from wagtail.models import ReferenceIndex

    for page in Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).specific():
        ReferenceIndex.create_or_update_for_object(page)


def _refresh_machine_label(sender, instance, **kwargs):
    """Publishing a translation decides whether readers see the "machine-translated" label."""
    from .i18n.status import refresh_machine_flag

    refresh_machine_flag(instance)


def _connect_machine_label():
    from wagtail.signals import page_published

    page_published.connect(_refresh_machine_label, dispatch_uid="portal-machine-label")


_connect_machine_label()
