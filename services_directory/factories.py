"""Factories for the service directory (tests, demo, benchmarks).

Relations go in as keyword arguments and are saved with the page in one go, e.g.::

    ServicePageFactory(parent=directory, towns=[hilden], languages=[language("ar")],
                       locations=[location(town=hilden)], schedules=[schedule("MO", 9, 12)])
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from wagtail.models import Locale

from .models import (
    Organisation,
    ServiceClosure,
    ServiceContact,
    ServiceDirectoryPage,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
    ServiceType,
    TargetGroup,
    Topic,
    Town,
)


def _default_locale():
    return Locale.get_default()


class ServiceDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Beratung finden"
    slug = "beratung"
    intro = "Beratungsangebote im Kreis Mettmann."
    show_in_menus = True

    class Meta:
        model = ServiceDirectoryPage


class TaxonomyFactory(DjangoModelFactory):
    """Looked up by slug and locale, so the same name twice gives the same object."""

    name = factory.Sequence(lambda n: f"Eintrag {n}")
    slug = factory.LazyAttribute(lambda o: _slugify(o.name))
    locale = factory.LazyFunction(_default_locale)

    class Meta:
        abstract = True
        django_get_or_create = ("slug", "locale")


def _slugify(text):
    from django.utils.text import slugify

    folded = text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return slugify(folded.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue"))[:120]


class TownFactory(TaxonomyFactory):
    name = factory.Iterator(["Hilden", "Velbert", "Ratingen", "Mettmann"])

    class Meta:
        model = Town


class ServiceTypeFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Beratungsart {n}")

    class Meta:
        model = ServiceType


class TopicFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")

    class Meta:
        model = Topic


class TargetGroupFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Zielgruppe {n}")

    class Meta:
        model = TargetGroup


class OrganisationFactory(TaxonomyFactory):
    name = factory.Sequence(lambda n: f"Träger {n}")

    class Meta:
        model = Organisation


class ServicePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Beratungsstelle {n}")
    slug = factory.Sequence(lambda n: f"beratungsstelle-{n}")
    description = "<p>Beratung für Zugewanderte (Beispieldaten).</p>"
    service_type = factory.SubFactory(ServiceTypeFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    assured_date = factory.LazyFunction(datetime.date.today)

    class Meta:
        model = ServicePage


def language(code, note=""):
    return ServiceLanguage(code=code, note=note)


def location(**fields):
    fields.setdefault("name", "Beratungsstelle")
    return ServiceLocation(**fields)


def _time(value):
    if isinstance(value, datetime.time):
        return value
    if isinstance(value, int):
        return datetime.time(value)
    hours, minutes = str(value).split(":")
    return datetime.time(int(hours), int(minutes))


def schedule(byday, opens_at, closes_at, **fields):
    """An opening-hours row: ``schedule("MO", 9, "12:30")``."""
    return ServiceSchedule(
        byday=byday, opens_at=_time(opens_at), closes_at=_time(closes_at), **fields
    )


def closure(starts_on, ends_on, reason="Betriebsurlaub"):
    """A closure period of a service: ``closure(date(2026, 12, 28), date(2026, 12, 31))``."""
    return ServiceClosure(starts_on=starts_on, ends_on=ends_on, reason=reason)


def contact(**fields):
    return ServiceContact(**fields)
