"""Keep every translation and alias exactly as private as its German source page.

wagtail-localize copies a restriction only when a translation is first created, and alias
pages get none at all (WAGTAIL_NOTES.md, Privacy). Here the page in the source language
(``LANGUAGE_CODE``) is the single source of truth: whenever a view restriction or its groups
change anywhere in a translation group, or a translation/alias is created, every other page
of that group is brought in line with the source — same restriction type, same groups, or
no restriction when the source's restriction is removed.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction

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


# Content that cached pages and fragments are built from. Any write to these apps' models
# makes every cached page stale (a write is rare; a read never writes to them).
CONTENT_APPS = {
    "home",
    "services_directory",
    "groups",
    "portal",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
}
# Bookkeeping rows written alongside content, which change nothing a visitor sees.
NOT_CONTENT = {"pagelogentry", "modellogentry", "referenceindex", "taskstate", "workflowstate"}


def _is_content(sender):
    meta = getattr(sender, "_meta", None)
    return (
        meta is not None and meta.app_label in CONTENT_APPS and meta.model_name not in NOT_CONTENT
    )


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def content_changed(sender, **kwargs):
    """For m2m changes ``sender`` is the through model, which lives in the same app."""
    if _is_content(sender):
        from .cache import bump_content_version

        bump_content_version()


def _connect_cache_invalidation():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .cache import bump_content_version

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"portal-version-{id(signal)}")


_connect_cache_invalidation()


def _refresh_machine_label(sender, instance, **kwargs):
    """Publishing a translation decides whether readers see the "machine-translated" label."""
    from .translation_status import refresh_machine_flag

    refresh_machine_flag(instance)


def _connect_machine_label():
    from wagtail.signals import page_published

    page_published.connect(_refresh_machine_label, dispatch_uid="portal-machine-label")


_connect_machine_label()
