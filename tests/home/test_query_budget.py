"""Every public page type renders within the query budget, whatever the number of items."""

import pytest

from home.factories import PublicationPageFactory
from tests.conftest import QUERY_BUDGET


@pytest.mark.parametrize(
    "url",
    [
        "/de/",
        "/de/ueber-kim/",
        "/de/handbuch/ausgabe-2/",
        "/de/handbuch/ausgabe-2/case-management/",
        "/de/publikationen/jahresbericht-2025/",
        "/de/suche/?q=Beratung",
        "/en/",
    ],
)
def test_page_stays_within_the_budget(
    client, content_page, handbook, publications, count_queries, url
):
    path, _, query = url.partition("?")
    params = dict([query.split("=")]) if query else {}
    queries, _response = count_queries(client, path, params)
    assert queries <= QUERY_BUDGET, url


def test_publication_list_queries_do_not_grow(client, publications, count_queries):
    index, _pages = publications
    few, _ = count_queries(client, index.url)
    for n in range(12):
        PublicationPageFactory(parent=index, slug=f"bericht-{n}", title=f"Bericht {n}", year=2020)
    many, response = count_queries(client, index.url)
    assert "Bericht 11" in response.content.decode()
    assert few == many <= QUERY_BUDGET
