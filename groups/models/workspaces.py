"""Workspaces (Gremien): the steering group and the project groups.

A ``WorkspacePage`` is private from its first save: it gets its own member ``Group``, a
managers ``Group`` with Wagtail page and collection permissions on its subtree, a
``PageViewRestriction`` naming those groups, a document ``Collection`` with a matching
``CollectionViewRestriction`` and a review workflow for its minutes (docs/privacy.md,
docs/workspaces.md).
"""

from django.contrib.auth.models import Group, Permission
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PagePermissionTester,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.search import index

from portal.privacy import admin_page_hidden, page_is_visible, user_group_ids, visible_pages

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
        if admin_page_hidden(user, page):
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
        from ..views import account

        return account(request, self)

    # Wagtail serves only paths of word characters ending in "/": no ".ics" suffix.
    @re_path(r"^kalender/(?P<token>[A-Za-z0-9_-]{20,100})/$", name="calendar_feed")
    def calendar_feed(self, request, token):
        from ..views import calendar_feed

        return calendar_feed(request, self, token)

    @path("passwort/<str:uidb64>/<str:token>/", name="set_password")
    def set_password(self, request, uidb64, token):
        from ..views import set_password

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
        return user.is_superuser or source.managers_group_id in user_group_ids(user)

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
        from .meetings import workspace_overview

        context.update(workspace_overview(request, self))
        context["is_manager"] = self.user_is_manager(request.user)
        context["members_url"] = self.get_url(request) + self.reverse_subpage("members")
        return context

    @path("mitglieder/", name="members")
    def members(self, request):
        from ..views import manage_members

        return manage_members(request, self)


def _workspace_collection(title):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=title).first()
    return existing or root.add_child(name=title)
