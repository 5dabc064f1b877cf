"""Public pages: the home page and free-form content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.panels import EasyLanguageHelpPanel, start_page_panels
from portal.patches.routing import PathRoutingMixin


class HomePage(PathRoutingMixin, Page):
    """The start page of one language tree ("KIM im Kreis Mettmann")."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Kurzer Einleitungstext unter der Überschrift."
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    # BITV 2.0 § 4: the start page explains the site in German Sign Language (DGS). A native
    # <video> of a document served by the portal itself, no third-party player.
    sign_language_video = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sign language video"),
        help_text="Video in Deutscher Gebärdensprache (MP4 oder WebM) aus einer öffentlichen "
        "Sammlung: was das Portal bietet, wie man sich zurechtfindet, wo die Erklärung zur "
        "Barrierefreiheit und das Rückmeldeformular sind. Ohne Video steht ein Hinweis da.",
    )
    sign_language_captions = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("captions of the sign language video"),
        help_text="Untertitel zum Gebärdensprach-Video als WebVTT-Datei (.vtt), auf Deutsch.",
    )

    content_panels = Page.content_panels + [
        EasyLanguageHelpPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("sign_language_video"), FieldPanel("sign_language_captions")],
            heading=_("German Sign Language (DGS)"),
        ),
    ]
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
        context["start_more_panels"] = start_page_panels(request, self, "start_page_more_panels")
        return context


class ContentPage(Page):
    """A free-form page: "Über KIM", "Case Management", Impressum, Datenschutz …"""

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Ein bis zwei Sätze; erscheinen auch in Listen."
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        EasyLanguageHelpPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.AutocompleteField("intro"),
    ]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")
