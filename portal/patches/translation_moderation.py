"""Translations go through moderation: a draft of a translation never changes the live page.

wagtail-localize writes a translation's content straight into the page row before saving a
revision, even when asked for a draft (``publish=False``, the translation editor's "Save
draft" and "Sync translated pages" without publishing). For a translation that is already
live, or an alias that is being converted into a translation, readers would see the new text
at once, without any approval (seen with wagtail-localize 1.14). Here the live content is put
back after such a draft save; the draft stays as the latest revision and goes live only when
it is published through the workflow. ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False``
covers the other half (new translations are not published at once).
"""

import functools

from django.core.exceptions import ObjectDoesNotExist

from wagtail.models import Page
from wagtail_localize.models import TranslationSource

WAGTAIL_LOCALIZE_VERSION = "1.14"
UPSTREAM = {
    "wagtail_localize.models:TranslationSource.create_or_update_translation": "7f832deec952280a"
}
CONTRACT_TEST = "tests/portal/test_translation_moderation.py"


def _keep_live_content(original):
    @functools.wraps(original)
    def create_or_update_translation(self, locale, user=None, publish=True, **kwargs):
        live = None
        if not publish:
            try:
                existing = self.get_translated_instance(locale)
            except ObjectDoesNotExist:
                existing = None
            if isinstance(existing, Page) and existing.live:
                live = (type(existing), existing.serializable_data(), existing.alias_of_id)
        result = original(self, locale, user=user, publish=publish, **kwargs)
        if live is not None:
            _restore(*live)
        return result

    create_or_update_translation.portal_keeps_live_content = True
    return create_or_update_translation


def _restore(model, data, was_alias_of):
    """Put the live content back, keeping the new draft as the latest revision.

    A converted alias has never been published as a translation: it loses the live revision
    it had copied from the German page, which is how templates and the status view know it
    still shows the German text.
    """
    page = model.from_serializable_data(data, check_fks=False, strict_fks=False)
    current = Page.objects.filter(pk=page.pk).values(
        "alias_of_id", "latest_revision_id", "draft_title"
    )[0]
    page.alias_of_id = current["alias_of_id"]
    page.latest_revision_id = current["latest_revision_id"]
    page.draft_title = current["draft_title"]
    page.has_unpublished_changes = True
    if was_alias_of is not None:
        page.live_revision_id = None
    page.save(clean=False)


def install():
    method = TranslationSource.create_or_update_translation
    if not getattr(method, "portal_keeps_live_content", False):
        TranslationSource.create_or_update_translation = _keep_live_content(method)


def create_translation_unmoderated(source, locale, **kwargs):
    """wagtail-localize's own ``create_or_update_translation``, without this patch.

    For the demo loader (portal/demo.py), which publishes the draft at once: the patch
    would only add a useless save there."""
    method = TranslationSource.create_or_update_translation
    return getattr(method, "__wrapped__", method)(source, locale, **kwargs)
