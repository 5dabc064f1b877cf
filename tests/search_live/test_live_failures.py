"""The node slow or gone, live: the public search falls back within the timeout, filtered;
editors publish; after the node is back, update_index restores it, and what was made
private or unpublished meanwhile never shows up."""

import contextlib
import socket
import threading
import time

import pytest

from django.conf import settings
from django.test import override_settings

from wagtail.models import BaseViewRestriction, PageViewRestriction

from home.factories import ContentPageFactory
from home.models import ContentPage

from .conftest import refresh, update_index
from .test_live_search import results

pytestmark = pytest.mark.opensearch

FALLBACK_NOTICE = "vereinfachten Modus"


class SlowProxy:
    """A TCP proxy on 127.0.0.1 that holds every connection ``delay`` seconds, then relays
    it to the node. Closing it leaves the port refusing connections, as a stopped node."""

    def __init__(self, target_port, delay):
        self.target_port, self.delay = target_port, delay
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.closed.is_set():
            try:
                client, _address = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        with client:
            if self.closed.wait(self.delay):
                return
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port), timeout=30)
            except OSError:
                return
            with upstream:
                relay = threading.Thread(target=self._pipe, args=(upstream, client), daemon=True)
                relay.start()
                self._pipe(client, upstream)
                relay.join(30)

    @staticmethod
    def _pipe(source, target):
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_WR)

    def close(self):
        self.closed.set()
        self.server.close()


def engine_at(port, **changes):
    """The configured backends with the cluster's address replaced (same timeout, prefix)."""
    backends = {name: dict(config) for name, config in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["URLS"] = [f"http://127.0.0.1:{port}"]
    backends["default"].update(changes)
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


@pytest.fixture
def proxy():
    node_port = int(settings.SEARCH_URL.rsplit(":", 1)[1].split("/")[0])
    slow = SlowProxy(node_port, delay=10)
    yield slow
    slow.close()


MARKER = "AUSFALLMARKER5520"


@pytest.fixture
def pages(search_index, home, workspace_a):
    public = ContentPageFactory(parent=home, title=f"Öffentlich {MARKER}", slug="oeffentlich")
    secret = ContentPageFactory(parent=workspace_a, title=f"Intern {MARKER}", slug="intern")
    refresh()
    return public, secret


def test_slow_node_falls_back_within_the_timeout(proxy, pages, client_for, caplog):
    public, secret = pages
    timeout = settings.WAGTAILSEARCH_BACKENDS["default"]["TIMEOUT"]
    with engine_at(proxy.port):
        for role in ["anonymous", "member_b"]:
            caplog.clear()
            started = time.time()
            response = client_for(role).get("/de/suche/", {"q": MARKER})
            assert response.status_code == 200
            html = response.content.decode()
            # The node would answer only after the proxy's 10 s: the client gave up after its
            # timeout (the moment the failure is logged) and the database answered.
            (failure,) = [r for r in caplog.records if r.name == "portal.search"]
            waited = failure.created - started
            assert timeout - 0.5 <= waited < timeout + 2, f"{role}: gave up after {waited:.1f}s"
            assert FALLBACK_NOTICE in html
            assert public.url in results(html)
            assert MARKER not in results(html).replace(f"Öffentlich {MARKER}", "")
            assert secret.url not in html


def test_through_the_proxy_without_delay_the_node_answers(pages, client):
    """The proxy relays faithfully: the fallback above is the delay, not the proxy."""
    node_port = int(settings.SEARCH_URL.rsplit(":", 1)[1].split("/")[0])
    fast = SlowProxy(node_port, delay=0)
    try:
        with engine_at(fast.port):
            html = client.get("/de/suche/", {"q": f"Öffentlich {MARKER}"}).content.decode()
    finally:
        fast.close()
    assert FALLBACK_NOTICE not in html and pages[0].url in results(html)


def _publish(admin_client, parent, title, slug):
    return admin_client.post(
        f"/admin/pages/add/home/contentpage/{parent.pk}/",
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "body-count": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-publish": "publish",
        },
    )


def test_node_down_then_back(proxy, pages, home, admin_client, client, caplog):
    """Down (nothing listens), changes are made; back, nothing stale leaks; update_index."""
    public, _secret = pages
    later_private = ContentPageFactory(
        parent=home, title=f"Bald privat {MARKER}", slug="bald-privat"
    )
    later_offline = ContentPageFactory(
        parent=home, title=f"Bald offline {MARKER}", slug="bald-offline"
    )
    refresh()
    proxy.close()  # the node's address now refuses connections, as a stopped node
    with engine_at(proxy.port, OPTIONS={"max_retries": 0}):
        # Made private and unpublished while the node cannot hear of it.
        restriction = PageViewRestriction.objects.create(
            page=later_private, restriction_type=BaseViewRestriction.LOGIN
        )
        assert restriction.pk
        later_offline.unpublish()
        # Editors still publish; the index error is logged, not shown.
        started = time.monotonic()
        response = _publish(admin_client, home, f"Neu im Ausfall {MARKER}", "neu-im-ausfall")
        assert response.status_code == 302, response.content.decode()[:2000]
        assert time.monotonic() - started < 30
        assert ContentPage.objects.get(slug="neu-im-ausfall").live
        # The public search answers from the database, filtered.
        html = client.get("/de/suche/", {"q": MARKER}).content.decode()
        assert FALLBACK_NOTICE in html
        found = results(html)
        assert "neu-im-ausfall" in found and public.url in found
        assert "bald-privat" not in found and "bald-offline" not in found
    assert "into the 'default' search backend" in caplog.text  # the index error, logged
    # The node is back, still holding the stale documents: they never come out.
    new_page = ContentPage.objects.get(slug="neu-im-ausfall")
    html = client.get("/de/suche/", {"q": f"{MARKER} Bald"}).content.decode()
    assert FALLBACK_NOTICE not in html
    assert "bald-privat" not in html and "bald-offline" not in html
    # The page published meanwhile is missing from the node until update_index.
    html = client.get("/de/suche/", {"q": "Ausfall"}).content.decode()
    assert FALLBACK_NOTICE not in html and new_page.url not in results(html)
    update_index()
    html = client.get("/de/suche/", {"q": f"Neu im Ausfall {MARKER}"}).content.decode()
    assert FALLBACK_NOTICE not in html and new_page.url in results(html)
    html = client.get("/de/suche/", {"q": f"Bald {MARKER}"}).content.decode()
    assert "bald-privat" not in html and "bald-offline" not in html
