"""Handbooks: a handbook holds numbered editions; an edition holds ordered chapters.

Tree: ``HandbookPage`` (/de/handbuch/) → ``HandbookEditionPage`` (/de/handbuch/ausgabe-2/)
→ ``HandbookChapterPage`` (/de/handbuch/ausgabe-2/beratungsstellen/). Older editions stay
live at their own URLs; the current edition is the live edition with the highest number.
"""

import logging
import math

from django.core.exceptions import ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.privacy import public_pages, visible_pages

from .caching import MemberAwareCacheMixin

logger = logging.getLogger(__name__)

WORDS_PER_MINUTE = 200


class HandbookPage(MemberAwareCacheMixin, Page):
    """A handbook ("Beratungslandschaft im Kreis Mettmann"); its children are editions."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text="Worum geht es in diesem Handbuch und für wen ist es geschrieben?",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.HandbookEditionPage"]

    class Meta:
        verbose_name = _("handbook")

    def current_edition(self):
        """The public edition with the highest number, or None."""
        editions = public_pages(HandbookEditionPage.objects.child_of(self))
        return editions.order_by("-edition_number").first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = list(
            visible_pages(
                request, HandbookEditionPage.objects.child_of(self), within=self
            ).order_by("-edition_number")
        )
        current = editions[0] if editions else None
        context["editions"] = editions
        context["current_edition"] = current
        context["chapters"] = current.chapters(request) if current else []
        return context


class HandbookEditionForm(WagtailAdminPageForm):
    """Admin form of an edition: the number must be new within its handbook."""

    def clean(self):
        cleaned = super().clean()
        number = cleaned.get("edition_number")
        parent = getattr(self, "parent_page", None)
        if number and parent is not None:
            clash = (
                HandbookEditionPage.objects.child_of(parent)
                .filter(edition_number=number)
                .exclude(pk=self.instance.pk)
            )
            if clash.exists():
                self.add_error(
                    "edition_number",
                    _("This handbook already has an edition with this number."),
                )
            else:
                cleaned["slug"] = f"ausgabe-{number}"
        return cleaned


class HandbookEditionPage(MemberAwareCacheMixin, RoutablePageMixin, Page):
    """One numbered edition of a handbook, with a summary of what changed; downloadable as PDF."""

    edition_number = models.PositiveSmallIntegerField(
        _("edition number"),
        help_text="1, 2, 3 … Die höchste veröffentlichte Nummer ist die aktuelle Ausgabe. "
        "Die Adresse wird daraus gebildet (ausgabe-2).",
    )
    change_summary = models.TextField(
        _("what changed"),
        blank=True,
        help_text="Kurz: Was ist gegenüber der vorigen Ausgabe neu oder anders?",
    )

    content_panels = Page.content_panels + [
        FieldPanel("edition_number"),
        FieldPanel("change_summary"),
    ]
    search_fields = Page.search_fields + [index.SearchField("change_summary")]

    parent_page_types = ["home.HandbookPage"]
    subpage_types = ["home.HandbookChapterPage"]
    base_form_class = HandbookEditionForm

    class Meta:
        verbose_name = _("handbook edition")

    def clean(self):
        super().clean()
        # Stable, predictable URLs: the slug always follows the edition number.
        if self.edition_number:
            self.slug = f"ausgabe-{self.edition_number}"
        parent = self.get_parent() if self.pk else None
        if parent is not None:
            clash = (
                HandbookEditionPage.objects.child_of(parent)
                .filter(edition_number=self.edition_number)
                .exclude(pk=self.pk)
            )
            if clash.exists():
                raise ValidationError(
                    {"edition_number": _("This handbook already has an edition with this number.")}
                )

    @property
    def handbook(self):
        return self.get_parent().specific

    def current_edition(self):
        """The public sibling edition with the highest number (may be ``self``)."""
        editions = public_pages(HandbookEditionPage.objects.sibling_of(self, inclusive=True))
        return editions.order_by("-edition_number").first()

    def public_chapters(self):
        """The chapters an anonymous visitor may see: the cached PDF is shared by everyone."""
        return list(public_pages(HandbookChapterPage.objects.child_of(self)).order_by("path"))

    def chapters(self, request):
        """The chapters this visitor may see, in tree order."""
        return list(
            visible_pages(
                request, HandbookChapterPage.objects.child_of(self), within=self
            ).order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        current = self.current_edition()
        context["current_edition"] = current
        context["is_current"] = current is None or current.pk == self.pk
        context["chapters"] = self.chapters(request)
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The whole edition as one PDF, from the cache in default storage."""
        from home.pdf import edition_pdf

        try:
            name = edition_pdf(self, self.public_chapters())
        except Exception:
            logger.exception("Could not generate the PDF of edition %s", self.pk)
            raise Http404("PDF not available")
        from django.core.files.storage import default_storage

        filename = f"{self.get_parent().slug}-{self.slug}-{self.locale.language_code}.pdf"
        return FileResponse(
            default_storage.open(name), content_type="application/pdf", filename=filename
        )


class HandbookChapterPage(MemberAwareCacheMixin, Page):
    """One chapter of a handbook edition; its order in the tree is the reading order."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Ein bis zwei Sätze: Worum geht es im Kapitel?"
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HandbookEditionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("handbook chapter")

    def headings(self):
        """``[{"anchor", "text", "level"}]`` of the heading blocks, for "in this chapter"."""
        return [
            {
                "anchor": block.value.anchor,
                "text": block.value["text"],
                "level": block.value["level"],
            }
            for block in self.body
            if block.block_type == "heading"
        ]

    def word_count(self):
        words = len(self.title.split()) + len(self.intro.split())
        for block in self.body:
            if block.block_type == "heading":  # its level label is not read
                words += len(block.value["text"].split())
                continue
            for text in block.block.get_searchable_content(block.value):
                words += len(str(text).split())
        return words

    def reading_minutes(self):
        """Reading time at 200 words a minute, rounded up, at least one minute."""
        return max(1, math.ceil(self.word_count() / WORDS_PER_MINUTE))

    def get_context(self, request, *args, **kwargs):
        from portal.cache import PageFragments

        context = super().get_context(request, *args, **kwargs)
        # An anonymous visitor's edition notice, contents, body and chapter links come from
        # the fragment cache (per content version); their queries are skipped then.
        context["fragments"] = fragments = PageFragments(request, self, ("chapter",))
        if fragments.complete:
            return context
        # One query for all siblings (plus the privacy helper's own), however long the edition.
        siblings = list(
            visible_pages(
                request, Page.objects.sibling_of(self, inclusive=True), within=self.get_parent()
            )
            .filter(content_type_id=self.content_type_id)
            .order_by("path")
        )
        position = next((i for i, p in enumerate(siblings) if p.pk == self.pk), None)
        if position is not None:
            context["previous_chapter"] = siblings[position - 1] if position > 0 else None
            context["next_chapter"] = (
                siblings[position + 1] if position + 1 < len(siblings) else None
            )
            context["chapter_number"] = position + 1
        edition = self.get_parent().specific
        current = edition.current_edition()
        context["edition"] = edition
        context["current_edition"] = current
        context["is_current"] = current is None or current.pk == edition.pk
        return context
