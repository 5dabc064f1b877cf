"""Public pages: the home page and free-form content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.panels import start_page_panels
from portal.patches.routing import PathRoutingMixin


class HomePage(PathRoutingMixin, Page):
    """The start page of one language tree ("KIM im Kreis Mettmann")."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Kurzer Einleitungstext unter der Überschrift."
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "services_directory.ServiceDirectoryPage",
        "groups.WorkspaceIndexPage",
        "home.HandbookPage",
        "home.PublicationIndexPage",
        "events.EventIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["start_panels"] = start_page_panels(request, self)
        return context


class ContentPage(Page):
    """A free-form page: "Über KIM", "Case Management", Impressum, Datenschutz …"""

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Ein bis zwei Sätze; erscheinen auch in Listen."
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.AutocompleteField("intro"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
