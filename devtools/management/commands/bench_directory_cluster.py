"""``manage.py bench_directory_cluster``: the directory's in-process matcher against the
OpenSearch-backed variant (``services_directory.cluster``) at N services (issue 19, part 5).

The judged needs (``tests/services_directory/needs.json``) name services of the demo
directory. To judge at scale, the command seeds the demo directory and then N example
services as **distractors** under the same directory, with the bench's bulk fast path: in
ten towns outside the district ("Beispielstadt …") and of eight service types the need
vocabulary does not name, with the bench's sentences as text ("Migrationsberatung zu
Aufenthalt, Arbeit und Integrationskurs", "Hilfe bei der Ausbildungsplatzsuche", …) and
two of the portal's languages besides German. They compete with the judged services on
words and on the languages they speak, never on the vocabulary's types or on a language a
need asks for alone (Tigrinya, Kurmanji, Dari), so the judged answers stay right.
Then, for both engines: recall@5 and MRR over the judged needs, the time per need,
median/p95 of the bench's three-word query with two filters (``bench_directory.PARAMS``,
but a town of the distractors) and of the same with facet counts, and the time to build
each index. Meant for a throw-away database (``make bench-directory-cluster``) and a node
started by ``make opensearch``.
"""

import json
import resource
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.management.base import BaseCommand, CommandError
from django.test import RequestFactory

from wagtail.models import Locale, Page

from devtools.bench import percentile, rewrite_marked
from devtools.management.commands.bench_directory import PARAMS, bench_home, seed_services
from services_directory import cluster, directory, evaluation, matching
from services_directory.models import ServicePage
from services_directory.text import fold

NEEDS = Path(settings.BASE_DIR) / "tests" / "services_directory" / "needs.json"
QUARTERS = ["Nord", "Süd", "Ost", "West", "Mitte"]
DISTRACTOR_TOWNS = [f"Beispiel{kind} {name}" for kind in ("stadt", "dorf") for name in QUARTERS]
# The portal's seven languages: no distractor speaks Tigrinya or Kurmanji, which judged needs
# ask for by name alone (a distractor speaking them would be a right answer).
DISTRACTOR_LANGUAGES = ["de", "en", "ar", "fa", "tr", "uk", "ru"]
DISTRACTOR_TYPES = [
    "Stadtteilbüro",
    "Bürgerbüro",
    "Seniorentreff",
    "Nachbarschaftszentrum",
    "Sportverein",
    "Bibliothek",
    "Familienzentrum Beispiel",
    "Quartiersbüro",
]


class Command(BaseCommand):
    help = "Judged needs and latency: in-process directory matcher vs. OpenSearch (docs/search.md)."

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=10_000, help="distractors to seed")
        parser.add_argument("--requests", type=int, default=30)
        parser.add_argument(
            "--url", default="", help="OpenSearch URL (default SEARCH_URL or :9200)"
        )
        parser.add_argument("--prefix", default="kimbench_", help="index name prefix")
        parser.add_argument("--json", default="", help="write the figures to this file")
        parser.add_argument(
            "--docs", default="", help="Markdown file whose cluster table to update"
        )
        parser.add_argument("--force", action="store_true")

    def handle(self, *args, services, requests, url, prefix, json, docs, force, **options):
        if Page.objects.filter(depth__gt=2).exists() and not force:
            raise CommandError("This database already has content; the bench needs a fresh one.")
        node = cluster.Cluster(url or settings.SEARCH_URL or "http://127.0.0.1:9200", prefix)
        try:
            version = node.request("GET", "/")["version"]["number"]
        except cluster.ClusterError as error:
            raise CommandError(
                f"no OpenSearch node: {error} (make opensearch starts one)"
            ) from None
        started = time.perf_counter()
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        target = evaluation.load_demo_directory(bench_home())
        target = type(target).objects.get(pk=target.pk)  # numchild after the demo's services
        seed_services(
            target,
            services,
            index=False,
            log=self.stdout.write,
            town_names=DISTRACTOR_TOWNS,
            type_names=DISTRACTOR_TYPES,
            languages=DISTRACTOR_LANGUAGES,
        )
        figures = {
            "services": ServicePage.objects.live().count(),
            "distractors": services,
            "opensearch": version,
            "seed_seconds": round(time.perf_counter() - started, 1),
        }
        self.stdout.write(f"seeded {figures['services']} services in {figures['seed_seconds']} s")
        started = time.perf_counter()
        index = directory.get_index()
        figures["in_process"] = {"index_seconds": round(time.perf_counter() - started, 1)}
        started = time.perf_counter()
        sent = cluster.build(node, index)
        figures["cluster"] = {
            "index_seconds": round(time.perf_counter() - started, 1),
            "documents": sent,
        }
        self.stdout.write(f"indexed {sent} services on the node")
        needs = evaluation.load_needs(NEEDS)
        engines = {"in_process": evaluation.in_process, "cluster": cluster.judge(node)}
        for name, find in engines.items():
            timings = []
            outcomes = evaluation.evaluate(needs, target, find=timed(find, timings))
            overall = evaluation.metrics(outcomes)["all"]
            figures[name].update(
                {
                    "recall@5": round(overall["recall@5"], 3),
                    "mrr": round(overall["mrr"], 3),
                    "zero": round(overall["zero"], 3),
                    "ineligible": overall["ineligible"],
                    "need": spread(timings),
                }
            )
        figures["in_process"].update(local_latency(index, target, requests))
        figures["cluster"].update(node_latency(node, index, target, requests))
        figures["max_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        node.request("DELETE", f"/{node.index}")
        node.close()
        self.stdout.write(dumps(figures))
        if json:
            Path(json).write_text(dumps(figures))
        if docs:
            rewrite_marked(Path(docs), "cluster", lambda old: table(old, figures))


def timed(find, timings):
    def wrapper(*args):
        started = time.perf_counter()
        result = find(*args)
        timings.append((time.perf_counter() - started) * 1000)
        return result

    return wrapper


def spread(timings):
    timings = sorted(timings)
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
    }


def repeat(call, requests, warmup=3):
    for _ in range(warmup):
        call()
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return spread(timings)


def _bench_query(index):
    """The bench's three words with a town of the distractors (a tenth of them) and Arabic:
    the filters leave thousands of candidates at scale, not the demo's few."""
    town = index.by_slug["town"][fold(DISTRACTOR_TOWNS[0]).replace(" ", "-")]
    return PARAMS["q"], {"town": [town], "language": [PARAMS["language"]]}


def local_latency(index, target, requests):
    """The matcher alone (query + 2 filters), and ``directory.find`` with facet counts
    (which also reads the visitor's visible ids: one SQL query)."""
    query, filters = _bench_query(index)
    candidates = set(ServicePage.objects.child_of(target).live().values_list("id", flat=True))
    factory = RequestFactory()

    def facets():
        request = factory.get("/")
        request.user = AnonymousUser()
        selection = directory.Selection(
            query=query, facets={k: list(v) for k, v in filters.items()}
        )
        directory.find(request, target, selection)

    return {
        "query": repeat(lambda: matching.search(index, query, ids=candidates, **filters), requests),
        "facets": repeat(facets, requests),
    }


def node_latency(node, index, target, requests):
    """One request to the node each: ranked ids (query + 2 filters); the same with counts."""
    query, filters = _bench_query(index)
    candidates = set(ServicePage.objects.child_of(target).live().values_list("id", flat=True))

    def ask(counts):
        return cluster.search(
            node, index, query, locale="de", ids=candidates, size=20, counts=counts, **filters
        )

    return {
        "query": repeat(lambda: ask(False), requests),
        "facets": repeat(lambda: ask(True), requests),
    }


def dumps(data):
    return json.dumps(data, indent=2, ensure_ascii=False)


HEADER = [
    "| services | engine | recall@5 | MRR | per need median / p95 ms | query + 2 filters "
    "median / p95 ms | with facet counts median / p95 ms | index build s |",
    "|---:|---|---:|---:|---:|---:|---:|---:|",
]
ENGINES = {"in_process": "in-process matcher", "cluster": "OpenSearch"}


def table(old, figures):
    """The cluster table with this run's rows (same service count replaced)."""
    count = figures["services"]
    rows = [
        line
        for line in old.strip().splitlines()
        if line.startswith("|") and line not in HEADER and not line.startswith(f"| {count} |")
    ]
    for key, name in ENGINES.items():
        f = figures[key]
        rows.append(
            f"| {count} | {name} | {f['recall@5']:.2f} | {f['mrr']:.2f} "
            f"| {f['need']['median_ms']} / {f['need']['p95_ms']} "
            f"| {f['query']['median_ms']} / {f['query']['p95_ms']} "
            f"| {f['facets']['median_ms']} / {f['facets']['p95_ms']} | {f['index_seconds']} |"
        )
    rows.sort(key=lambda row: int(row.split("|")[1]))
    return "\n".join(HEADER + rows)
