"""``/healthz``: 200 with both parts ok, 503 when the database or the search engine is down."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]


def test_health_ok(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "search": "ok"}
    assert "no-cache" in response["Cache-Control"]


@override_settings(
    WAGTAILSEARCH_BACKENDS={
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": ["http://127.0.0.1:9"],  # nothing listens on the discard port
            "INDEX_PREFIX": "kimtest_",
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
            "AUTO_UPDATE": False,
        }
    }
)
def test_health_503_when_search_engine_is_down(db, client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "search": "error"}


def _run_portal(code, **env):
    """Run ``code`` in a fresh interpreter with the portal's test settings and ``env``."""
    full_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", **env}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_health_503_when_database_is_down():
    code = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz');"
        "print(r.status_code, r.content.decode())"
    )
    result = _run_portal(code, DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    status, body = result.stdout.strip().split(" ", 1)
    assert status == "503", result.stderr
    assert json.loads(body) == {"database": "error", "search": "unknown"}
    assert "Traceback" not in result.stdout


def test_pages_answer_503_without_traceback_when_database_is_down():
    code = (
        "import django; django.setup();"
        "from django.test import Client;"
        "c = Client(raise_request_exception=False);"
        "[print(u, r.status_code, r['Retry-After'], 'Traceback' in r.content.decode(),"
        " 'kim@kreis-mettmann.de' in r.content.decode())"
        " for u in ['/de/', '/de/suche/?q=x', '/ar/beratung/'] for r in [c.get(u)]]"
    )
    result = _run_portal(code, DATABASE_URL="postgres://nobody@127.0.0.1:1/none")
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3, result.stderr
    for line in lines:
        _url, status, retry, traceback, contact = line.split()
        assert (status, retry, traceback, contact) == ("503", "60", "False", "True")
