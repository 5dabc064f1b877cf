"""Workspaces (Gremien): the steering group and the project groups.

A ``WorkspacePage`` is private from its first save: it gets its own member ``Group``, a
managers ``Group`` with Wagtail page and collection permissions on its subtree, a
``PageViewRestriction`` naming those groups, a document ``Collection`` with a matching
``CollectionViewRestriction`` and a review workflow for its minutes (ARCHITECTURE.md §3,
docs/workspaces.md).
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Orderable,
    Page,
    PagePermissionTester,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.search import index

from portal.privacy import hidden_paths, page_is_visible, visible_pages

MANAGER_PAGE_PERMISSIONS = ("add", "change", "publish")
MANAGER_DOCUMENT_PERMISSIONS = ("add_document", "change_document", "choose_document")


# --- Permissions: nobody edits, previews or lists a workspace they may not read -------------


class WorkspacePermissionTester(PagePermissionTester):
    """Page permissions that vanish inside a workspace the user may not read.

    Wagtail has no "deny" permissions: the public site's Editors and Moderators hold
    permissions on the whole tree, workspaces included. Inside a workspace only members,
    managers and superusers keep theirs (editing, previewing, revisions, deleting…).
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        hidden = user.is_active and not user.is_superuser and hidden_paths(user)
        if hidden and any(page.path.startswith(p) for p in hidden):
            self.permissions = set()


class WorkspaceTreeMixin:
    """Shared by every page type that lives inside a workspace."""

    def permissions_for_user(self, user):
        return WorkspacePermissionTester(user, self)

    def route(self, request, path_components):
        # A visitor who may not read this page gets the same login redirect for every path
        # below it, so a 404 for a guessed child cannot confirm that another child exists.
        if path_components and self.live and not page_is_visible(request, self):
            from wagtail.url_routing import RouteResult

            return RouteResult(self)
        return super().route(request, path_components)

    def get_workspace(self):
        if isinstance(self, WorkspacePage):
            return self
        return WorkspacePage.objects.ancestor_of(self).first()


# --- Overview ----------------------------------------------------------------------------------


class WorkspaceIndexPage(RoutablePageMixin, Page):
    """The public overview "Gremien": which groups exist, their purpose and a contact.

    For a logged-in visitor it also lists "My workspaces" and offers the account routes
    (``konto/``: language, notifications, calendar feed), the calendar feed itself
    (``kalender/<token>.ics``) and the one-time set-password link of invitations
    (``passwort/<uidb64>/<token>/``). These live here because the overview is public.
    """

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Erklärt die Gremienstruktur von KIM."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["groups.WorkspacePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("workspace overview")

    def get_context(self, request, *args, **kwargs):
        """Every group's public face (title, purpose, contact) — nothing of its content."""
        context = super().get_context(request, *args, **kwargs)
        children = WorkspacePage.objects.child_of(self)
        workspaces = list(
            children.live().only(
                "title", "purpose", "contact_email", "group_id", "path", "url_path"
            )
        )
        readable = set(visible_pages(request, children).values_list("pk", flat=True))
        context["workspaces"] = workspaces
        context["member_of"] = readable
        context["my_workspaces"] = [w for w in workspaces if w.pk in readable]
        context["account_url"] = self.get_url(request) + self.reverse_subpage("account")
        return context

    @path("konto/", name="account")
    def account(self, request):
        from .views import account

        return account(request, self)

    # Wagtail serves only paths of word characters ending in "/": no ".ics" suffix.
    @re_path(r"^kalender/(?P<token>[A-Za-z0-9_-]{20,100})/$", name="calendar_feed")
    def calendar_feed(self, request, token):
        from .views import calendar_feed

        return calendar_feed(request, self, token)

    @path("passwort/<str:uidb64>/<str:token>/", name="set_password")
    def set_password(self, request, uidb64, token):
        from .views import set_password

        return set_password(request, self, uidb64, token)


# --- Workspace ---------------------------------------------------------------------------------


class WorkspacePage(WorkspaceTreeMixin, RoutablePageMixin, Page):
    """The private workspace of one group; only its members can open it.

    ``purpose`` and ``contact_email`` are the only fields shown on the public overview.
    """

    purpose = models.TextField(
        _("purpose"),
        help_text="Öffentlich: wofür das Gremium da ist (erscheint in der Gremienübersicht).",
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        default="kim@kreis-mettmann.de",
        help_text="Öffentliche Kontaktadresse des Gremiums.",
    )
    body = models.TextField(
        _("internal notes"), blank=True, help_text="Nur für Mitglieder sichtbar."
    )
    is_steering_group = models.BooleanField(
        _("steering group"),
        default=False,
        help_text="Dieses Gremium ist die Lenkungsgruppe (nur eines sollte es sein).",
    )
    readable_by_steering_group = models.BooleanField(
        _("readable by the steering group"),
        default=True,
        help_text="Mitglieder der Lenkungsgruppe dürfen diesen Arbeitsraum lesen.",
    )
    group = models.ForeignKey(
        Group,
        verbose_name=_("member group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="workspaces",
    )
    managers_group = models.ForeignKey(
        Group,
        verbose_name=_("managers group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="managed_workspaces",
    )
    collection = models.ForeignKey(
        Collection,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("contact_email"),
        FieldPanel("body"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel(
            [FieldPanel("is_steering_group"), FieldPanel("readable_by_steering_group")],
            heading=_("Access"),
        )
    ]
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["groups.WorkspaceIndexPage"]
    subpage_types = ["groups.MeetingPage"]

    class Meta:
        verbose_name = _("workspace")

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.group_id is None:
                self.group, _created = Group.objects.get_or_create(name=f"Gremium: {self.title}")
            if self.managers_group_id is None:
                self.managers_group, _created = Group.objects.get_or_create(
                    name=f"Gremium: {self.title} – Leitung"
                )
            if self.collection_id is None:
                self.collection = _workspace_collection(self.title)
            super().save(*args, **kwargs)
            if self.pk and self.alias_of_id is None:
                self.ensure_private()
                self.ensure_manager_permissions()
                self.ensure_review_workflow()
                if self.is_steering_group:
                    # Every other workspace's restriction names the steering group.
                    for other in WorkspacePage.objects.exclude(pk=self.pk).filter(
                        alias_of__isnull=True
                    ):
                        other.ensure_private()

    # Privacy and roles (idempotent; run on every save) ------------------------------------

    def reader_groups(self):
        """The groups that may read this workspace: members, managers, maybe the steering."""
        groups = {self.group, self.managers_group}
        if self.readable_by_steering_group and not self.is_steering_group:
            for steering in WorkspacePage.objects.filter(
                is_steering_group=True, alias_of__isnull=True
            ).select_related("group"):
                groups.add(steering.group)
        return {g for g in groups if g is not None}

    def ensure_private(self):
        """Restrict this page and its collection to exactly the reader groups."""
        readers = self.reader_groups()
        reader_ids = {g.pk for g in readers}
        restriction = PageViewRestriction.objects.filter(page=self).first()
        if restriction is None or restriction.restriction_type != BaseViewRestriction.GROUPS:
            PageViewRestriction.objects.filter(page=self).delete()
            restriction = PageViewRestriction.objects.create(
                page=self, restriction_type=BaseViewRestriction.GROUPS
            )
        if set(restriction.groups.values_list("pk", flat=True)) != reader_ids:
            restriction.groups.set(readers)
        collection_restriction, _created = CollectionViewRestriction.objects.get_or_create(
            collection=self.collection,
            defaults={"restriction_type": BaseViewRestriction.GROUPS},
        )
        if set(collection_restriction.groups.values_list("pk", flat=True)) != reader_ids:
            collection_restriction.groups.set(readers)

    def ensure_manager_permissions(self):
        """Managers: add/change/publish on this subtree, documents in its collection, admin."""
        managers = self.managers_group
        for action in MANAGER_PAGE_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            )
            GroupPagePermission.objects.get_or_create(
                group=managers, page=self, permission=permission
            )
        for codename in MANAGER_DOCUMENT_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label="wagtaildocs", codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=managers, collection=self.collection, permission=permission
            )
        managers.permissions.add(
            Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        )

    def ensure_review_workflow(self):
        """Minutes are reviewed by a second manager: "Protokollfreigabe" on this subtree."""
        if WorkflowPage.objects.filter(page=self).exists():
            return
        workflow = Workflow.objects.create(name=f"Protokollfreigabe: {self.title}")
        task = GroupApprovalTask.objects.create(name=f"Freigabe durch die Leitung: {self.title}")
        task.groups.set([self.managers_group])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(page=self, workflow=workflow)

    # Members -----------------------------------------------------------------------------------

    def user_is_manager(self, user):
        if not user.is_authenticated or not user.is_active:
            return False
        source = self.get_source()
        return user.is_superuser or user.groups.filter(pk=source.managers_group_id).exists()

    def get_source(self):
        """The German original (aliases and translations share its groups)."""
        if self.alias_of_id:
            return WorkspacePage.objects.get(pk=self.alias_of_id)
        if self.group_id:
            return self
        return (
            WorkspacePage.objects.filter(translation_key=self.translation_key)
            .exclude(group=None)
            .first()
            or self
        )

    # Front end ---------------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(workspace_overview(request, self))
        context["is_manager"] = self.user_is_manager(request.user)
        context["members_url"] = self.get_url(request) + self.reverse_subpage("members")
        return context

    @path("mitglieder/", name="members")
    def members(self, request):
        from .views import manage_members

        return manage_members(request, self)


def _workspace_collection(title):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=title).first()
    return existing or root.add_child(name=title)


def meetings_of(request, workspace):
    """The live meetings of a workspace that this visitor may see (through the helper)."""
    return visible_pages(request, MeetingPage.objects.child_of(workspace))


def workspace_overview(request, workspace):
    """Next meeting, latest minutes, open action items and the decision register.

    A fixed number of queries, whatever the number of meetings.
    """
    meetings = meetings_of(request, workspace)
    now = timezone.now()
    with_minutes = meetings.filter(
        Exists(AgendaItem.objects.filter(page=OuterRef("pk")).exclude(minutes=""))
    )
    status = request.GET.get("status", "")
    if status not in Decision.Status.values:
        status = ""
    decisions = Decision.objects.filter(page__in=meetings).select_related("page")
    if status:
        decisions = decisions.filter(status=status)
    return {
        "next_meeting": meetings.filter(start__gte=now).order_by("start").first(),
        "latest_minutes": with_minutes.order_by("-start").first(),
        "open_actions": list(
            ActionItem.objects.filter(page__in=meetings)
            .exclude(status=ActionItem.Status.DONE)
            .select_related("page")
            .order_by(models.F("due_date").asc(nulls_last=True), "pk")
        ),
        "decisions": list(decisions.order_by("-decided_on", "-pk")),
        "decision_status": status,
        "decision_statuses": Decision.Status.choices,
        "recent_meetings": list(meetings.order_by("-start")[:10]),
        "documents": list(
            get_document_model()
            .objects.filter(collection_id=workspace.collection_id)
            .order_by("-created_at")[:20]
        ),
    }


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
        from .views import meeting_ics

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


# --- Members' own settings ---------------------------------------------------------------------


class MemberProfile(models.Model):
    """A member's language for e-mails and whether they want minutes notifications."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="Sprache der E-Mails an dieses Mitglied.",
    )
    notify_minutes = models.BooleanField(
        _("e-mail me when minutes are published"),
        default=True,
        help_text="E-Mail, wenn ein Protokoll veröffentlicht wird.",
    )

    class Meta:
        verbose_name = _("member profile")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        return cls.objects.get_or_create(user=user)[0]


def _new_token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a member's personal iCal feed URL; deleting it revokes the feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=100, unique=True, default=_new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar token")

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


class MinutesNotification(models.Model):
    """Which meetings' minutes have been announced already (one mail per meeting)."""

    translation_key = models.UUIDField(unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.translation_key} ({self.sent_at:%Y-%m-%d})"
