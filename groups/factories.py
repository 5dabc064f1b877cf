"""Factories for workspaces (tests, demo, benchmarks).

No meeting factory: the four that were here were never used. Meetings are built as
``MeetingPage(...)`` in ``groups/demo.py``, ``tests/groups/conftest.py`` and ``devtools``.
"""

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
    """A workspace; saving it creates its groups, restriction, collection and workflow."""

    title = factory.Sequence(lambda n: f"Projektgruppe {n}")
    slug = factory.Sequence(lambda n: f"projektgruppe-{n}")
    purpose = "Eine Projektgruppe (Beispieldaten)."

    class Meta:
        model = WorkspacePage
