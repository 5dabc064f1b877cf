"""Demo content of the service directory: the ten towns and a realistic set of services.

Everything here is example data (``EXAMPLE_NOTE``): organisations are typical providers of
such services, addresses are placeholders near the town centres, phone numbers come from a
fictional range (0211 99999…) and e-mail addresses are at example.org.
"""

import datetime
from pathlib import Path

from portal.demo import EXAMPLE_NOTE, demo_step, ensure_child, load_demo_texts

from . import (
    demo_closures,  # noqa: F401 (registers the demo closures)
    demo_vocabulary,  # noqa: F401 (registers the vocabulary's demo steps)
)
from .factories import (
    OrganisationFactory,
    ServiceDirectoryPageFactory,
    ServicePageFactory,
    ServiceTypeFactory,
    TargetGroupFactory,
    TopicFactory,
    TownFactory,
    contact,
    language,
    location,
    schedule,
)
from .models import ServiceDirectoryPage, ServicePage, ServiceType, Topic

DATA_DIR = Path(__file__).resolve().parent / "data"
# Slugs of the translated services: the six kinds in Mettmann, two in Velbert, the county's
# two (their strings: data/locale/<lang>/LC_MESSAGES/demo.po).
TRANSLATED_SERVICES = [
    "jmd-mettmann",
    "mbe-mettmann",
    "integration-point-mettmann",
    "fluechtlingsberatung-mettmann",
    "teilhabemanagement-mettmann",
    "kim-case-management-mettmann",
    "jmd-velbert",
    "mbe-velbert",
    "auslaenderbehoerde",
    "einbuergerung",
]
# Strings that stay as they are in every language (abbreviations).
KEEP = {"JMD", "MBE", "IP", "KIM", "ABH"}

# The directory's demo data (data/demo_directory.json): the ten towns (name, slug, postal
# code, latitude, longitude of the centre), the vocabularies, a profile per kind of service
# (providers cycled over the towns, topics, target groups, languages, ages, access, opening
# hours, description), the county's own offices, languages some towns' teams add, and the
# services that exist in some towns only (slug, title, type, organisation, location town,
# towns served or "all", topics, target groups, languages, (minimum age, maximum age),
# hours, text).
DATA = load_demo_texts(DATA_DIR / "demo_directory.json")
TOWNS = DATA["towns"]
TYPES = DATA["types"]
LIFE_AREAS = DATA["life_areas"]
FIELDS_OF_ACTION = DATA["fields_of_action"]
TARGET_GROUPS = DATA["target_groups"]
ORGANISATIONS = DATA["organisations"]
PROFILES = DATA["profiles"]
COUNTY_SERVICES = DATA["county_services"]
TOWN_LANGUAGES = DATA["town_languages"]
ALL_TOWNS = [slug for _name, slug, *_rest in TOWNS]
SPECIAL_SERVICES = DATA["special_services"]


def _phone(n):
    return f"0211 99999{n:03d}"


@demo_step(order=20)
def demo_directory(context):
    page = DATA["directory"]
    directory = ensure_child(
        context["home"],
        ServiceDirectoryPageFactory,
        page["slug"],
        title=page["title"],
        intro=page["intro"],
        show_in_menus=True,
    )
    context["directory"] = directory

    towns = {slug: TownFactory(name=name, slug=slug) for name, slug, *_rest in TOWNS}
    types = {
        slug: ServiceTypeFactory(name=name, slug=slug, abbreviation=abbr)
        for name, slug, abbr in TYPES
    }
    topics = {slug: TopicFactory(name=name, slug=slug) for name, slug in LIFE_AREAS}
    topics.update(
        {
            slug: TopicFactory(name=name, slug=slug, kind=Topic.Kind.FIELD_OF_ACTION)
            for name, slug in FIELDS_OF_ACTION
        }
    )
    targets = {slug: TargetGroupFactory(name=name, slug=slug) for name, slug in TARGET_GROUPS}
    orgs = {slug: OrganisationFactory(name=name, slug=slug) for name, slug in ORGANISATIONS}
    for name, slug, *_rest in TOWNS:
        orgs[f"stadt-{slug}"] = OrganisationFactory(
            name=f"Stadtverwaltung {name} (Beispiel)", slug=f"stadt-{slug}"
        )

    verified = datetime.date(2026, 10, 1)
    number = 100
    for type_slug, profile in PROFILES.items():
        for position, (town_name, town_slug, postal_code, lat, lon) in enumerate(TOWNS):
            number += 1
            provider = profile["providers"][position % len(profile["providers"])]
            if provider == "stadt":
                provider = f"stadt-{town_slug}"
            service_type = types[type_slug]
            short = service_type.abbreviation or service_type.name
            title = f"{short if type_slug in ('jmd', 'mbe') else service_type.name} {town_name}"
            minimum_age, maximum_age = profile["ages"]
            fields = {
                "title": title,
                "alternate_name": service_type.abbreviation,
                "description": f"<p>{profile['text']}</p><p>{EXAMPLE_NOTE}</p>",
                "service_type": service_type,
                "organisation": orgs[provider],
                "towns": [towns[town_slug]],
                "topics": [topics[t] for t in profile["topics"]],
                "target_groups": [targets[t] for t in profile["targets"]],
                "minimum_age": minimum_age,
                "maximum_age": maximum_age,
                "application_process": profile["access"],
                "application_process_description": "Termine telefonisch oder per E-Mail.",
                "fees_description": "kostenlos",
                "interpretation_services": "Sprachmittlung nach Absprache",
                "assured_date": verified - datetime.timedelta(days=40 * (position % 7)),
                "assurer": "Redaktion KIM (Beispiel)",
                "assurer_email": f"pruefung-{type_slug}@example.org",
                "languages": [
                    language(code, note)
                    for code, note in _with_town_languages(profile["languages"], town_slug)
                ],
                "locations": [
                    location(
                        name=f"{service_type.name} {town_name}",
                        address_1=f"Beispielstraße {position + 1}",
                        postal_code=postal_code,
                        city=town_name,
                        town=towns[town_slug],
                        latitude=f"{lat + 0.0007 * (number % 5):.6f}",
                        longitude=f"{lon + 0.0009 * (number % 3):.6f}",
                        accessibility="Stufenloser Zugang" if position % 3 else "Eingang mit Stufe",
                        transit_note="Bus, Haltestelle Rathaus (Beispiel)",
                    )
                ],
                "schedules": [
                    schedule(day, opens, closes) for day, opens, closes in profile["hours"]
                ],
                "contacts": [
                    contact(
                        role="Beratung",
                        phone=_phone(number),
                        phone_languages=",".join(code for code, _ in profile["languages"][:3]),
                        email=f"{type_slug}-{town_slug}@example.org",
                    )
                ],
            }
            if type_slug == "jmd" and town_slug == "haan":
                fields["status"] = ServicePage.Status.TEMPORARILY_CLOSED
                fields["alert"] = "Wegen Umzug vorübergehend geschlossen (Beispiel)."
            if type_slug == "mbe" and town_slug == "ratingen":
                fields["alert"] = "Am Freitag nur telefonisch erreichbar (Beispiel)."
            ensure_child(directory, ServicePageFactory, f"{type_slug}-{town_slug}", **fields)

    number = _special_services(directory, towns, types, topics, targets, orgs, number, verified)

    # The county's own offices serve every town from Mettmann.
    _name, _slug, postal_code, lat, lon = TOWNS[5]
    for type_slug, title, text, topic_slugs, documents in COUNTY_SERVICES:
        number += 1
        ensure_child(
            directory,
            ServicePageFactory,
            type_slug,
            title=title,
            alternate_name=types[type_slug].abbreviation,
            description=f"<p>{text}</p><p>{EXAMPLE_NOTE}</p>",
            service_type=types[type_slug],
            organisation=orgs["kreis-mettmann"],
            towns=list(towns.values()),
            topics=[topics[t] for t in topic_slugs],
            target_groups=[targets["neuzugewanderte"], targets["gefluechtete"]],
            application_process=ServicePage.ApplicationProcess.APPOINTMENT,
            required_documents=documents,
            fees_description="Gebühren nach Aufenthaltsverordnung bzw. Staatsangehörigkeitsgesetz",
            assured_date=verified,
            assurer="Redaktion KIM (Beispiel)",
            languages=[language("de"), language("en")],
            locations=[
                location(
                    name="Kreishaus Mettmann (Beispiel)",
                    address_1="Beispielplatz 1",
                    postal_code=postal_code,
                    city="Mettmann",
                    town=towns["mettmann"],
                    latitude=f"{lat:.6f}",
                    longitude=f"{lon:.6f}",
                    accessibility="Stufenloser Zugang, Aufzug",
                    transit_note="S28, Haltestelle Mettmann Stadtwald (Beispiel)",
                )
            ],
            schedules=[
                schedule("MO", "08:30", 12, by_appointment_only=True),
                schedule("TU", "08:30", 12, by_appointment_only=True),
                schedule("TH", 14, 17, by_appointment_only=True),
            ],
            contacts=[
                contact(
                    role="Terminvergabe", phone=_phone(number), email=f"{type_slug}@example.org"
                )
            ],
        )


def _with_town_languages(languages, town_slug):
    codes = {code for code, _note in languages}
    extra = [(c, n) for c, n in TOWN_LANGUAGES.get(town_slug, []) if c not in codes]
    return [*languages, *extra]


def _special_services(directory, towns, types, topics, targets, orgs, number, verified):
    town_data = {slug: (name, postal, lat, lon) for name, slug, postal, lat, lon in TOWNS}
    for position, spec in enumerate(SPECIAL_SERVICES):
        slug, title, type_slug, org, town, served, topic_slugs, target_slugs = spec[:8]
        codes, (minimum_age, maximum_age), hours, text = spec[8:]
        number += 1
        town_name, postal_code, lat, lon = town_data[town]
        booking = f"https://termine.example.org/{slug}" if position % 2 == 0 else ""
        ensure_child(
            directory,
            ServicePageFactory,
            slug,
            title=title,
            alternate_name=types[type_slug].abbreviation,
            description=f"<p>{text}</p><p>{EXAMPLE_NOTE}</p>",
            service_type=types[type_slug],
            organisation=orgs[org],
            towns=[towns[t] for t in (ALL_TOWNS if served == "all" else served)],
            topics=[topics[t] for t in topic_slugs],
            target_groups=[targets[t] for t in target_slugs],
            minimum_age=minimum_age,
            maximum_age=maximum_age,
            application_process=ServicePage.ApplicationProcess.BOTH
            if position % 3
            else ServicePage.ApplicationProcess.APPOINTMENT,
            application_process_description="Termine telefonisch, per E-Mail oder online.",
            fees_description="kostenlos",
            interpretation_services="Sprachmittlung nach Absprache",
            assured_date=verified - datetime.timedelta(days=30 * (position % 5)),
            assurer="Redaktion KIM (Beispiel)",
            assurer_email=f"pruefung-{type_slug}@example.org",
            languages=[language(code) for code in codes],
            locations=[
                location(
                    name=title,
                    address_1=f"Musterweg {position + 3}",
                    postal_code=postal_code,
                    city=town_name,
                    town=towns[town],
                    latitude=f"{lat - 0.0011 * (position % 4):.6f}",
                    longitude=f"{lon + 0.0013 * (position % 3):.6f}",
                    accessibility="Stufenloser Zugang, Aufzug"
                    if position % 2
                    else "Eingang mit zwei Stufen",
                    transit_note="Bus, Haltestelle Markt (Beispiel)",
                )
            ],
            schedules=[
                schedule(day, opens, closes, booking_url=booking) for day, opens, closes in hours
            ],
            contacts=[
                contact(
                    role="Beratung",
                    phone=_phone(number),
                    phone_languages=",".join(c for c in codes[:3] if len(c) == 2),
                    email=f"{slug}@example.org",
                )
            ],
        )
    return number


@demo_step(order=1020)
def demo_directory_translations(context):
    """The directory page and ten services in all six other languages (after tree sync)."""
    from portal.demo import demo_catalogue, ensure_translations

    table = demo_catalogue(DATA_DIR)
    directory = context.get("directory") or ServiceDirectoryPage.objects.get(
        locale__language_code="de"
    )
    ensure_translations(directory, table)
    pages = ServicePage.objects.child_of(directory).filter(slug__in=TRANSLATED_SERVICES)
    for page in pages:
        ensure_translations(page, table, keep=KEEP)
    translate_facets()


@demo_step(order=1025)
def demo_directory_easy_language(context):
    """ "Beratung finden" in Leichte Sprache, each kind of service explained in it and the
    names of types, topics and target groups in it (texts in
    ``services_directory/data/demo_leichte_sprache.json``)."""
    from django.conf import settings

    from portal.demo import ensure_easy_translation

    texts = load_demo_texts(DATA_DIR / "demo_leichte_sprache.json")
    easy = settings.EASY_LANGUAGE
    translate_facets(
        {
            model_name: {slug: {easy: name} for slug, name in names.items()}
            for model_name, names in texts["vocabulary"].items()
        },
        languages=(easy,),
    )
    for slug, text in texts["service_types"].items():
        german = ServiceType.objects.filter(slug=slug, locale__language_code="de").first()
        if german is not None:
            # A synchronised field: every language's copy of the type holds the same text.
            ServiceType.objects.filter(translation_key=german.translation_key).update(
                easy_explanation=text
            )
    directory = context.get("directory") or ServiceDirectoryPage.objects.get(
        locale__language_code="de"
    )
    ensure_easy_translation(directory, texts["pages"])


def translate_facets(vocabulary=None, languages=None):
    """Facet names in other languages: a translation of each German term (idempotent).

    ``vocabulary`` maps model name → slug → {language: name}; by default the facet names of
    ``data/demo_vocabulary.json`` in the six ``TRANSLATION_LANGUAGES``. Town and
    organisation names are proper names and stay German.
    """
    from wagtail.models import Locale

    from portal.demo import TRANSLATION_LANGUAGES

    from . import models

    languages = languages or TRANSLATION_LANGUAGES
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    vocabulary = vocabulary or demo_vocabulary.vocabulary_data()["facets"]
    for model_name, names in vocabulary.items():
        model = getattr(models, model_name)
        for term in model.objects.filter(locale__language_code="de", slug__in=names):
            done = set(
                model.objects.filter(translation_key=term.translation_key).values_list(
                    "locale__language_code", flat=True
                )
            )
            for code in languages:
                if code not in done:
                    translated = term.copy_for_translation(locales[code])
                    translated.name = names[term.slug][code]
                    translated.save()


from . import planning_demo  # noqa: E402, F401  (registers the planning report's demo step)
