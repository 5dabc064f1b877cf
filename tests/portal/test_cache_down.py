"""Redis down: pages are still served, publishing still works, members still see their pages.

The cache is the production configuration (``cache_settings`` of the base settings, the
same dict ``REDIS_URL`` produces) pointed at a port where nothing listens.
"""

import socket

import pytest

from django.core.cache import cache
from django.test import override_settings

from portal.cache import content_version
from portal.settings.base import cache_settings


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # released again: nothing listens there now


@pytest.fixture
def redis_down():
    with override_settings(CACHES=cache_settings(f"redis://127.0.0.1:{_closed_port()}/0")):
        assert cache.__class__.__name__ != "LocMemCache"
        yield
    cache.clear()


def test_the_test_really_talks_to_a_dead_redis(redis_down):
    from django_redis import get_redis_connection
    from redis.exceptions import ConnectionError

    with pytest.raises(ConnectionError):
        get_redis_connection("default").ping()


def test_pages_are_served_while_redis_is_down(redis_down, home, content_page, client):
    for url in ["/de/", "/de/ueber-kim/", "/de/suche/?q=KIM", "/de/anmelden/", "/healthz"]:
        first, second = client.get(url), client.get(url)
        assert first.status_code == second.status_code == 200, url
        assert "X-Cache" not in second or second["X-Cache"] == "MISS"
    assert "Über KIM" in client.get("/de/ueber-kim/").content.decode()
    # The version lives in the database, so a dead cache cannot turn it into a stale one.
    before = content_version()
    content_page.save_revision().publish()
    assert content_version() != before


def test_publishing_works_and_shows_at_once_while_redis_is_down(redis_down, content_page, client):
    client.get(content_page.url)
    content_page.title = "Über KIM – neu"
    content_page.save_revision().publish()
    assert "Über KIM – neu" in client.get(content_page.url).content.decode()


def test_members_still_reach_their_workspace_while_redis_is_down(
    redis_down, client_for, workspace_a
):
    assert client_for("member_a").get(workspace_a.url).status_code == 200
    assert client_for("member_b").get(workspace_a.url).status_code in (302, 403)
