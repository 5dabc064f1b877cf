"""The directory page itself and the version token of its data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from portal.cache import bump, state, versions
from portal.panels import EasyLanguageHelpPanel
from portal.privacy import mark_private


class ServiceDirectoryPage(Page):
    """The directory of counselling services for migrants and refugees in the ten towns.

    It answers the GET form of docs/directory.md (``q``, ``town``, ``type``, ``topic``,
    ``language``, ``target``, ``age``, ``open_now``, ``page``); see ``directory.py``.
    """

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Erklärt kurz, wofür das Verzeichnis da ist."
    )

    content_panels = Page.content_panels + [EasyLanguageHelpPanel(), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services_directory.ServicePage"]
    max_count_per_parent = 1
    # The language switcher keeps the filters (/de/beratung/?town=velbert → /uk/beratung/?…).
    language_switch_keeps_query = True

    class Meta:
        verbose_name = _("service directory")

    def get_context(self, request, *args, **kwargs):
        from ..views import directory_context

        context = super().get_context(request, *args, **kwargs)
        context.update(directory_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            # Members may see services of their workspaces: never in a shared cache.
            mark_private(response)
        return response


class DirectoryVersion:
    """A token that changes whenever directory data changes (signal_handlers.py).

    Kept in the portal's content-version table under the key ``directory`` (registered in
    apps.py; ``portal/cache.py``). Each process keeps the facet data of the directory in
    memory and reloads it when this token differs from the one it loaded with, so several
    processes stay consistent without a shared cache.
    """

    KEY = "directory"

    @classmethod
    def current(cls):
        """The directory's token; read with the content version, once per request."""
        return versions()[cls.KEY]

    @classmethod
    def bump(cls):
        return bump(cls.KEY)

    @classmethod
    def state(cls):
        """``(token, changed_at)`` in one query (the HSDS API's ETag and Last-Modified)."""
        return state(cls.KEY)
