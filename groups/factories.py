"""Factories for workspaces (tests, demo, benchmarks)."""

import factory
import wagtail_factories

from .models import WorkspaceIndexPage, WorkspacePage


class WorkspaceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Gremien"
    slug = "gremien"
    show_in_menus = True

    class Meta:
        model = WorkspaceIndexPage


class WorkspacePageFactory(wagtail_factories.PageFactory):
    """A workspace; saving it creates its group, restriction and collection."""

    title = factory.Sequence(lambda n: f"Projektgruppe {n}")
    slug = factory.Sequence(lambda n: f"projektgruppe-{n}")
    purpose = "Eine Projektgruppe (Beispieldaten)."

    class Meta:
        model = WorkspacePage
