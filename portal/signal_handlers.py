"""Keep view restrictions identical across all translations and aliases of a page.

wagtail-localize copies a restriction only when a translation is first created, and alias
pages get none at all (WAGTAIL_NOTES.md, Privacy). These handlers copy every change of a
page's own restriction to the pages that share its ``translation_key``, and give a new
translation or alias the restriction of its source as soon as it is saved.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

# Set while this module itself writes restrictions, so its own writes don't echo back.
_syncing = ContextVar("portal_restriction_syncing", default=False)


@contextmanager
def _guard():
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def _propagate(restriction, only_unrestricted=False):
    if _syncing.get():
        return
    with _guard():
        for page in _counterparts(restriction.page):
            if only_unrestricted and PageViewRestriction.objects.filter(page=page).exists():
                continue
            copy_restriction(restriction, page)


def _counterparts(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def copy_restriction(source, target_page):
    """Give ``target_page`` exactly the restriction of ``source`` (a PageViewRestriction)."""
    group_ids = set(source.groups.values_list("id", flat=True))
    target = PageViewRestriction.objects.filter(page=target_page).first()
    if target is None:
        target = PageViewRestriction(page=target_page)
    if target.pk is None or target.restriction_type != source.restriction_type:
        target.restriction_type = source.restriction_type
        target.password = ""
        target.save()
    if set(target.groups.values_list("id", flat=True)) != group_ids:
        target.groups.set(group_ids)


@receiver(post_save, sender=PageViewRestriction)
def sync_restriction_on_save(sender, instance, created=False, raw=False, **kwargs):
    if raw:
        return
    if created and instance.restriction_type == BaseViewRestriction.GROUPS:
        # A new "groups" row is saved before its groups are added (Wagtail's page copy and
        # alias creation, the admin's privacy dialog). Copying it now would empty the groups
        # of every counterpart, so only restrict counterparts that have no row yet; the
        # m2m_changed signal below brings the groups once they are added.
        _propagate(instance, only_unrestricted=True)
    else:
        _propagate(instance)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def sync_restriction_groups(sender, instance, action, reverse=False, **kwargs):
    if not reverse and action in {"post_add", "post_remove", "post_clear"}:
        _propagate(instance)


@receiver(post_delete, sender=PageViewRestriction)
def sync_restriction_on_delete(sender, instance, **kwargs):
    if _syncing.get():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        with _guard():
            PageViewRestriction.objects.filter(page__in=_counterparts(page)).delete()


@receiver(post_save)
def restrict_new_translation(sender, instance, created, raw=False, **kwargs):
    """A page created as a translation or alias inherits its source's restriction."""
    if raw or not created or not isinstance(instance, Page):
        return
    source = (
        PageViewRestriction.objects.filter(page__translation_key=instance.translation_key)
        .exclude(page=instance)
        .first()
    )
    if source is not None and not _syncing.get():
        with _guard():
            copy_restriction(source, instance)
