"""Benchmark helpers (``make bench``): bulk page seeding and in-process measurement.

Bench-only: ``bulk_add_children`` writes page rows directly (computed tree paths, no
revisions, no reference index, no signals), which is fine for a throw-away database and
nothing else.
"""

import gzip
import itertools
import resource
import statistics
import time
import tracemalloc
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client

from wagtail.models import Page


def bulk_add_children(parent, pages, batch_size=500):
    """Insert unsaved specific ``pages`` as live children of ``parent`` in bulk."""
    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    start = parent.numchild
    for n, page in enumerate(pages, start=start + 1):
        page.path = model._get_path(parent.path, parent.depth + 1, n)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.live = True
        page.draft_title = page.title
    base_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    rows = [Page(**{f.attname: getattr(p, f.attname) for f in base_fields}) for p in pages]
    Page.objects.bulk_create(rows, batch_size=batch_size)
    if rows[0].pk is None:  # a database without RETURNING
        by_path = dict(Page.objects.filter(path__startswith=parent.path).values_list("path", "id"))
        for row in rows:
            row.pk = by_path[row.path]
    for page, row in zip(pages, rows, strict=True):
        page.page_ptr_id = page.pk = row.pk
    # Every concrete class between Page and the model gets its row (one level here).
    local = list(model._meta.local_concrete_fields)
    for offset in range(0, len(pages), batch_size):
        model._base_manager._insert(pages[offset : offset + batch_size], fields=local)
    parent.numchild = start + len(pages)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)
    return pages


def percentile(sorted_values, share):
    return sorted_values[max(0, int(len(sorted_values) * share + 0.5) - 1)]


# A parameter value that ``measure`` replaces with a new number on every request, so that a
# cache keyed by the URL (the HSDS API's answers) misses every time.
EACH_REQUEST = object()


def measure(url, params=None, requests=30, client=None, warmup=3):
    """Median/p95 server time, queries and gzip bytes of one request, peak memory.

    The client sends ``Accept-Encoding: gzip`` so the size is what a browser receives.
    """
    client = client or Client()
    fixed = params or {}
    numbers = itertools.count()

    def fresh():
        return {k: next(numbers) if v is EACH_REQUEST else v for k, v in fixed.items()}

    headers = {"HTTP_ACCEPT_ENCODING": "gzip"}
    for _ in range(warmup):
        response = client.get(url, fresh(), **headers)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    executed = []

    def count(execute, sql, sql_params, many, context):
        executed.append(sql)
        return execute(sql, sql_params, many, context)

    with connection.execute_wrapper(count):
        response = client.get(url, fresh(), **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        answer = client.get(url, fresh(), **headers)
        if answer.streaming:
            b"".join(answer.streaming_content)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    tracemalloc.start()
    client.get(url, fresh(), **headers)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    encoded = response.get("Content-Encoding") == "gzip"
    return {
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "queries": len(executed),
        "gzip_bytes": len(body) if encoded else len(gzip.compress(body)),
        "peak_request_kib": round(peak / 1024),
        "max_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def rewrite_marked(path, name, build):
    """Replace the text between ``<!-- name:start -->`` and ``<!-- name:end -->`` in the
    Markdown file ``path`` by ``build(old_text)``; a missing file or section is created."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text() if path.exists() else ""
    if start not in text:
        text += f"\n{start}\n{end}\n"
    head, rest = text.split(start, 1)
    old, tail = rest.split(end, 1)
    path.write_text(f"{head}{start}\n{build(old).strip()}\n{end}{tail}")
