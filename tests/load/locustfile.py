"""The load-test mix (``make loadtest``): anonymous browsing, directory searches with facets,
members reading their workspace, and an editor publishing meanwhile.

Every response to an anonymous visitor is checked for the secret marker that
``manage.py loadtest prepare`` put into a workspace; a hit is recorded as a failure named
``LEAK``, which makes ``manage.py loadtest report`` (and so ``make loadtest``) fail.
"""

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from locust import HttpUser, between, events, task

STATE = json.loads(Path("var/loadtest.json").read_text())
MARKER = STATE["marker"]
QUERIES = ["Beratung", "Ausbildung", "Geflüchtete", "Sprache", "Aufenthalt", "Familie", ""]
TOWNS = ["erkrath", "haan", "heiligenhaus", "hilden", "langenfeld", "mettmann"]
TOWNS += ["monheim-am-rhein", "ratingen", "velbert", "wuelfrath"]
LANGUAGES = ["ar", "fa", "tr", "uk", "ru", "en"]
PUBLIC_URLS = []


def public_urls(client):
    """The German pages of the public sitemap (fetched once per load-test process)."""
    if not PUBLIC_URLS:
        xml = client.get("/sitemap.xml", name="/sitemap.xml").text
        PUBLIC_URLS.extend(
            re.sub(r"^https?://[^/]+", "", url)
            for url in re.findall(r"<loc>([^<]+)</loc>", xml)
            if "/de/" in url
        )
    return PUBLIC_URLS


class AnonymousMixin:
    def get_checked(self, url, **kwargs):
        with self.client.get(url, catch_response=True, **kwargs) as response:
            if MARKER in response.text:
                response.failure(f"LEAK: workspace marker in the answer to {url}")
            elif response.status_code >= 400:
                response.failure(f"status {response.status_code}")
            else:
                response.success()


class Visitor(AnonymousMixin, HttpUser):
    """Reads public pages from the sitemap, as a visitor following links would."""

    weight = 6
    wait_time = between(0.5, 2)

    @task
    def browse(self):
        urls = public_urls(self.client)
        url = random.choice(urls) if urls else "/de/"
        self.get_checked(url, name="public page (from the sitemap)")

    @task
    def site_search(self):
        self.get_checked(f"/de/suche/?q={random.choice(QUERIES[:-1])}", name="/de/suche/?q=…")


class DirectoryUser(AnonymousMixin, HttpUser):
    """A multiplier narrowing the directory down: query, town, language, age."""

    weight = 3
    wait_time = between(0.5, 2)

    @task
    def search(self):
        params = {"q": random.choice(QUERIES), "town": random.choice(TOWNS)}
        if random.random() < 0.5:
            params["language"] = random.choice(LANGUAGES)
        if random.random() < 0.3:
            params["age"] = random.choice([16, 19, 35, 60])
        self.get_checked("/de/beratung/", params=params, name="/de/beratung/?q&town&…")


class Member(HttpUser):
    """A steering-group member reading the workspace (and the marker meeting in it)."""

    weight = 1
    wait_time = between(1, 3)

    def on_start(self):
        login = self.client.get("/de/anmelden/", name="/de/anmelden/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
        member = STATE["member"]
        self.client.post(
            "/de/anmelden/",
            {
                "username": member["username"],
                "password": member["password"],
                "csrfmiddlewaretoken": token,
            },
            headers={"Referer": f"{self.host}/de/anmelden/"},
            name="/de/anmelden/ (POST)",
        )

    @task(3)
    def workspace(self):
        with self.client.get(
            STATE["workspace_url"], catch_response=True, name="workspace (member)"
        ) as response:
            if MARKER not in response.text:
                response.failure("the member does not see the workspace's meeting")

    @task(1)
    def meeting(self):
        self.client.get(STATE["meeting_url"], name="meeting (member)")


class Editor(HttpUser):
    """Publishes a public page every few seconds (a new revision, cache invalidated)."""

    weight = 1
    fixed_count = 1
    wait_time = between(4, 6)

    @task
    def publish(self):
        started = time.perf_counter()
        result = subprocess.run(  # noqa: S603 (our own management command)
            [sys.executable, "manage.py", "loadtest", "publish"],
            capture_output=True,
            text=True,
            env=os.environ.copy(),
            check=False,
        )
        events.request.fire(
            request_type="CMD",
            name="editor publishes a page",
            response_time=(time.perf_counter() - started) * 1000,
            response_length=0,
            exception=None if result.returncode == 0 else RuntimeError(result.stderr[-300:]),
            context={},
        )
