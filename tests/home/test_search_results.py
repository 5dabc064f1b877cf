"""Site search results (issue #14): stems on SQLite too, a snippet with the match, the page
type, and for handbook chapters the edition they belong to."""

import pytest


@pytest.fixture
def advice_page(content_page):
    content_page.intro = (
        "Die Beratungsstellen helfen Flüchtlingen bei allen Fragen zum Integrationskurs "
        "und zur Ausbildung."
    )
    content_page.save_revision().publish()
    return content_page


@pytest.mark.parametrize("query", ["Beratungen", "Fluechtlinge", "Flüchtling", "Ausbildungen"])
def test_inflected_and_folded_words_find_the_page(client, advice_page, query):
    html = client.get("/de/suche/", {"q": query}).content.decode()
    assert f'href="{advice_page.url}"' in html, query


def test_result_shows_type_and_snippet_with_the_match(client, advice_page):
    html = client.get("/de/suche/", {"q": "Integrationskurs"}).content.decode()
    assert "<mark>Integrationskurs</mark>" in html
    assert "search-results__meta" in html


def test_snippet_is_escaped(client, content_page):
    content_page.intro = "Kurs <script>alert(1)</script> Beratung"
    content_page.save_revision().publish()
    html = client.get("/de/suche/", {"q": "Beratung"}).content.decode()
    assert "<script>alert(1)</script>" not in html


def test_chapters_of_two_editions_can_be_told_apart(client, handbook):
    html = client.get("/de/suche/", {"q": "Einleitung"}).content.decode()
    assert "Ausgabe 1" in html and "Ausgabe 2" in html
    assert html.count("Einleitung</a>") == 2
