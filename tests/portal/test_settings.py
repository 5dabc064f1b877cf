"""Production settings refuse to start without their secrets; configuration by environment."""

import pytest

from tests.portal.test_health import _run_portal

SETUP = "import django; django.setup(); print('started')"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SECRET_KEY": "", "ALLOWED_HOSTS": "kim.example.org"}, "SECRET_KEY must be set"),
        ({"SECRET_KEY": "abcdefgh" * 8, "ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS must be set"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "kim.example.org"}, "at least 50"),
        ({"SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "kim.example.org"}, "at least 50"),
    ],
)
def test_production_refuses_to_start_without_secrets(env, message):
    result = _run_portal(SETUP, DJANGO_SETTINGS_MODULE="portal.settings.production", **env)
    assert result.returncode != 0
    assert message in result.stderr
    assert "started" not in result.stdout


def test_production_starts_when_configured():
    result = _run_portal(
        SETUP,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="k3y-R4nd0m-" * 6,
        ALLOWED_HOSTS="kim.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "wagtail.search.backends.database"),
        (
            {"SEARCH_URL": "http://search:9200", "SEARCH_ENGINE": "elasticsearch8"},
            "wagtail.search.backends.elasticsearch8",
        ),
    ],
)
def test_search_backend_follows_environment(env, expected):
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'],"
        " sorted(settings.WAGTAILSEARCH_BACKENDS))"
    )
    result = _run_portal(code, **{"SEARCH_URL": "", **env})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(expected)
    if env:
        assert "'fallback'" in result.stdout


def test_unknown_search_engine_is_a_clear_error():
    result = _run_portal(SETUP, SEARCH_URL="http://search:9200", SEARCH_ENGINE="solr")
    assert result.returncode != 0
    assert "SEARCH_ENGINE must be one of" in result.stderr


def test_postgres_uses_the_german_search_config():
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.WAGTAILSEARCH_BACKENDS['default'].get('SEARCH_CONFIG'))"
    )
    result = _run_portal(code, DATABASE_URL="postgres://root@127.0.0.1:5432/kim", SEARCH_URL="")
    assert result.stdout.strip() == "german", result.stderr


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "k3y-R4nd0m-" * 6,
    "ALLOWED_HOSTS": "kim.example.org",
    "DATABASE_URL": "postgres://root@127.0.0.1:5432/postgres",
}
POOL_PROBE = (
    "import django; django.setup(); from django.conf import settings;"
    "from django.db import connection;"
    "connection.cursor().execute('SELECT 1');"
    "print(settings.DATABASES['default']['CONN_MAX_AGE'], type(connection.pool).__name__,"
    " connection.pool.max_size)"
)


def test_production_borrows_postgres_connections_from_a_pool():
    result = _run_portal(POOL_PROBE, **PRODUCTION, DB_POOL_MAX_SIZE="5")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "ConnectionPool", "5"]


def test_production_pool_can_be_switched_off_for_pgbouncer():
    code = "import django; django.setup(); from django.conf import settings;"
    code += "print(settings.DATABASES['default'].get('OPTIONS', {}).get('pool'))"
    result = _run_portal(code, **PRODUCTION, DB_POOL_MAX_SIZE="0")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "None"


SQLITE_PROBE = (
    "import django; django.setup(); from django.conf import settings;"
    "print(settings.DATABASES['default']['CONN_MAX_AGE'])"
)


def test_production_on_sqlite_keeps_connections(tmp_path):
    """A new SQLite connection parses the schema on its first query (issue #21)."""
    sqlite = {**PRODUCTION, "DATABASE_URL": f"sqlite:///{tmp_path / 'kim.sqlite3'}"}
    result = _run_portal(SQLITE_PROBE, **sqlite)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "60"
    result = _run_portal(SQLITE_PROBE, **sqlite, CONN_MAX_AGE="0")
    assert result.stdout.strip() == "0", result.stderr
