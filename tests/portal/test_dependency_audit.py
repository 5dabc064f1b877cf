"""``make audit``: pip-audit fails on a known vulnerability and never passes silently.

The vulnerability service is a small local HTTP server that speaks the OSV query API
(``--osv-url``) and knows one advisory, so the check runs without network access: the
real pip-audit parses the real requirements file and the real OSV answer.
"""

import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from portal.operations.depaudit import UNREACHABLE, VULNERABLE, audit

ROOT = Path(__file__).resolve().parents[2]
ADVISORY = {
    "id": "PYSEC-2022-0001",
    "summary": "SQL injection in an old Django (test advisory)",
    "affected": [
        {
            "package": {"name": "django", "ecosystem": "PyPI"},
            "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "4.0.2"}]}],
        }
    ],
}


class _OSV(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802 (http.server's naming)
        query = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        known = query["package"]["name"] == "django" and query["version"] == "4.0"
        body = json.dumps({"vulns": [ADVISORY]} if known else {}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def osv_url():
    server = HTTPServer(("127.0.0.1", 0), _OSV)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/v1/query"
    server.shutdown()


def _requirements(tmp_path, *lines):
    path = tmp_path / "requirements.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_deliberately_vulnerable_requirement_fails(tmp_path, osv_url):
    code, lines = audit(
        _requirements(tmp_path, "django==4.0", "sqlparse==0.5.3"), osv_url=osv_url, service="osv"
    )
    assert code == VULNERABLE
    assert "VULNERABLE django 4.0: PYSEC-2022-0001 (fixed in 4.0.2)" in lines


def test_clean_requirements_pass(tmp_path, osv_url):
    code, lines = audit(_requirements(tmp_path, "django==5.2.19"), osv_url=osv_url, service="osv")
    assert code == 0
    assert lines[-1] == "No known vulnerabilities."


def test_unreachable_service_is_a_clear_failure_not_a_pass(tmp_path):
    path = _requirements(tmp_path, "django==5.2.19")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "portal.operations.depaudit",
            "-r",
            path,
            "--osv-url",
            "http://127.0.0.1:9/v1/query",
            "--timeout",
            "2",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == UNREACHABLE
    assert "NOT AUDITED" in result.stderr
