"""PostgreSQL: the site search starts from its matches (migration portal 0008, issue #21).

Without the two expression indexes every search read all index entries and all pages and
tested the privacy filter on each page. What the tests hold:

- the SQL of Wagtail's PostgreSQL backend still contains exactly the two expressions the
  indexes are built on (a Wagtail upgrade that changes them makes the indexes useless);
- both indexes exist, and the planner uses them for those expressions when sequential and
  plain index scans are off (a tiny test table alone would never show it, and with other
  paths open the planner's choice depends on the table statistics).

The statistics of a test database are whatever the last autovacuum saw (CI once planned with
a table of "3 rows" and preferred a whole scan of the primary key). So the test analyses the
two tables first and makes each index tuple read expensive: a path that reads a whole index
then costs what it should on a large table, and only a lookup by the expression is cheap.
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

DOCUMENT = '("wagtailsearch_indexentry"."title" || "wagtailsearch_indexentry"."body")'
PAGE_ID = '("wagtailcore_page"."id")::varchar(50)'


SETTINGS = {"enable_seqscan": "off", "enable_indexscan": "off", "cpu_index_tuple_cost": "100"}


def _plan(sql):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wagtailcore_page, wagtailsearch_indexentry")
        for name, value in SETTINGS.items():
            cursor.execute(f"SET LOCAL {name} = {value}")
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        for name in SETTINGS:
            cursor.execute(f"RESET {name}")
    return plan


def test_site_search_sql_has_the_indexed_expressions(content_page):
    content_page.intro = "Beratung zur Anerkennung"
    content_page.save_revision().publish()
    results = get_search_backend().search("Beratung", public_pages(Page.objects.all()))
    with CaptureQueriesContext(connection) as queries:
        assert content_page.pk in [page.pk for page in results[:10]]
    sql = queries.captured_queries[-1]["sql"]
    assert DOCUMENT in sql and PAGE_ID in sql


def test_the_planner_can_use_both_indexes(content_page):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname IN "
            "('portal_searchentry_document', 'portal_page_id_as_text')"
        )
        assert {row[0] for row in cursor.fetchall()} == {
            "portal_searchentry_document",
            "portal_page_id_as_text",
        }
    match = _plan(
        "SELECT id FROM wagtailsearch_indexentry "  # noqa: S608 (module constants only)
        f"WHERE {DOCUMENT} @@ to_tsquery('german', 'beratung')"
    )
    assert "portal_searchentry_document" in match, match
    # The join's inner side: a page looked up by its id as text (the primary key cannot).
    join = _plan(
        f"SELECT id FROM wagtailcore_page WHERE {PAGE_ID}::text = '{content_page.pk}'"  # noqa: S608
    )
    assert "portal_page_id_as_text" in join, join
