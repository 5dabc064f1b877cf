"""PostgreSQL: the site search starts from its matches (migration portal 0008, issue #21).

Without the two expression indexes every search read all index entries and all pages and
tested the privacy filter on each page. The planner is forced off sequential scans here so
that a tiny test database shows which indexes the search's SQL *can* use.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.privacy import public_pages

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="expression indexes of the PostgreSQL backend"
)


def test_site_search_sql_uses_the_document_and_page_id_indexes(content_page):
    content_page.intro = "Beratung zur Anerkennung"
    content_page.save_revision().publish()
    results = get_search_backend().search("Beratung", public_pages(Page.objects.all()))
    with CaptureQueriesContext(connection) as queries:
        assert content_page.pk in [page.pk for page in results[:10]]
    sql = queries.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "portal_searchentry_document" in plan
    assert "portal_page_id_as_text" in plan
