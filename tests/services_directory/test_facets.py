"""Facets of the directory: each alone, combined, counts that respect the other choices."""

import re

import pytest

from services_directory.factories import language


@pytest.fixture
def services(make_service):
    return {
        "jmd-hilden": make_service(
            "JMD Hilden",
            type="jmd",
            towns=["hilden"],
            topics=["arbeit", "uebergang"],
            targets=["jung"],
            minimum_age=12,
            maximum_age=27,
            languages=[language("de"), language("ar")],
        ),
        "jmd-velbert": make_service(
            "JMD Velbert",
            type="jmd",
            towns=["velbert"],
            topics=["arbeit"],
            targets=["jung"],
            minimum_age=12,
            maximum_age=27,
            languages=[language("de"), language("fa", "Dari donnerstags")],
        ),
        "mbe-hilden": make_service(
            "MBE Hilden",
            type="mbe",
            org="awo",
            towns=["hilden"],
            topics=["sprache"],
            minimum_age=27,
            languages=[language("de"), language("tr")],
        ),
        "fb-velbert": make_service(
            "Flüchtlingsberatung Velbert",
            type="fb",
            towns=["velbert", "wuelfrath"],
            targets=["gefluechtete"],
            languages=[language("ar"), language("uk")],
        ),
    }


def titles(response):
    html = response.content.decode()
    return re.findall(r'class="service-card__title"><a href="[^"]+">([^<]+)</a>', html)


def count_of(response, facet, value):
    html = response.content.decode()
    pattern = (
        rf'name="{facet}" value="{value}"[^>]*>\s*<label[^>]*>[^<]*'
        r'<span class="facet__count">\((\d+)\)'
    )
    match = re.search(pattern, html)
    return int(match.group(1)) if match else 0


def test_no_filter_lists_all_by_name(client, services):
    response = client.get("/de/beratung/")
    assert response.status_code == 200
    assert titles(response) == [
        "Flüchtlingsberatung Velbert",
        "JMD Hilden",
        "JMD Velbert",
        "MBE Hilden",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"town": "hilden"}, ["JMD Hilden", "MBE Hilden"]),
        ({"town": "wuelfrath"}, ["Flüchtlingsberatung Velbert"]),
        ({"type": "jmd"}, ["JMD Hilden", "JMD Velbert"]),
        ({"topic": "uebergang"}, ["JMD Hilden"]),
        ({"topic": "arbeit"}, ["JMD Hilden", "JMD Velbert"]),
        ({"language": "fa"}, ["JMD Velbert"]),
        ({"language": "ar"}, ["Flüchtlingsberatung Velbert", "JMD Hilden"]),
        ({"target": "gefluechtete"}, ["Flüchtlingsberatung Velbert"]),
        ({"town": "hilden", "type": "jmd"}, ["JMD Hilden"]),
        (
            {"town": ["hilden", "wuelfrath"], "language": "ar"},
            ["Flüchtlingsberatung Velbert", "JMD Hilden"],
        ),
        ({"town": "velbert", "type": "mbe"}, []),
    ],
)
def test_each_facet_and_combinations(client, services, params, expected):
    assert titles(client.get("/de/beratung/", params)) == expected


def test_counts_respect_the_other_selections(client, services):
    response = client.get("/de/beratung/", {"town": "hilden"})
    # Types are counted within Hilden …
    assert count_of(response, "type", "jmd") == 1
    assert count_of(response, "type", "mbe") == 1
    assert count_of(response, "type", "fluechtlingsberatung") == 0
    # … while towns ignore the town choice itself, so the visitor sees the alternatives.
    assert count_of(response, "town", "hilden") == 2
    assert count_of(response, "town", "velbert") == 2
    assert count_of(response, "town", "wuelfrath") == 1
    assert count_of(response, "language", "tr") == 1

    response = client.get("/de/beratung/", {"town": "hilden", "type": "jmd"})
    assert count_of(response, "town", "hilden") == 1
    assert count_of(response, "town", "velbert") == 1
    assert count_of(response, "type", "mbe") == 1
    assert count_of(response, "language", "ar") == 1
    assert count_of(response, "topic", "uebergang") == 1


def test_chips_remove_one_filter(client, services):
    html = client.get(
        "/de/beratung/", {"town": "hilden", "type": "jmd", "q": "JMD"}
    ).content.decode()
    chips = re.findall(r'<a class="chip" href="([^"]+)">', html)
    assert len(chips) == 3
    assert "?q=JMD&amp;type=jmd" in chips  # removing Hilden keeps the rest
    assert 'href="?"' in html  # reset


def test_no_results_suggests_the_narrowest_filter_and_kim(client, services):
    html = client.get("/de/beratung/", {"town": "velbert", "type": "mbe"}).content.decode()
    assert "kim@kreis-mettmann.de" in html
    # Without "Velbert" one MBE service is left; without "MBE" two in Velbert: suggest "MBE".
    assert "?town=velbert" in html
    assert "MBE" in html.split("directory-empty")[1]


def test_the_spoken_languages_facet_is_not_called_like_the_topic(client, make_service):
    make_service("JMD Hilden", towns=["hilden"], topics=["sprache"], languages=[language("ar")])
    html = client.get("/de/beratung/").content.decode()
    assert "<legend>Gesprochene Sprachen</legend>" in html
    assert "<legend>Sprache</legend>" not in html
