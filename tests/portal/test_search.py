"""Site search: privacy by role, bad input, pagination, partial words."""

import pytest

from tests.portal.test_privacy import MARKER, secret_pages  # noqa: F401 (fixture)


@pytest.mark.parametrize("role", ["anonymous", "member_b", "editor", "moderator"])
def test_search_never_shows_restricted_pages(role, client_for, secret_pages, sync_locale):  # noqa: F811
    sync_locale("ar")
    client = client_for(role)
    for language in ["de", "ar"]:
        response = client.get(f"/{language}/suche/", {"q": MARKER})
        assert response.status_code == 200
        html = response.content.decode()
        assert "search-results" not in html
        # The query itself is echoed back; the secret pages' own text and URLs are not.
        assert f"Protokoll {MARKER}" not in html and f"Notiz {MARKER}" not in html
        for page in secret_pages:
            assert page.url_path.split("/", 2)[2] not in html


def test_search_shows_members_their_workspace(client_for, secret_pages):  # noqa: F811
    response = client_for("member_a").get("/de/suche/", {"q": MARKER})
    html = response.content.decode()
    assert 'class="search-results"' in html
    assert f"Protokoll {MARKER}" in html
    assert secret_pages[0].get_url() in html


def test_search_finds_public_pages_and_partial_words(home, content_page, client):
    content_page.intro = "Hilfe bei der Ausbildungsplatzsuche im Kreis."
    content_page.save_revision().publish()
    html = client.get("/de/suche/", {"q": "Ausbildungsplatzsuche"}).content.decode()
    assert 'href="/de/ueber-kim/"' in html
    html = client.get("/de/suche/", {"q": "Ausbildungspl"}).content.decode()
    assert 'href="/de/ueber-kim/"' in html


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"unclosed',
        "Beratung AND OR NOT",
        "a" * 5000,
        " ".join(["wort"] * 2500),
        "🙂🏳️‍🌈 Beratung",
        "",
        "   ",
        "(*)-+~^:",
        "<script>alert(1)</script>",
        "\x00",
    ],
)
def test_bad_search_input_gets_a_sensible_answer(home, content_page, client, query):
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.parametrize(
    "params", ["?q=KIM&page=abc", "?q=KIM&page=-1", "?q=KIM&page=99999", "?q=a&q=b"]
)
def test_bad_paging_and_repeated_parameters(home, content_page, client, params):
    assert client.get("/de/suche/" + params).status_code == 200


def test_search_paginates(home, client):
    from home.factories import ContentPageFactory

    for n in range(23):
        ContentPageFactory(parent=home, title=f"Sprachkurs {n}", intro="Sprachkurs Angebot")
    first = client.get("/de/suche/", {"q": "Sprachkurs"}).content.decode()
    assert "23 results" in first or "23 Ergebnisse" in first
    assert first.count('<li class="search-result"><h2>') == 10
    third = client.get("/de/suche/", {"q": "Sprachkurs", "page": 3}).content.decode()
    assert third.count('<li class="search-result"><h2>') == 3
    assert 'rel="prev"' in third and 'rel="next"' not in third
