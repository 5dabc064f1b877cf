"""Workspaces (Gremien): the steering group and the project groups.

A ``WorkspacePage`` is private from its first save: it gets its own Django ``Group``, a
``PageViewRestriction`` naming that group, and a document ``Collection`` with a matching
``CollectionViewRestriction`` (ARCHITECTURE.md §3).
"""

from django.contrib.auth.models import Group
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)
from wagtail.search import index


class WorkspaceIndexPage(Page):
    """The public overview "Gremien": which groups exist, their purpose and a contact."""

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
        workspaces = list(
            WorkspacePage.objects.child_of(self)
            .live()
            .only("title", "purpose", "contact_email", "group_id", "path", "url_path")
        )
        user = request.user
        group_ids = (
            set(user.groups.values_list("id", flat=True)) if user.is_authenticated else set()
        )
        context["workspaces"] = workspaces
        context["member_of"] = {
            w.pk for w in workspaces if user.is_superuser or w.group_id in group_ids
        }
        return context


class WorkspacePage(Page):
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
    group = models.ForeignKey(
        Group,
        verbose_name=_("member group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="workspaces",
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
    search_fields = Page.search_fields + [index.SearchField("body")]

    parent_page_types = ["groups.WorkspaceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("workspace")

    def save(self, *args, **kwargs):
        with transaction.atomic():
            if self.group_id is None:
                self.group, _created = Group.objects.get_or_create(name=f"Gremium: {self.title}")
            if self.collection_id is None:
                self.collection = _workspace_collection(self.title)
            super().save(*args, **kwargs)
            if self.pk and self.alias_of_id is None:
                self.ensure_private()

    def ensure_private(self):
        """Restrict this page and its collection to the member group (idempotent)."""
        restriction = PageViewRestriction.objects.filter(page=self).first()
        if restriction is None or restriction.restriction_type != BaseViewRestriction.GROUPS:
            PageViewRestriction.objects.filter(page=self).delete()
            restriction = PageViewRestriction.objects.create(
                page=self, restriction_type=BaseViewRestriction.GROUPS
            )
        if self.group not in restriction.groups.all():
            restriction.groups.add(self.group)
        collection_restriction, _created = CollectionViewRestriction.objects.get_or_create(
            collection=self.collection,
            defaults={"restriction_type": BaseViewRestriction.GROUPS},
        )
        collection_restriction.groups.add(self.group)


def _workspace_collection(title):
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=title).first()
    return existing or root.add_child(name=title)
