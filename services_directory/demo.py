"""Demo content of the service directory: the ten towns and a realistic set of services.

Everything here is example data (``EXAMPLE_NOTE``): organisations are typical providers of
such services, addresses are placeholders near the town centres, phone numbers come from a
fictional range (0211 99999…) and e-mail addresses are at example.org.
"""

import datetime

from portal.demo import EXAMPLE_NOTE, demo_step, ensure_child

from . import (
    demo_closures,  # noqa: F401 (registers the demo closures)
    demo_vocabulary,  # noqa: F401 (registers the vocabulary's demo steps)
)
from .factories import (
    OrganisationFactory,
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

# name, slug, postal code, latitude, longitude (approximate town centres)
TOWNS = [
    ("Erkrath", "erkrath", "40699", 51.2224, 6.9077),
    ("Haan", "haan", "42781", 51.1930, 7.0130),
    ("Heiligenhaus", "heiligenhaus", "42579", 51.3265, 6.9710),
    ("Hilden", "hilden", "40721", 51.1680, 6.9390),
    ("Langenfeld", "langenfeld", "40764", 51.1090, 6.9480),
    ("Mettmann", "mettmann", "40822", 51.2500, 6.9750),
    ("Monheim am Rhein", "monheim", "40789", 51.0920, 6.8870),
    ("Ratingen", "ratingen", "40878", 51.2970, 6.8490),
    ("Velbert", "velbert", "42551", 51.3400, 7.0430),
    ("Wülfrath", "wuelfrath", "42489", 51.2820, 7.0380),
]

TYPES = [
    ("JMD – Jugendmigrationsdienst", "jmd", "JMD"),
    ("MBE – Migrationsberatung für erwachsene Zugewanderte", "mbe", "MBE"),
    ("Integration Point", "integration-point", "IP"),
    ("Flüchtlingsberatung", "fluechtlingsberatung", ""),
    ("Teilhabemanagement", "teilhabemanagement", ""),
    ("KIM Case Management", "kim-case-management", "KIM"),
    ("Ausländerbehörde", "auslaenderbehoerde", "ABH"),
    ("Einbürgerung", "einbuergerung", ""),
    ("Anerkennungsberatung", "anerkennungsberatung", ""),
    ("Integrationskurs-Träger", "integrationskurs", ""),
    ("Psychosoziale Beratung für Geflüchtete", "psychosoziale-beratung", "PSZ"),
    ("Migrationsfachdienst", "migrationsfachdienst", ""),
]

LIFE_AREAS = [
    ("Existenzsicherung", "existenzsicherung"),
    ("Arbeit und Ausbildung", "arbeit-ausbildung"),
    ("Bildung", "bildung"),
    ("Kinderbetreuung", "kinderbetreuung"),
    ("Sprache", "sprache"),
    ("Aufenthalt", "aufenthalt"),
    ("Gesundheit", "gesundheit"),
]
FIELDS_OF_ACTION = [
    ("Sprachförderung und Integrationskurse", "sprachfoerderung"),
    ("Übergang Schule/Beruf", "uebergang-schule-beruf"),
    ("Arbeitsmarktzugang", "arbeitsmarktzugang"),
    ("Zugang zum Ausbildungsmarkt", "ausbildungsmarkt"),
    ("Verstetigung der aufenthaltsrechtlichen Stellung", "aufenthaltsrecht"),
    ("Leistungen", "leistungen"),
]
TARGET_GROUPS = [
    ("Geflüchtete", "gefluechtete"),
    ("(Neu-)Zugewanderte", "neuzugewanderte"),
    ("Menschen ohne Zugang zu Case Management", "ohne-case-management"),
    ("Jugendliche und junge Erwachsene", "junge-menschen"),
    ("Erwachsene Zugewanderte", "erwachsene"),
    ("Familien", "familien"),
]
ORGANISATIONS = [
    ("Caritasverband (Beispiel)", "caritas"),
    ("Diakonie (Beispiel)", "diakonie"),
    ("AWO (Beispiel)", "awo"),
    ("DRK (Beispiel)", "drk"),
    ("IN VIA (Beispiel)", "in-via"),
    ("Jobcenter ME-aktiv (Beispiel)", "jobcenter-me-aktiv"),
    ("Kreis Mettmann (Beispiel)", "kreis-mettmann"),
    ("Volkshochschule (Beispiel)", "vhs"),
    ("Sprachschule am Markt (Beispiel)", "sprachschule"),
    ("Psychosoziales Zentrum für Geflüchtete (Beispiel)", "psz"),
    ("IQ Netzwerk NRW (Beispiel)", "iq-netzwerk"),
]

# Per type: providers (cycled over the towns), topics, target groups, languages, ages,
# access, opening hours and a description.
PROFILES = {
    "jmd": {
        "providers": ["in-via", "caritas", "diakonie"],
        "topics": [
            "arbeit-ausbildung",
            "bildung",
            "sprache",
            "uebergang-schule-beruf",
            "ausbildungsmarkt",
        ],
        "targets": ["junge-menschen", "neuzugewanderte", "gefluechtete"],
        "languages": [("de", ""), ("en", ""), ("ar", ""), ("fa", ""), ("prs", "donnerstags")],
        "ages": (12, 27),
        "access": ServicePage.ApplicationProcess.BOTH,
        "hours": [("TU", 9, 12), ("TH", 14, 17), ("FR", 9, 12)],
        "text": "Der Jugendmigrationsdienst begleitet junge Menschen von 12 bis 27 Jahren: "
        "Schule, Sprachkurs, Ausbildungsplatzsuche, Bewerbungen und Fragen des Alltags.",
    },
    "mbe": {
        "providers": ["awo", "caritas", "diakonie", "drk"],
        "topics": [
            "existenzsicherung",
            "arbeit-ausbildung",
            "sprache",
            "aufenthalt",
            "sprachfoerderung",
            "arbeitsmarktzugang",
        ],
        "targets": ["erwachsene", "neuzugewanderte"],
        "languages": [("de", ""), ("ru", ""), ("tr", ""), ("uk", "montags")],
        "ages": (27, None),
        "access": ServicePage.ApplicationProcess.APPOINTMENT,
        "hours": [("MO", 9, 12), ("WE", 13, 16), ("TH", 9, 12)],
        "text": "Migrationsberatung für erwachsene Zugewanderte ab 27 Jahren: Integrationskurs, "
        "Anerkennung von Abschlüssen, Arbeit, Wohnen und Behördenpost.",
    },
    "integration-point": {
        "providers": ["jobcenter-me-aktiv"],
        "topics": [
            "arbeit-ausbildung",
            "existenzsicherung",
            "arbeitsmarktzugang",
            "ausbildungsmarkt",
        ],
        "targets": ["gefluechtete", "neuzugewanderte"],
        "languages": [("de", ""), ("en", ""), ("ar", ""), ("uk", "")],
        "ages": (None, None),
        "access": ServicePage.ApplicationProcess.APPOINTMENT,
        "hours": [
            ("MO", 8, 12),
            ("TU", 8, 12),
            ("WE", 8, 12),
            ("TH", 8, 12),
            ("TH", 14, 17),
            ("FR", 8, 12),
        ],
        "text": "Der Integration Point hilft beim Weg in Arbeit und Ausbildung: Beratung, "
        "Vermittlung, Förderung von Sprachkursen und Leistungen zur Existenzsicherung.",
    },
    "fluechtlingsberatung": {
        "providers": ["diakonie", "caritas", "drk"],
        "topics": ["aufenthalt", "existenzsicherung", "gesundheit", "aufenthaltsrecht"],
        "targets": ["gefluechtete"],
        "languages": [("de", ""), ("ar", ""), ("fa", ""), ("ku", "nach Absprache"), ("ti", "")],
        "ages": (None, None),
        "access": ServicePage.ApplicationProcess.OPEN,
        "hours": [("MO", 10, 12), ("WE", 10, 12), ("WE", 14, 16)],
        "text": "Flüchtlingsberatung für Geflüchtete: Asylverfahren, Aufenthalt, Familiennachzug, "
        "Wohnen und Gesundheit. Offene Sprechstunde ohne Termin.",
    },
    "teilhabemanagement": {
        "providers": ["stadt"],
        "topics": ["existenzsicherung", "bildung", "kinderbetreuung", "gesundheit"],
        "targets": ["gefluechtete", "ohne-case-management", "familien"],
        "languages": [("de", ""), ("ar", "")],
        "ages": (None, None),
        "access": ServicePage.ApplicationProcess.APPOINTMENT,
        "hours": [("TU", 9, 15), ("TH", 9, 15)],
        "text": "Das Teilhabemanagement der Stadt begleitet Familien und Einzelne, die noch "
        "keine feste Beratung haben: Kita-Platz, Schule, Gesundheit und Freizeit.",
    },
    "kim-case-management": {
        "providers": ["kreis-mettmann"],
        "topics": ["aufenthalt", "arbeit-ausbildung", "aufenthaltsrecht", "arbeitsmarktzugang"],
        "targets": ["gefluechtete", "neuzugewanderte", "ohne-case-management"],
        "languages": [("de", ""), ("en", ""), ("tr", ""), ("ar", "")],
        "ages": (None, None),
        "access": ServicePage.ApplicationProcess.APPOINTMENT,
        "hours": [("MO", 9, 12), ("WE", 9, 12), ("TH", 13, 16)],
        "text": "Das KIM Case Management begleitet Menschen mit komplexem Beratungsbedarf "
        "rechtskreisübergreifend – etwa zur Verstetigung des Aufenthalts und zum Weg in Arbeit.",
    },
}
COUNTY_SERVICES = [
    (
        "auslaenderbehoerde",
        "Ausländerbehörde Kreis Mettmann",
        "Aufenthaltstitel, Verlängerungen, Beschäftigungserlaubnis und Umzug in den Kreis – "
        "nur mit Termin.",
        ["aufenthalt", "aufenthaltsrecht"],
        "Reisepass\nAktuelles biometrisches Foto\nMeldebescheinigung",
    ),
    (
        "einbuergerung",
        "Einbürgerung beim Kreis Mettmann",
        "Beratung und Antrag zur Einbürgerung: Voraussetzungen, Einbürgerungstest, "
        "Sprachnachweis und Gebühren.",
        ["aufenthalt", "aufenthaltsrecht", "sprache"],
        "Reisepass\nSprachzertifikat B1\nNachweis über den Lebensunterhalt",
    ),
]


# Languages some towns' teams add to their type's usual ones (example data, varied per town).
TOWN_LANGUAGES = {
    "velbert": [("uk", ""), ("ru", "")],
    "ratingen": [("tr", ""), ("ku", "Kurmandschi")],
    "hilden": [("ti", ""), ("prs", "")],
    "langenfeld": [("tr", "")],
    "monheim": [("tr", ""), ("ar", "")],
    "mettmann": [("ru", "")],
    "erkrath": [("uk", "")],
    "wuelfrath": [("ti", "")],
    "heiligenhaus": [("uk", ""), ("ru", "")],
}

ALL_TOWNS = [slug for _name, slug, *_rest in TOWNS]
# Services that exist in some towns only: (slug, title, type, organisation, location town,
# towns served, topics, target groups, languages, (minimum age, maximum age), hours, text).
SPECIAL_SERVICES = [
    (
        "anerkennungsberatung-kreis",
        "Anerkennungsberatung Kreis Mettmann",
        "anerkennungsberatung",
        "iq-netzwerk",
        "mettmann",
        ALL_TOWNS,
        ["arbeitsmarktzugang", "arbeit-ausbildung", "bildung"],
        ["neuzugewanderte", "gefluechtete", "erwachsene", "junge-menschen"],
        ["de", "en", "ar", "tr", "uk", "ru"],
        (None, None),
        [("TU", 9, 13), ("TH", 13, 17)],
        "Wir beraten zur Anerkennung ausländischer Schul-, Berufs- und Studienabschlüsse: "
        "welche Stelle zuständig ist, welche Unterlagen und Übersetzungen nötig sind, was es "
        "kostet und welche Förderung es gibt.",
    ),
    (
        "anerkennungsberatung-velbert",
        "Anerkennungsberatung Velbert und Heiligenhaus",
        "anerkennungsberatung",
        "iq-netzwerk",
        "velbert",
        ["velbert", "heiligenhaus", "wuelfrath"],
        ["arbeitsmarktzugang", "bildung"],
        ["neuzugewanderte", "gefluechtete", "junge-menschen"],
        ["de", "uk", "ru", "fa", "prs"],
        (None, None),
        [("WE", 9, 12), ("WE", 13, 16)],
        "Sprechstunde zur Anerkennung von Zeugnissen und Abschlüssen aus dem Ausland, auch für "
        "junge Menschen, die hier eine Ausbildung oder ein Studium beginnen möchten.",
    ),
    (
        "anerkennungsberatung-langenfeld",
        "Anerkennungsberatung im Süden des Kreises",
        "anerkennungsberatung",
        "iq-netzwerk",
        "langenfeld",
        ["langenfeld", "monheim", "hilden", "haan"],
        ["arbeitsmarktzugang"],
        ["neuzugewanderte", "gefluechtete", "erwachsene"],
        ["de", "en", "ar", "tr"],
        (None, None),
        [("MO", 13, 16)],
        "Beratung zu Berufs- und Studienabschlüssen aus dem Ausland: Antrag, "
        "Anpassungsqualifizierung und Kosten.",
    ),
    *[
        (
            f"integrationskurse-{slug}",
            title,
            "integrationskurs",
            org,
            town,
            served,
            ["sprache", "sprachfoerderung"],
            ["neuzugewanderte", "gefluechtete", "erwachsene"],
            languages,
            (16, None),
            hours,
            "Integrationskurse (Sprachkurs bis B1 und Orientierungskurs), Alphabetisierungskurse "
            "und Jugendintegrationskurse. Einstufungstest und Anmeldung, auch mit "
            "Berechtigungsschein des BAMF oder Verpflichtung durch das Jobcenter.",
        )
        for slug, title, org, town, served, languages, hours in [
            (
                "hilden",
                "VHS Hilden-Haan: Integrationskurse",
                "vhs",
                "hilden",
                ["hilden", "haan"],
                ["de", "en", "ar"],
                [("MO", 9, 12), ("WE", 9, 12)],
            ),
            (
                "velbert",
                "VHS Velbert/Heiligenhaus: Integrationskurse",
                "vhs",
                "velbert",
                ["velbert", "heiligenhaus"],
                ["de", "uk", "ru"],
                [("TU", 9, 12), ("TH", 14, 17)],
            ),
            (
                "ratingen",
                "VHS Ratingen: Integrationskurse",
                "vhs",
                "ratingen",
                ["ratingen"],
                ["de", "tr", "ar"],
                [("MO", 14, 17), ("FR", 9, 12)],
            ),
            (
                "mettmann",
                "VHS Mettmann-Wülfrath: Integrationskurse",
                "vhs",
                "mettmann",
                ["mettmann", "wuelfrath"],
                ["de", "fa", "prs"],
                [("WE", 14, 17)],
            ),
            (
                "langenfeld",
                "VHS Langenfeld: Integrationskurse",
                "vhs",
                "langenfeld",
                ["langenfeld"],
                ["de", "tr"],
                [("TU", 9, 12)],
            ),
            (
                "monheim",
                "VHS Monheim am Rhein: Integrationskurse",
                "vhs",
                "monheim",
                ["monheim"],
                ["de", "ar", "tr"],
                [("TH", 9, 12)],
            ),
            (
                "erkrath",
                "Sprachschule am Markt: Integrations- und Berufssprachkurse",
                "sprachschule",
                "erkrath",
                ["erkrath", "mettmann"],
                ["de", "en", "ru"],
                [("MO", 9, 17), ("TU", 9, 17), ("WE", 9, 17)],
            ),
        ]
    ],
    (
        "psz-kreis",
        "Psychosoziale Beratung für Geflüchtete",
        "psychosoziale-beratung",
        "psz",
        "mettmann",
        ALL_TOWNS,
        ["gesundheit"],
        ["gefluechtete"],
        ["de", "ar", "fa", "prs", "ti", "ku", "uk", "ru"],
        (None, None),
        [("MO", 10, 16), ("TH", 10, 16)],
        "Gespräche für geflüchtete Menschen nach belastenden Erlebnissen, mit Sprachmittlung: "
        "Stabilisierung, Begleitung und Vermittlung in Psychotherapie. Vertraulich und kostenlos.",
    ),
    (
        "psz-velbert",
        "Psychosoziale Sprechstunde Velbert",
        "psychosoziale-beratung",
        "psz",
        "velbert",
        ["velbert", "heiligenhaus", "wuelfrath"],
        ["gesundheit"],
        ["gefluechtete", "junge-menschen"],
        ["de", "uk", "ru", "ar", "prs"],
        (None, None),
        [("WE", 14, 18)],
        "Offene psychosoziale Sprechstunde für Geflüchtete, auch für Jugendliche und Familien.",
    ),
    *[
        (
            f"migrationsfachdienst-{town}",
            f"Migrationsfachdienst {name}",
            "migrationsfachdienst",
            f"stadt-{town}",
            town,
            [town],
            ["existenzsicherung", "aufenthalt", "sprache", "bildung", "kinderbetreuung"],
            ["neuzugewanderte", "gefluechtete", "familien"],
            languages,
            (None, None),
            hours,
            "Der Migrationsfachdienst der Stadt berät Zugewanderte und Geflüchtete jeden "
            "Alters: Behördenpost, Anträge, Wohnen, Kita und Schule, Vermittlung in Kurse.",
        )
        for town, name, languages, hours in [
            (
                "ratingen",
                "Ratingen",
                ["de", "tr", "ru", "ar", "ku"],
                [("MO", 8, 12), ("TH", 14, 17)],
            ),  # noqa: E501
            ("langenfeld", "Langenfeld", ["de", "tr", "ar", "prs"], [("TU", 8, 12)]),
            ("monheim", "Monheim am Rhein", ["de", "tr", "ar", "ti"], [("WE", 8, 13)]),
        ]
    ],
]


def _phone(n):
    return f"0211 99999{n:03d}"


@demo_step(order=20)
def demo_directory(context):
    directory = ensure_child(
        context["home"],
        ServiceDirectoryPage,
        "beratung",
        title="Beratung finden",
        intro="Beratungsangebote für Zugewanderte und Geflüchtete in den zehn Städten des "
        "Kreises Mettmann – nach Thema, Stadt, Sprache und Alter.",
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
            ensure_child(directory, ServicePage, f"{type_slug}-{town_slug}", **fields)

    number = _special_services(directory, towns, types, topics, targets, orgs, number, verified)

    # The county's own offices serve every town from Mettmann.
    _name, _slug, postal_code, lat, lon = TOWNS[5]
    for type_slug, title, text, topic_slugs, documents in COUNTY_SERVICES:
        number += 1
        ensure_child(
            directory,
            ServicePage,
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
            ServicePage,
            slug,
            title=title,
            alternate_name=types[type_slug].abbreviation,
            description=f"<p>{text}</p><p>{EXAMPLE_NOTE}</p>",
            service_type=types[type_slug],
            organisation=orgs[org],
            towns=[towns[t] for t in served],
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
    from portal.demo import ensure_translations

    from .demo_translations import DIRECTORY, KEEP, SERVICE_STRINGS, SERVICES, VOCABULARY

    directory = context.get("directory") or ServiceDirectoryPage.objects.get(
        locale__language_code="de"
    )
    ensure_translations(directory, DIRECTORY)
    pages = ServicePage.objects.child_of(directory).filter(slug__in=SERVICES)
    for page in pages:
        ensure_translations(page, SERVICE_STRINGS, keep=KEEP)
    _translate_vocabulary(VOCABULARY)


@demo_step(order=1025)
def demo_directory_easy_language(context):
    """ "Beratung finden" in Leichte Sprache, each kind of service explained in it and the
    names of types, topics and target groups in it (texts in
    ``services_directory/data/demo_leichte_sprache.json``)."""
    from pathlib import Path

    from django.conf import settings

    from portal.demo import ensure_easy_translation, load_demo_texts

    texts = load_demo_texts(Path(__file__).parent / "data" / "demo_leichte_sprache.json")
    _translate_vocabulary(
        {
            model_name: {slug: (name,) for slug, name in names.items()}
            for model_name, names in texts["vocabulary"].items()
        },
        languages=(settings.EASY_LANGUAGE,),
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


def _translate_vocabulary(vocabulary, languages=None):
    """Facet names in every language: a translation of each German term (idempotent).

    ``vocabulary`` maps model name → slug → names in ``languages`` order (the six
    ``TRANSLATION_LANGUAGES`` unless given)."""
    from wagtail.models import Locale

    from portal.demo import TRANSLATION_LANGUAGES

    from . import models

    languages = languages or TRANSLATION_LANGUAGES
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    for model_name, names in vocabulary.items():
        model = getattr(models, model_name)
        for term in model.objects.filter(locale__language_code="de", slug__in=names):
            done = set(
                model.objects.filter(translation_key=term.translation_key).values_list(
                    "locale__language_code", flat=True
                )
            )
            for position, code in enumerate(languages):
                if code not in done:
                    translated = term.copy_for_translation(locales[code])
                    translated.name = names[term.slug][position]
                    translated.save()


from . import planning_demo  # noqa: E402, F401  (registers the planning report's demo step)
