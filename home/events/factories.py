"""Factories for events (tests, demo, benchmarks)."""

import datetime

import factory
import wagtail_factories

from django.utils import timezone

from .models import EventIndexPage, EventPage, Registration


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    intro = "Fortbildungen, Workshops und Fachtage für Multiplikatorinnen und Multiplikatoren."

    class Meta:
        model = EventIndexPage


def _in_days(days, hour=10):
    start = timezone.localtime() + datetime.timedelta(days=days)
    return start.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    teaser = "Ein Workshop für Fachkräfte (Beispieldaten)."
    start = factory.LazyFunction(lambda: _in_days(14))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=3))
    place_name = "Kreishaus Mettmann"
    street_address = "Düsseldorfer Straße 26"
    postal_code = "40822"
    town = "mettmann"
    capacity = 20

    class Meta:
        model = EventPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    organisation = "Beispielträger e. V."
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
