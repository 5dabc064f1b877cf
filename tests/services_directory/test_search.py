"""German search in the directory: compounds, umlauts typed as ae/oe/ue/ss, stems, typos."""

import pytest

from .test_facets import titles


@pytest.fixture
def texts(make_service):
    make_service(
        "Migrationsberatung für Erwachsene",
        type="mbe",
        alternate_name="MBE",
        description="<p>Beratung zu Aufenthalt, Arbeit und Integrationskursen.</p>",
    )
    make_service(
        "Hilfe bei der Ausbildungsplatzsuche",
        type="jmd",
        description="<p>Wir begleiten junge Menschen beim Übergang von der Schule in den "
        "Beruf.</p>",
        targets=["jung"],
    )
    make_service(
        "Flüchtlingsberatung Wülfrath",
        type="fb",
        description="<p>Für Geflüchtete: Fragen zur Straße, zum Wohnen und zum Asylverfahren.</p>",
        targets=["gefluechtete"],
        towns=["wuelfrath"],
    )
    make_service("Sprachcafé", type="mbe", description="<p>Deutsch üben in gemütlicher Runde.</p>")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Parts of compound words.
        # (The Sprachcafé is of type "MBE – Migrationsberatung …".)
        (
            "Beratung",
            ["Migrationsberatung für Erwachsene", "Flüchtlingsberatung Wülfrath", "Sprachcafé"],
        ),
        ("Ausbildung", ["Hilfe bei der Ausbildungsplatzsuche"]),
        ("ausbildungsplatz", ["Hilfe bei der Ausbildungsplatzsuche"]),
        # Umlauts and ß typed as ae/oe/ue/ss or without marks.
        ("Fluechtlingsberatung", ["Flüchtlingsberatung Wülfrath"]),
        ("Fluchtlingsberatung", ["Flüchtlingsberatung Wülfrath"]),
        # A town's name in the query is the town filter.
        ("Wuelfrath", ["Flüchtlingsberatung Wülfrath"]),
        ("Strasse", ["Flüchtlingsberatung Wülfrath"]),
        ("ueben", ["Sprachcafé"]),
        ("Sprachcafe", ["Sprachcafé"]),
        # Inflected forms.
        ("Geflüchteten", ["Flüchtlingsberatung Wülfrath"]),
        (
            "Beratungen",
            ["Migrationsberatung für Erwachsene", "Flüchtlingsberatung Wülfrath", "Sprachcafé"],
        ),
        # The abbreviation, the type's name and the words of several fields together.
        ("MBE", ["Migrationsberatung für Erwachsene", "Sprachcafé"]),
        ("Jugendmigrationsdienst", ["Hilfe bei der Ausbildungsplatzsuche"]),
        ("Beratung Aufenthalt", ["Migrationsberatung für Erwachsene"]),
        ("Quantenphysik", []),
    ],
)
def test_german_search(client, texts, query, expected):
    assert sorted(titles(client.get("/de/beratung/", {"q": query}))) == sorted(expected)


def test_name_hits_rank_before_text_hits(client, texts, make_service):
    make_service("Allgemeine Sozialberatung", type="fb", description="<p>Offene Sprechstunde.</p>")
    found = titles(client.get("/de/beratung/", {"q": "Sozialberatung"}))
    assert found == ["Allgemeine Sozialberatung"]
    found = titles(client.get("/de/beratung/", {"q": "Aufenthalt"}))
    assert found == ["Migrationsberatung für Erwachsene"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Flüchtlingsberatnug", ["Flüchtlingsberatung Wülfrath"]),
        ("Migrationsbertung", ["Migrationsberatung für Erwachsene", "Sprachcafé"]),
        ("Ausbildungsplatzsuhe", ["Hilfe bei der Ausbildungsplatzsuche"]),
    ],
)
def test_typos(client, texts, query, expected):
    assert sorted(titles(client.get("/de/beratung/", {"q": query}))) == sorted(expected)


def test_stemming(client, texts):
    # "Asylverfahrens" is no substring of the text; the German stemmer maps both to one stem.
    assert titles(client.get("/de/beratung/", {"q": "Asylverfahrens"})) == [
        "Flüchtlingsberatung Wülfrath"
    ]


def test_renamed_terms_find_their_services(client, make_service, vocab):
    make_service("Beratungsstelle Nord", type="fb", towns=["velbert"], topics=["sprache"])
    for term, new_name in [
        (vocab["town"]["velbert"], "Neviges"),
        (vocab["topic"]["sprache"], "Deutschkurse"),
        (vocab["type"]["fb"], "Asylverfahrensberatung"),
        (vocab["org"]["caritas"], "Sozialdienst Katholischer Frauen"),
    ]:
        assert titles(client.get("/de/beratung/", {"q": new_name.split()[0]})) == []
        term.name = new_name
        term.save()
        found = titles(client.get("/de/beratung/", {"q": new_name.split()[0]}))
        assert found == ["Beratungsstelle Nord"], new_name
