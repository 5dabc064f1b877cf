"""``manage.py bench_http``: every page type over HTTP against a running server (issue #21).

``make bench-http`` seeds a throw-away database with ``bench_site --seed-only --urls …``,
starts gunicorn with the production settings on it and runs this command, which:

- makes a new connection for every request (as a browser's first visit does), sends
  ``Accept-Encoding: gzip`` and reads the whole body;
- interleaves the page types: each round asks for every page type once, in a shuffled
  order, so a noisy neighbour slows all rows alike and the ratios stay comparable;
- has two reference rows: the site's stylesheet (WhiteNoise) and the home page answered
  from the anonymous page cache; every other page gets a query parameter of its own on each
  request (``?bench=<n>``), so the page cache misses and the row is a full rendering;
- writes median and p95 per page type with the ratios to the reference rows, and to the
  bakerydemo medians of issue #10, between the ``bench-http`` markers of docs/performance.md.
"""

import http.client
import json
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError

from devtools.bench import percentile, rewrite_marked

from .bench_site import BAKERY

STATIC = "static file (CSS)"
CACHED = "home, from the page cache"


class Command(BaseCommand):
    help = "Time every page type over HTTP against a running server (docs/performance.md)."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8002")
        parser.add_argument("--urls", required=True, help="The file bench_site --urls wrote")
        parser.add_argument("--rounds", type=int, default=40)
        parser.add_argument("--warmup", type=int, default=3)
        parser.add_argument("--label", default="", help="Row label, e.g. SQLite")
        parser.add_argument("--docs", default="", help="Markdown file whose table to update")
        parser.add_argument("--json", default="", help="Write the figures to this file")

    def handle(self, *args, **options):
        plan = json.loads(Path(options["urls"]).read_text())
        parts = urlsplit(options["base_url"])
        client = HttpClient(parts.hostname, parts.port or 80, plan["session_cookie"])
        pages = [
            {"page": STATIC, "kind": "", "url": plan["static_url"], "bust": False},
            {"page": CACHED, "kind": "home", "url": plan["home_url"], "bust": False},
            *({**page, "bust": True} for page in plan["pages"]),
        ]
        timings = {page["page"]: [] for page in pages}
        for page in pages:  # warm-up (and a check that every URL answers 200)
            for n in range(options["warmup"]):
                client.get(page, f"warm{n}")
        for _ in range(20):  # until every worker has the home page in its cache
            client.misses = 0
            for _ in range(4):
                client.get(pages[1], "warm")
            if not client.misses:
                break
        client.misses = 0
        rng = random.Random(21)  # noqa: S311 (the order of requests, not a secret)
        for round_number in range(options["rounds"]):
            order = pages[:]
            rng.shuffle(order)
            for page in order:
                timings[page["page"]].append(client.get(page, str(round_number)))
            if round_number % 10 == 9:
                self.stdout.write(f"round {round_number + 1} of {options['rounds']}")
        figures = {
            "label": options["label"] or "server",
            "counts": plan["counts"],
            "rounds": options["rounds"],
            "rows": summarise(pages, timings),
            "cache_misses": client.misses,
        }
        self.stdout.write(json.dumps(figures, indent=2, ensure_ascii=False))
        if options["json"]:
            Path(options["json"]).write_text(json.dumps(figures, indent=2, ensure_ascii=False))
        if options["docs"]:
            rewrite_marked(Path(options["docs"]), "bench-http", lambda old: sections(old, figures))


class HttpClient:
    """One new TCP connection per request; returns the milliseconds to the last byte."""

    def __init__(self, host, port, session_cookie):
        self.host, self.port = host, port
        self.cookie = "=".join(session_cookie)
        self.misses = 0

    def get(self, page, bust):
        url = page["url"]
        if page["bust"]:
            url += ("&" if "?" in url else "?") + f"bench={bust}"
        headers = {"Accept-Encoding": "gzip", "Host": f"{self.host}:{self.port}"}
        if page.get("member"):
            headers["Cookie"] = self.cookie
        started = time.perf_counter()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            connection.request("GET", url, headers=headers)
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise CommandError(f"{url} answered {response.status}")
        if page["page"] == CACHED and response.getheader("X-Cache") != "HIT":
            self.misses += 1
        return elapsed


def summarise(pages, timings):
    rows = []
    for page in pages:
        values = sorted(timings[page["page"]])
        rows.append(
            {
                "page": page["page"],
                "kind": page["kind"],
                "median_ms": statistics.median(values),
                "p95_ms": percentile(values, 0.95),
            }
        )
    static, cached = rows[0]["median_ms"], rows[1]["median_ms"]
    for row in rows:
        row["per_static"] = row["median_ms"] / static
        row["per_cached_home"] = row["median_ms"] / cached
        bakery = BAKERY.get(row["kind"]) if row["page"] != STATIC else None
        row["bakerydemo_ms"] = bakery
        row["per_bakerydemo"] = row["median_ms"] / bakery if bakery else None
    return rows


def sections(old, figures):
    label, counts = figures["label"], figures["counts"]
    lines = [
        f"**{label}, over HTTP** — {counts['services']:,} services, {counts['pages']:,} pages; "
        f"{figures['rounds']} interleaved rounds, a new connection per request. "
        f"Python {'.'.join(map(str, sys.version_info[:3]))}; the cached home page missed "
        f"the cache {figures['cache_misses']} times.",
        "",
        "| page | median ms | p95 ms | × static file | × cached home | bakerydemo median ms "
        "(#10) | × bakerydemo |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in figures["rows"]:
        bakery = row["bakerydemo_ms"] or ""
        ratio = f"{row['per_bakerydemo']:.2f}" if row["per_bakerydemo"] else ""
        lines.append(
            f"| {row['page']} | {row['median_ms']:.1f} | {row['p95_ms']:.1f} "
            f"| {row['per_static']:.1f} | {row['per_cached_home']:.1f} | {bakery} | {ratio} |"
        )
    block = "\n".join(lines)
    kept = [
        s.strip() for s in _split(old) if s.strip() and not s.startswith(f"**{label}, over HTTP**")
    ]
    return "\n\n".join(sorted([*kept, block]))


def _split(text):
    import re

    return re.split(r"(?m)^(?=\*\*[^*]+\*\* — )", text.strip())
