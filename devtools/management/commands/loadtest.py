"""``manage.py loadtest prepare|publish|report``: the server side of ``make loadtest``.

- ``prepare`` puts a secret marker into a demo workspace (a published meeting whose title and
  minutes carry it) and writes ``var/loadtest.json`` for the locustfile: the marker, the
  workspace and meeting URLs, and the member login that may read them.
- ``publish`` is the editor in the mix: it saves a new revision of a public content page and
  publishes it, which invalidates every cached page while the visitors keep coming.
- ``report`` reads locust's CSV files, writes the figures into ``docs/performance.md`` and
  fails when any anonymous response carried the marker or the error rate exceeds 1 %.
"""

import csv
import json
import secrets
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from devtools.bench import rewrite_marked
from groups.factories import create_meeting
from groups.models import MeetingPage, WorkspacePage
from home.models import ContentPage
from portal.demo import demo_password

STATE = Path("var/loadtest.json")
LEAK = "LEAK"


class Command(BaseCommand):
    help = "Prepare, drive and report the load test (see docs/performance.md)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["prepare", "publish", "report"])
        parser.add_argument("--csv", default="var/loadtest", help="locust --csv prefix")
        parser.add_argument("--docs", default="docs/performance.md")
        parser.add_argument("--label", default="")

    def handle(self, *args, action, **options):
        getattr(self, action)(**options)

    def prepare(self, **options):
        workspace = WorkspacePage.objects.filter(slug="lenkungsgruppe").first()
        if workspace is None:
            raise CommandError("No demo workspace: run `manage.py load_demo --force` first.")
        marker = f"GEHEIM-LOADTEST-{secrets.token_hex(6)}"
        meeting = workspace.get_children().filter(slug="loadtest-marker").first()
        if meeting is None:
            meeting = create_meeting(
                workspace, title=marker, slug="loadtest-marker", start=timezone.now(), place=marker
            )
        meeting = MeetingPage.objects.get(pk=meeting.pk)
        meeting.title = marker
        meeting.place = marker
        meeting.save_revision().publish()
        STATE.parent.mkdir(exist_ok=True)
        STATE.write_text(
            json.dumps(
                {
                    "marker": marker,
                    "workspace_url": workspace.url,
                    "meeting_url": meeting.url,
                    "member": {"username": "lenkung", "password": demo_password()},
                },
                indent=2,
            )
        )
        self.stdout.write(f"marker {marker} in {meeting.url}")

    def publish(self, **options):
        page = ContentPage.objects.live().filter(locale__language_code="de").first()
        if page is None:
            raise CommandError("No public content page to publish.")
        page.seo_title = f"{page.title} ({timezone.now():%H:%M:%S})"[:70]
        page.save_revision(log_action=True).publish()
        self.stdout.write(f"published {page.url}")

    def report(self, csv, docs, label, **options):
        stats = list(_rows(Path(f"{csv}_stats.csv")))
        failures = list(_rows(Path(f"{csv}_failures.csv")))
        total = next(r for r in stats if r["Name"] == "Aggregated")
        requests, failed = int(total["Request Count"]), int(total["Failure Count"])
        leaks = sum(int(r["Occurrences"]) for r in failures if LEAK in r["Error"])
        lines = [
            f"{label}".strip(),
            "",
            "| request | count | failures | median ms | p95 ms | p99 ms | req/s |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for row in stats:
            lines.append(
                f"| {row['Type']} {row['Name']} | {row['Request Count']} | {row['Failure Count']} "
                f"| {row['Median Response Time']} | {row['95%']} | {row['99%']} "
                f"| {float(row['Requests/s']):.1f} |"
            )
        error_rate = failed / requests if requests else 1.0
        lines += [
            "",
            f"Error rate {error_rate:.2%}; responses to anonymous visitors carrying the "
            f"workspace marker: **{leaks}**.",
        ]
        for row in failures:
            lines.append(
                f"- failure: {row['Method']} {row['Name']}: {row['Error']} ×{row['Occurrences']}"
            )
        rewrite_marked(Path(docs), "loadtest", lambda _old: "\n".join(lines))
        self.stdout.write("\n".join(lines))
        if leaks:
            raise CommandError(f"{leaks} anonymous responses contained the workspace marker")
        if error_rate > 0.01:
            raise CommandError(f"error rate {error_rate:.2%} is above 1 %")


def _rows(path):
    if not path.exists():
        raise CommandError(f"{path} is missing: did locust run?")
    with path.open(newline="") as handle:
        yield from csv.DictReader(handle)
