"""The portal recovers by itself when the database comes back: no restart, no cached failure.

A fresh portal process starts with its SQLite database in a folder that does not exist yet
(every connection fails, as with a database server that is down) and answers 503. Then the
database appears — a copy of the migrated test database — and the very same process
answers from it again.
"""

import json
import sqlite3

import pytest

from django.db import connection

from tests.portal.test_health import _run_portal

CODE = """
import django, json, os, shutil
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
def probe():
    health = client.get('/healthz')
    return [health.status_code, json.loads(health.content), client.get('/de/').status_code]
down = probe()
os.makedirs(os.path.dirname(TARGET))
shutil.copyfile(READY, TARGET)  # the database is back
print(json.dumps({'down': down, 'back': probe()}))
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="copies the SQLite test database")
def test_portal_recovers_when_the_database_returns(db, tmp_path):
    ready = tmp_path / "migrated.sqlite3"
    connection.ensure_connection()
    with sqlite3.connect(ready) as copy:
        connection.connection.backup(copy)  # schema and Wagtail's initial rows
    target = tmp_path / "noch-nicht-da" / "kim.sqlite3"
    code = f"READY, TARGET = {str(ready)!r}, {str(target)!r}\n" + CODE
    result = _run_portal(code, DATABASE_URL=f"sqlite:///{target}")
    assert result.returncode == 0, result.stderr
    states = json.loads(result.stdout.strip().splitlines()[-1])
    assert states["down"] == [503, {"database": "error", "search": "unknown"}, 503]
    # Pages come from the database again (Wagtail's initial welcome page).
    assert states["back"] == [200, {"database": "ok", "search": "ok"}, 200]
