"""Publications: reports, flyers, brochures, presentations and forms, one file per language."""

import datetime
import json

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.privacy import document_is_private, private_collection_ids, visible_pages

from .caching import MemberAwareCacheMixin

AUTHOR = "Kreis Mettmann – Kommunales Integrationsmanagement (KIM)"
PER_PAGE = 12
FEED_ITEMS = 20


class PublicationType(models.TextChoices):
    REPORT = "report", _("Report")
    FLYER = "flyer", _("Flyer")
    BROCHURE = "brochure", _("Brochure")
    PRESENTATION = "presentation", _("Presentation")
    FORM = "form", _("Form")


class PublicationTopic(models.TextChoices):
    """The KIM fields of action (Handlungsfelder) plus the concept itself."""

    CONCEPT = "konzept", _("Concept and strategy")
    COUNSELLING = "beratung", _("Counselling")
    LANGUAGE = "sprache", _("Language")
    WORK = "arbeit", _("Work and training")
    RESIDENCE = "aufenthalt", _("Residence")
    HEALTH = "gesundheit", _("Health")
    EDUCATION = "bildung", _("Education")


class PublicationIndexPage(MemberAwareCacheMixin, RoutablePageMixin, Page):
    """The list of publications (/de/publikationen/) with filters and an Atom feed."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Kurzer Text über der Liste der Publikationen."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.PublicationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("publication index")

    def publications(self, request):
        """Visible publications under this index, newest first."""
        return visible_pages(request, PublicationPage.objects.child_of(self), within=self).order_by(
            "-year", "-first_published_at", "-pk"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        base = self.publications(request)
        qs = base
        selected = {}
        value = request.GET.get("type", "")
        if value in PublicationType.values:
            qs, selected["type"] = qs.filter(publication_type=value), value
        value = request.GET.get("topic", "")
        if value in PublicationTopic.values:
            qs, selected["topic"] = qs.filter(topic=value), value
        value = request.GET.get("year", "")
        if value.isdigit() and len(value) == 4:
            qs, selected["year"] = qs.filter(year=int(value)), int(value)
        value = request.GET.get("language", "")
        if value in dict(settings.LANGUAGES):
            selected["language"] = value
        # Files in private (workspace) collections are neither listed nor offered as filter.
        public_files = PublicationFile.objects.exclude(
            document__collection_id__in=private_collection_ids()
        )
        if "language" in selected:
            qs = qs.filter(pk__in=public_files.filter(language=selected["language"]).values("page"))
        used_languages = set(public_files.filter(page__in=base).values_list("language", flat=True))
        paginator = Paginator(
            qs.prefetch_related(models.Prefetch("files", queryset=public_files)), PER_PAGE
        )
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        context.update(
            publications=page_obj,
            paginator=paginator,
            selected=selected,
            type_choices=PublicationType.choices,
            topic_choices=PublicationTopic.choices,
            year_choices=sorted(set(base.values_list("year", flat=True)), reverse=True),
            language_choices=[
                (code, name) for code, name in settings.LANGUAGES if code in used_languages
            ],
        )
        return context

    @path("feed/", name="feed")
    def feed(self, request):
        """Atom feed of the newest publications in this language."""
        items = list(self.publications(request).order_by("-first_published_at")[:FEED_ITEMS])
        code = self.locale.language_code
        language = settings.PORTAL_HTML_LANG.get(code, code)  # Leichte Sprache: "de"
        feed = Atom1Feed(
            title=f"{self.title} – KIM Kreis Mettmann",
            link=self.get_full_url(request),
            description=self.intro,
            language=language,
            feed_url=self.get_full_url(request) + "feed/",
            feed_guid=self.get_full_url(request) + "feed/",
            author_name=AUTHOR,
        )
        for item in items:
            url = item.get_full_url(request)
            feed.add_item(
                title=item.title,
                link=url,
                description=item.summary,
                unique_id=url,
                pubdate=item.first_published_at,
                updateddate=item.last_published_at or item.first_published_at,
                author_name=AUTHOR,
                categories=[item.get_publication_type_display()],
            )
        response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
        if not items:
            # Atom requires <updated>; an empty feed reports "now".
            feed.latest_post_date = lambda: timezone.now()
        feed.write(response, "utf-8")
        return response


def _current_year():
    return datetime.date.today().year


class PublicationPage(Page):
    """One publication: type, topic, year, summary, cover and one file per language."""

    publication_type = models.CharField(
        _("type"),
        max_length=20,
        choices=PublicationType.choices,
        default=PublicationType.REPORT,
        help_text="Art der Publikation.",
    )
    topic = models.CharField(
        _("topic"),
        max_length=20,
        choices=PublicationTopic.choices,
        default=PublicationTopic.CONCEPT,
        help_text="Handlungsfeld, zu dem die Publikation gehört.",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), default=_current_year, help_text="Erscheinungsjahr."
    )
    summary = models.TextField(
        _("summary"), help_text="Zwei bis vier Sätze: Was steht drin, für wen ist es?"
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Titelbild, z. B. die erste Seite.",
    )
    cover_alt_text = models.CharField(
        _("alternative text of the cover"),
        max_length=250,
        blank=True,
        help_text="Beschreibt das Titelbild für Menschen, die es nicht sehen.",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("publication_type"), FieldPanel("topic"), FieldPanel("year")],
            heading=_("Classification"),
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("cover_image"), FieldPanel("cover_alt_text")], heading=_("Cover")
        ),
        InlinePanel("files", label=_("Files"), heading=_("Files (one per language)")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("file_text"),
        index.FilterField("publication_type"),
        index.FilterField("topic"),
        index.FilterField("year"),
    ]

    parent_page_types = ["home.PublicationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("publication")

    def public_files(self):
        """The files whose documents are not in a restricted collection."""
        rows = self.files.select_related("document__collection").order_by("sort_order")
        return [row for row in rows if row.document_id and not document_is_private(row.document)]

    def file_text(self):
        """Text extracted from this publication's public files, for the search index."""
        from .documents import DocumentText

        ids = [row.document_id for row in self.public_files()]
        texts = DocumentText.objects.filter(document_id__in=ids).values_list("text", flat=True)
        return "\n".join(texts)

    def citation(self, request):
        return {
            "author": AUTHOR,
            "title": self.title,
            "year": self.year,
            "url": self.get_full_url(request),
            "publisher": "Kreis Mettmann",
        }

    def json_ld(self, request, files):
        is_report = self.publication_type == PublicationType.REPORT
        data = {
            "@context": "https://schema.org",
            "@type": "Report" if is_report else "CreativeWork",
            "name": self.title,
            "headline": self.title,
            "description": self.summary,
            "datePublished": str(self.year),
            "inLanguage": [row.language for row in files] or [self.locale.language_code],
            "url": self.get_full_url(request),
            "author": {"@type": "Organization", "name": AUTHOR},
            "publisher": {"@type": "GovernmentOrganization", "name": "Kreis Mettmann"},
            "genre": self.get_publication_type_display(),
            "encoding": [
                {
                    "@type": "MediaObject",
                    "contentUrl": request.build_absolute_uri(row.document.url),
                    "encodingFormat": row.document.content_type,
                    "inLanguage": row.language,
                }
                for row in files
            ],
        }
        text = json.dumps(data, ensure_ascii=False)
        # Safe inside <script>: no "</script>" or HTML comment can close the element.
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return mark_safe(text)  # noqa: S308

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        files = self.public_files()
        context["files"] = files
        context["citation"] = self.citation(request)
        context["json_ld"] = self.json_ld(request, files)
        context["pdf_file"] = next(
            (row for row in files if row.document.file_extension == "pdf"), None
        )
        return context


class PublicationFile(Orderable):
    """The file of a publication in one language."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="de",
        help_text="Sprache dieser Datei.",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text="PDF, DOCX, XLSX, PPTX oder ODT. Nicht aus einer Gremien-Sammlung wählen.",
    )

    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")

    @property
    def language_name(self):
        return dict(settings.LANGUAGES).get(self.language, self.language)
