"""Factories for workspaces and meetings (tests, demo, benchmarks)."""

import datetime

import factory
import wagtail_factories

from django.utils import timezone

from .models import ActionItem, AgendaItem, Decision, MeetingPage, WorkspaceIndexPage, WorkspacePage


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


class MeetingPageFactory(wagtail_factories.PageFactory):
    """A meeting two weeks from now, at ten o'clock Berlin time."""

    title = factory.Sequence(lambda n: f"Sitzung {n}")
    slug = factory.Sequence(lambda n: f"sitzung-{n}")
    start = factory.LazyFunction(
        lambda: timezone.make_aware(
            datetime.datetime.combine(
                timezone.localdate() + datetime.timedelta(days=14), datetime.time(10)
            )
        )
    )
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    place = "Kreishaus Mettmann, Raum 1.23"

    class Meta:
        model = MeetingPage


class AgendaItemFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Tagesordnungspunkt {n}")
    presenter = "Geschäftsstelle KIM"
    duration_minutes = 20

    class Meta:
        model = AgendaItem


class DecisionFactory(factory.django.DjangoModelFactory):
    text = "Die Gruppe beschließt (Beispieldaten)."
    responsible = "Geschäftsstelle KIM"

    class Meta:
        model = Decision


class ActionItemFactory(factory.django.DjangoModelFactory):
    what = "Entwurf vorbereiten (Beispieldaten)."
    who = "Geschäftsstelle KIM"

    class Meta:
        model = ActionItem
