"""Site search with more hidden subtrees than a query may have clauses: the hidden pages are
excluded by id (portal.privacy.searchable_pages). Live with 1,100 pages: tests/search_live."""

import pytest

from django.test import RequestFactory

from portal import search
from portal.privacy import pages as privacy_pages
from tests.portal.test_privacy import MARKER, secret_pages  # noqa: F401 (fixture)
from tests.portal.test_search_engine import _es_backend


@pytest.fixture
def few_clauses(monkeypatch):
    monkeypatch.setattr(privacy_pages, "MAX_PATH_CLAUSES", 1)


def _results(html):
    if '<ol class="search-results"' not in html:
        return ""
    return html.split('<ol class="search-results"')[1].split("</ol>")[0]


@pytest.mark.parametrize(
    ("role", "sees"), [("anonymous", False), ("member_b", False), ("member_a", True)]
)
def test_hidden_pages_excluded_by_id(few_clauses, role, sees, client_for, secret_pages):  # noqa: F811
    workspace, restricted = secret_pages
    html = client_for(role).get("/de/suche/", {"q": MARKER}).content.decode()
    found = _results(html)
    assert (restricted.url in found) is sees
    assert (workspace.url in found) is sees


def test_the_engine_gets_one_terms_clause(few_clauses, users, secret_pages):  # noqa: F811
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    queryset = search.searchable_pages(request)
    query = str(_es_backend().query_compiler_class(queryset, "Beratung").get_query())
    assert "'terms'" in query and "path_filter" not in query
    for page in secret_pages:
        assert not queryset.filter(pk=page.pk).exists()
