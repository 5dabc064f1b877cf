"""Factories for workspaces and meetings (tests, demo, benchmarks, load test).

Meetings are built one way only: :func:`new_meeting` makes the page with its agenda,
decisions and action items in memory, :func:`create_meeting` adds it under a workspace and
publishes it as the admin does. ``groups/demo.py``, ``tests/groups/conftest.py`` and
``devtools`` (``bench_site``, which bulk-inserts what ``new_meeting`` built, and ``loadtest``)
all go through them.
"""

import factory
import wagtail_factories

from .models import (
    ActionItem,
    AgendaItem,
    Decision,
    MeetingPage,
    MinutesNotification,
    WorkspaceIndexPage,
    WorkspacePage,
)


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


def new_meeting(*, title, slug, start, agenda=(), decisions=(), actions=(), **fields):
    """An unsaved meeting with its inline children in memory.

    ``agenda``, ``decisions`` and ``actions`` are lists of field dicts of ``AgendaItem``,
    ``Decision`` and ``ActionItem``; ``fields`` are further ``MeetingPage`` fields.
    """
    meeting = MeetingPage(title=title, slug=slug, start=start, **fields)
    meeting.agenda_items = [AgendaItem(**item) for item in agenda]
    meeting.decisions = [Decision(**item) for item in decisions]
    meeting.action_items = [ActionItem(**item) for item in actions]
    return meeting


def create_meeting(workspace, *, publish=True, minutes_announced=False, **fields):
    """A meeting under ``workspace`` with one revision, published unless ``publish=False``.

    ``minutes_announced`` records its minutes as announced already, so publishing sends no
    mail about them (the demo's past meetings). Returns the meeting fresh from the database.
    """
    meeting = new_meeting(**fields)
    workspace.add_child(instance=meeting)
    if minutes_announced:
        MinutesNotification.objects.get_or_create(translation_key=meeting.translation_key)
    revision = meeting.save_revision()
    if publish:
        revision.publish()
    else:
        meeting.live = False
        meeting.save(update_fields=["live"])
    return MeetingPage.objects.get(pk=meeting.pk)
