"""Fixtures of the directory tests: vocabularies and a helper that creates services."""

import datetime

import pytest

from services_directory.factories import (
    OrganisationFactory,
    ServicePageFactory,
    ServiceTypeFactory,
    TargetGroupFactory,
    TopicFactory,
    TownFactory,
)
from services_directory.models import Topic

# Wednesday 2026-11-25, 10:30 in Berlin (09:30 UTC).
WEDNESDAY_MORNING = datetime.datetime(2026, 11, 25, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def vocab(db):
    """Towns, types, topics, target groups and organisations, by slug."""
    return {
        "town": {
            slug: TownFactory(name=name, slug=slug)
            for name, slug in [
                ("Hilden", "hilden"),
                ("Velbert", "velbert"),
                ("Wülfrath", "wuelfrath"),
            ]
        },
        "type": {
            "jmd": ServiceTypeFactory(
                name="JMD – Jugendmigrationsdienst", slug="jmd", abbreviation="JMD"
            ),
            "mbe": ServiceTypeFactory(
                name="MBE – Migrationsberatung für erwachsene Zugewanderte",
                slug="mbe",
                abbreviation="MBE",
            ),
            "fb": ServiceTypeFactory(name="Flüchtlingsberatung", slug="fluechtlingsberatung"),
        },
        "topic": {
            "arbeit": TopicFactory(name="Arbeit und Ausbildung", slug="arbeit"),
            "sprache": TopicFactory(name="Sprache", slug="sprache"),
            "uebergang": TopicFactory(
                name="Übergang Schule/Beruf", slug="uebergang", kind=Topic.Kind.FIELD_OF_ACTION
            ),
        },
        "target": {
            "jung": TargetGroupFactory(name="Jugendliche und junge Erwachsene", slug="jung"),
            "gefluechtete": TargetGroupFactory(name="Geflüchtete", slug="gefluechtete"),
        },
        "org": {
            "caritas": OrganisationFactory(name="Caritas (Beispiel)", slug="caritas"),
            "awo": OrganisationFactory(name="AWO (Beispiel)", slug="awo"),
        },
    }


@pytest.fixture
def make_service(directory_page, vocab):
    """``make_service(title, type="jmd", towns=["hilden"], ...)`` → a live ServicePage."""

    def make(title, *, type="jmd", org="caritas", towns=(), topics=(), targets=(), **fields):
        return ServicePageFactory(
            parent=directory_page,
            title=title,
            service_type=vocab["type"][type],
            organisation=vocab["org"][org],
            towns=[vocab["town"][t] for t in towns],
            topics=[vocab["topic"][t] for t in topics],
            target_groups=[vocab["target"][t] for t in targets],
            **fields,
        )

    return make
