"""Live search tests against a running OpenSearch node (``make test-search``, docs/search.md).

Every test here is marked ``opensearch`` and left out of ``make test``. The settings read
``SEARCH_URL``/``SEARCH_ENGINE`` at start-up, so the runner (scripts/test-search.sh) sets them
before pytest starts. Without a node the tests skip, unless ``OPENSEARCH_LIVE=1`` or
``CI=true`` say that one must be there.
"""

import json
import os
import urllib.request

import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from tests.home.conftest import media_root, publications  # noqa: F401 (fixtures)


def node_get(path, url=None, timeout=5):
    """GET ``path`` on the node as JSON (the cluster's own API, not Wagtail's)."""
    base = (url or settings.SEARCH_URL).rstrip("/")
    with urllib.request.urlopen(f"{base}{path}", timeout=timeout) as response:  # noqa: S310
        return json.loads(response.read())


def node_request(method, path, body=None, url=None, timeout=30):
    base = (url or settings.SEARCH_URL).rstrip("/")
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(  # noqa: S310
        f"{base}{path}", data=data, method=method, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return json.loads(response.read() or b"{}")


def _required():
    return os.environ.get("OPENSEARCH_LIVE") == "1" or os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def live_node():
    """The running node's version, or a skip (a failure where a node is required)."""
    reason = None
    if not settings.SEARCH_URL:
        reason = "SEARCH_URL is not set"
    elif not settings.SEARCH_ENGINE.startswith("opensearch"):
        reason = f"SEARCH_ENGINE is {settings.SEARCH_ENGINE}, not opensearch2/opensearch3"
    else:
        try:
            return node_get("/")["version"]["number"]
        except OSError as error:
            reason = f"no OpenSearch node answers at {settings.SEARCH_URL} ({error})"
    if _required():
        pytest.fail(f"live search tests need a node: {reason}")
    pytest.skip(f"live search tests skipped: {reason} (make test-search starts a node)")


def delete_test_indices():
    prefix = settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"]
    assert prefix.startswith("kimtest"), "the live tests only ever delete their own indices"
    node_request("DELETE", f"/{prefix}*?expand_wildcards=all")


def update_index():
    """``manage.py update_index`` on the node, with time for a busy machine: creating an
    index waits for the cluster (the portal's 5 s are meant for a visitor's search)."""
    backends = {name: dict(config) for name, config in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["TIMEOUT"] = 60
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        call_command("update_index", backend_name="default", verbosity=0)


@pytest.fixture
def search_index(live_node, home):
    """Empty test indices with Wagtail's mapping; pages saved in the test are indexed live."""
    delete_test_indices()
    update_index()
    yield get_search_backend()
    delete_test_indices()


def refresh():
    """Make what was just indexed searchable (the node refreshes every second by itself)."""
    get_search_backend().get_index_for_model(Page).refresh()
