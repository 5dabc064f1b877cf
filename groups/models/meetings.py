"""Meetings of a workspace: agenda, minutes, attendance, decisions, action items."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    Orderable,
    Page,
)
from wagtail.search import index

from portal.cache import cached_fragment
from portal.privacy import visible_pages

from .workspaces import WorkspacePage, WorkspaceTreeMixin


def meetings_of(request, workspace):
    """The live meetings of a workspace that this visitor may see (through the helper)."""
    return visible_pages(request, MeetingPage.objects.child_of(workspace), within=workspace)


def workspace_overview(request, workspace):
    """Next meeting, latest minutes, open action items and the decision register.

    A fixed number of queries, whatever the number of meetings.
    """
    meetings = meetings_of(request, workspace)
    now = timezone.now()
    has_minutes = Exists(AgendaItem.objects.filter(page=OuterRef("pk")).exclude(minutes=""))
    recent = list(meetings.annotate(minutes_written=has_minutes).order_by("-start")[:RECENT])
    status = request.GET.get("status", "")
    if status not in Decision.Status.values:
        status = ""
    decisions = Decision.objects.filter(page__in=meetings).select_related("page")
    if status:
        decisions = decisions.filter(status=status)
    return {
        "next_meeting": _next_meeting(recent, meetings, now),
        "latest_minutes": _latest_minutes(recent, meetings.filter(has_minutes)),
        "open_actions": list(
            ActionItem.objects.filter(page__in=meetings)
            .exclude(status=ActionItem.Status.DONE)
            .select_related("page")
            .order_by(models.F("due_date").asc(nulls_last=True), "pk")
        ),
        "decisions": list(decisions.order_by("-decided_on", "-pk")),
        "decision_status": status,
        "decision_statuses": Decision.Status.choices,
        "recent_meetings": recent,
        "documents": _latest_documents(workspace.collection_id),
    }


def _latest_documents(collection_id):
    """The workspace's 20 newest files, kept per content version (an upload changes it).

    Only ever shown after the page's own access check, like the page itself.
    """
    return cached_fragment(
        f"workspace-documents:{collection_id}",
        lambda: list(
            get_document_model()
            .objects.filter(collection_id=collection_id)
            .order_by("-created_at")[:20]
        ),
    )


RECENT = 10


def _next_meeting(recent, meetings, now):
    """The first meeting from now on; read from ``recent`` (newest first) when it holds a
    past meeting, since then every future meeting is in it; otherwise one more query."""
    upcoming = [m for m in recent if m.start >= now]
    if len(upcoming) < len(recent) or len(recent) < RECENT:
        return upcoming[-1] if upcoming else None
    return meetings.filter(start__gte=now).order_by("start").first()


def _latest_minutes(recent, with_minutes):
    """The newest meeting with minutes; from ``recent`` when one there has minutes."""
    found = next((m for m in recent if m.minutes_written), None)
    if found is not None or len(recent) < RECENT:
        return found
    return with_minutes.order_by("-start").first()


# --- Meetings ----------------------------------------------------------------------------------


class MeetingPageForm(WagtailAdminPageForm):
    """Checks that agenda documents live in this workspace's own collection."""

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        workspace = WorkspacePage.objects.ancestor_of(parent, inclusive=True).first()
        if workspace is None:
            return cleaned_data
        formset = self.formsets.get("agenda_items")
        if formset is None:
            return cleaned_data
        formset.is_valid()  # the cluster form validates its formsets after clean()
        for form in formset.forms:
            documents = (getattr(form, "cleaned_data", None) or {}).get("documents") or []
            for block in documents:
                document = block.value
                if document is not None and document.collection_id != workspace.collection_id:
                    self.add_error(
                        None,
                        _('"%(title)s" is not in this workspace\'s collection.')
                        % {"title": document.title},
                    )
        return cleaned_data


class MeetingPage(WorkspaceTreeMixin, RoutablePageMixin, Page):
    """One meeting of a workspace: agenda, attendance, minutes, decisions, action items."""

    start = models.DateTimeField(
        _("start"), help_text="Beginn der Sitzung (Uhrzeit in Europe/Berlin)."
    )
    end = models.DateTimeField(
        _("end"), null=True, blank=True, help_text="Ende der Sitzung (optional)."
    )
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text="Ort der Sitzung, z. B. Raum und Adresse."
    )
    video_url = models.URLField(
        _("video link"), blank=True, help_text="Link zur Videokonferenz (optional)."
    )
    present = models.TextField(
        _("present"), blank=True, help_text="Anwesende, eine Person pro Zeile."
    )
    excused = models.TextField(
        _("excused"), blank=True, help_text="Entschuldigte, eine Person pro Zeile."
    )
    guests = models.TextField(_("guests"), blank=True, help_text="Gäste, eine Person pro Zeile.")

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("place"),
                FieldPanel("video_url"),
            ],
            heading=_("Date and place"),
        ),
        InlinePanel("agenda_items", heading=_("Agenda and minutes"), label=_("agenda item")),
        MultiFieldPanel(
            [FieldPanel("present"), FieldPanel("excused"), FieldPanel("guests")],
            heading=_("Attendance"),
        ),
        InlinePanel("decisions", heading=_("Decisions"), label=_("decision")),
        InlinePanel("action_items", heading=_("Action items"), label=_("action item")),
    ]
    # Members find meetings through the site search; the helper hides them from everyone else.
    search_fields = Page.search_fields + [
        index.SearchField("place"),
        index.RelatedFields(
            "agenda_items", [index.SearchField("title"), index.SearchField("minutes")]
        ),
        index.RelatedFields("decisions", [index.SearchField("text")]),
        index.RelatedFields("action_items", [index.SearchField("what")]),
    ]

    base_form_class = MeetingPageForm

    parent_page_types = ["groups.WorkspacePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("meeting")

    @cached_property
    def effective_end(self):
        return self.end or self.start + timedelta(hours=2)

    @property
    def has_minutes(self):
        return any(item.minutes for item in self.agenda_items.all())

    def clean(self):
        super().clean()
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})
        workspace = self.get_workspace() if self.path else None
        if workspace is not None:
            validate_documents_in_collection(self, workspace)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["workspace"] = self.get_parent()
        context["ics_url"] = self.get_url(request) + self.reverse_subpage("ics")
        return context

    @path("kalender/", name="ics")
    def ics(self, request):
        from ..views import meeting_ics

        return meeting_ics(request, self)


class AgendaItem(Orderable):
    """One item of a meeting's agenda, with its documents and its minutes."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("title"), max_length=255, help_text="Titel des Tagesordnungspunkts.")
    presenter = models.CharField(
        _("presenter"), max_length=255, blank=True, help_text="Wer stellt den Punkt vor?"
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True, help_text="Geplante Dauer in Minuten."
    )
    documents = StreamField(
        [("document", DocumentChooserBlock(label=_("document")))],
        blank=True,
        verbose_name=_("documents"),
        help_text="Unterlagen aus der Sammlung dieses Gremiums.",
    )
    minutes = RichTextField(
        _("minutes"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text="Protokoll zu diesem Punkt (erst nach der Sitzung).",
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("presenter"), FieldPanel("duration_minutes")]),
        FieldPanel("documents"),
        FieldPanel("minutes"),
    ]

    def __str__(self):
        return self.title


class Decision(Orderable):
    """A decision taken in a meeting — for the steering group, a binding agreement."""

    class Status(models.TextChoices):
        AGREED = "agreed", _("agreed")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"), help_text="Wortlaut des Beschlusses.")
    decided_on = models.DateField(
        _("date"), default=timezone.localdate, help_text="Datum des Beschlusses."
    )
    responsible = models.CharField(
        _("responsible"), max_length=255, blank=True, help_text="Verantwortliche Person."
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AGREED
    )

    panels = [
        FieldPanel("text"),
        FieldRowPanel([FieldPanel("decided_on"), FieldPanel("responsible"), FieldPanel("status")]),
    ]

    def __str__(self):
        return self.text[:60]


class ActionItem(Orderable):
    """Something someone agreed to do by a date."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="action_items")
    what = models.TextField(_("what"), help_text="Was ist zu tun?")
    who = models.CharField(_("who"), max_length=255, blank=True, help_text="Wer ist zuständig?")
    due_date = models.DateField(_("due date"), null=True, blank=True, help_text="Bis wann?")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )

    panels = [
        FieldPanel("what"),
        FieldRowPanel([FieldPanel("who"), FieldPanel("due_date"), FieldPanel("status")]),
    ]

    def __str__(self):
        return self.what[:60]


def validate_documents_in_collection(meeting, workspace):
    """Raise ``ValidationError`` for documents of ``meeting`` outside the workspace collection."""
    Document = get_document_model()
    ids = {
        block.value.pk if hasattr(block.value, "pk") else block.value
        for item in meeting.agenda_items.all()
        for block in item.documents
        if block.value
    }
    stray = Document.objects.filter(pk__in=ids).exclude(collection_id=workspace.collection_id)
    if stray.exists():
        raise ValidationError(_("Documents must be in this workspace's collection."))
