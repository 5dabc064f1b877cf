"""Browser suite fixtures: a portal server with a fresh demo database, and Chromium.

The server is a subprocess (``runserver --noreload --insecure``) on a free port with its own
``VAR_DIR``, so these tests never touch the pytest-django test database. Set
``E2E_BASE_URL=http://127.0.0.1:8000`` to run against a server you started yourself.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from .site import DEMO_PASSWORD, MAIL_DIR, REPO, REPORT_DIR, SUMMARY, log_in

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Every action on this local server takes well under a second; fail fast instead of 30 s.
ACTION_TIMEOUT_MS = 10_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_health(url, process, log_path, timeout=90):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"portal server exited ({process.returncode}); see {log_path}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"portal server did not answer {url}/healthz within {timeout} s; see {log_path}")


@pytest.fixture(scope="session")
def portal_url():
    """Base URL of a portal with fresh demo content (migrate + load_demo + runserver).

    Test settings (DEBUG off), its own SQLite database in a temporary VAR_DIR.
    """
    if os.environ.get("E2E_BASE_URL"):
        yield os.environ["E2E_BASE_URL"].rstrip("/")
        return
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    var_dir = tempfile.mkdtemp(prefix="kim-e2e-")
    env = {
        **os.environ,
        # DEBUG off, as in production: the portal's own 404 page instead of Django's
        # technical one. `runserver --insecure` still serves the static files.
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "VAR_DIR": var_dir,
        "DEMO_PASSWORD": DEMO_PASSWORD,
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)  # always a throw-away SQLite database
    shutil.rmtree(MAIL_DIR, ignore_errors=True)
    env["EMAIL_FILE_PATH"] = str(MAIL_DIR)  # journeys read the mails the server sends
    log_path = REPORT_DIR / "server.log"
    manage = [sys.executable, "manage.py"]
    port = _free_port()
    # The Site gets the address served, so the demo's absolute links work in the browser.
    load_demo = ["load_demo", "--force", "--host", "127.0.0.1", "--port", str(port)]
    with log_path.open("w") as log:
        timings = []
        for command in (["migrate", "--noinput"], load_demo):
            started = time.monotonic()
            subprocess.run(  # noqa: S603
                manage + command,
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                check=True,
            )
            timings.append(f"{command[0]} {time.monotonic() - started:.0f} s")
        started = time.monotonic()
        process = subprocess.Popen(  # noqa: S603
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_for_health(url, process, log_path)
            timings.append(f"runserver up {time.monotonic() - started:.0f} s")
            SUMMARY.insert(0, "portal setup: " + ", ".join(timings))
            yield url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
            shutil.rmtree(var_dir, ignore_errors=True)


# pytest-playwright: use Debian's Chromium (never `playwright install`) and our server.
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make e2e` installs Debian's chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(portal_url):
    return portal_url


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, portal_url):
    return {**browser_context_args, "base_url": portal_url, "locale": "de-DE"}


@pytest.fixture(scope="session")
def member_state(browser, browser_context_args):
    """Storage state (cookies) of each demo member, logged in once per run."""
    states = {}

    def state_for(username):
        if username not in states:
            context = browser.new_context(**browser_context_args)
            page = context.new_page()
            log_in(page, username)
            states[username] = context.storage_state()
            context.close()
        return states[username]

    return state_for


@pytest.fixture
def open_context(new_context, member_state):
    """``open_context(login=None, **options)``: a fresh browser context, closed afterwards.

    Wraps pytest-playwright's ``new_context`` (which keeps its tracing/screenshot options);
    ``login`` names a demo member whose session the context starts with.
    """

    def make(login=None, **options):
        if login:
            options["storage_state"] = member_state(login)
        context = new_context(**options)
        context.set_default_timeout(ACTION_TIMEOUT_MS)
        return context

    return make


@pytest.fixture
def context(open_context):
    return open_context()


def pytest_terminal_summary(terminalreporter):
    if SUMMARY:
        terminalreporter.section("browser suite results")
        for line in SUMMARY:
            terminalreporter.write_line(line)
