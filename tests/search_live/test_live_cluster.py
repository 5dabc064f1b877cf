"""Two nodes on loopback, one index of one primary and one replica: one node is killed in
the middle of a run of searches, and every search still answers from the cluster."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from django.conf import settings
from django.test import override_settings

from home.factories import ContentPageFactory

from .conftest import node_get, refresh, update_index
from .test_live_search import results

pytestmark = pytest.mark.opensearch

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "opensearch.sh"
INDEX = "kimtest_wagtailcore_page"


def _wait_for(check, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(1)
    pytest.fail(f"{what} within {seconds}s")


@pytest.fixture
def second_node(live_node):
    port = int(settings.SEARCH_URL.rsplit(":", 1)[1].split("/")[0])
    env = {**os.environ, "OPENSEARCH_PORT": str(port), "OPENSEARCH_START_TIMEOUT": "180"}
    started = subprocess.run(
        ["bash", str(SCRIPT), "start", "node2"], env=env, capture_output=True, text=True
    )
    assert started.returncode == 0, started.stdout + started.stderr
    _wait_for(
        lambda: node_get("/_cluster/health")["number_of_nodes"] == 2, 90, "node2 joins the cluster"
    )
    yield f"http://127.0.0.1:{port + 1}"
    subprocess.run(["bash", str(SCRIPT), "stop", "node2"], env=env, check=False)


def _pid(node):
    """The node's pid as the script recorded it (its folder may be a mirror under /tmp)."""
    found = subprocess.run(["bash", str(SCRIPT), "pid", node], capture_output=True, text=True)
    assert found.returncode == 0, f"{node} is not running: {found.stderr}"
    return int(found.stdout)


def _shards():
    rows = node_get(f"/_cat/shards/{INDEX}?format=json")
    return {(row["prirep"], row["node"], row["state"]) for row in rows}


def test_search_keeps_answering_when_a_node_is_killed(second_node, search_index, home, client_for):
    pages = [
        ContentPageFactory(parent=home, title=f"Sprachcafé {n} Hilden", slug=f"cafe-{n}")
        for n in range(20)
    ]
    update_index()
    refresh()
    _wait_for(
        lambda: node_get(f"/_cluster/health/{INDEX}")["status"] == "green",
        60,
        "the replica is assigned",
    )
    shards = _shards()
    assert {node for _kind, node, _state in shards} == {"node1", "node2"}, shards
    backends = {name: dict(config) for name, config in settings.WAGTAILSEARCH_BACKENDS.items()}
    backends["default"]["URLS"] = [settings.SEARCH_URL, second_node]
    member = client_for("member_b")  # a member's pages are never cached: every search is real
    answered = []
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        for run in range(30):
            if run == 10:
                os.kill(_pid("node2"), signal.SIGKILL)
            started = time.monotonic()
            response = member.get("/de/suche/", {"q": "Sprachcafé Hilden"})
            html = response.content.decode()
            answered.append(time.monotonic() - started)
            assert response.status_code == 200, run
            assert "vereinfachten Modus" not in html, f"search {run} fell back to the database"
            assert "20 Ergebnisse" in html and pages[0].url.rsplit("-", 1)[0] in results(html), run
    health = node_get(f"/_cluster/health/{INDEX}")
    assert health["number_of_nodes"] == 1 and health["status"] in {"yellow", "green"}
    print(  # figures for docs/search.md
        f"shards before: {sorted(shards)}; searches: {len(answered)}, "
        f"slowest {max(answered):.2f}s, after the kill {max(answered[10:]):.2f}s"
    )
