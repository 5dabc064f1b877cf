"""``manage.py bench_site``: every public page type, with demo-sized data scaled up.

Seeds a throw-away database (``make bench`` makes one per database engine) with a site
shaped like the portal: home, a content page, the directory with N services, a handbook, a
publication list with P publications, W workspaces with M meetings in all. Then it times
each page type in-process through Django's test client (server time only, as the floor
and the limit rows are), with the anonymous page cache off, and once more with it on.
Writes the table between the bench markers of ``docs/performance.md``.
"""

import datetime
import json
import random
import re
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from wagtail.models import Locale, Page, Site

from devtools.bench import EACH_REQUEST, bulk_add_children, measure, rewrite_marked
from devtools.management.commands.bench_directory import seed_services
from groups.factories import WorkspaceIndexPageFactory, WorkspacePageFactory, new_meeting
from groups.models import ActionItem, Decision, MeetingPage, WorkspacePage
from home.events.factories import EventIndexPageFactory, EventPageFactory
from home.events.models import EventPage, Registration
from home.factories import (
    ContentPageFactory,
    HandbookChapterPageFactory,
    HandbookEditionPageFactory,
    HandbookPageFactory,
    HomePageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
)
from home.models import PublicationPage
from portal.models import PortalSettings
from services_directory.factories import ServiceDirectoryPageFactory

# Wagtail's bakerydemo on this kind of machine (issue #10), by kind of page.
BAKERY = {"home": 31, "listing": 24, "detail": 13, "search": 31}
PARAGRAPH = (
    "Das Kommunale Integrationsmanagement verbindet die zehn Städte des Kreises mit den "
    "Beratungsdiensten für Zugewanderte (Beispieltext). "
)


def _with_page(child, page):
    child.page_id, child.sort_order = page.pk, 0
    return child


def body(headings, words=60):
    blocks = []
    for heading in headings:
        blocks.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        blocks.append({"type": "paragraph", "value": f"<p>{PARAGRAPH * (words // 20)}</p>"})
    return json.dumps(blocks)


class Command(BaseCommand):
    help = "Seed a scaled-up example site and time every page type (docs/performance.md)."

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=10_000)
        parser.add_argument("--workspaces", type=int, default=200)
        parser.add_argument("--meetings", type=int, default=5_000)
        parser.add_argument("--publications", type=int, default=500)
        parser.add_argument("--events", type=int, default=1_000)
        parser.add_argument("--registrations", type=int, default=20_000)
        parser.add_argument("--requests", type=int, default=30)
        parser.add_argument("--label", default=None, help="Row label, e.g. SQLite")
        parser.add_argument("--docs", default="", help="Markdown file whose table to update")
        parser.add_argument("--json", default="", help="Write the figures to this file")
        parser.add_argument("--force", action="store_true")
        parser.add_argument(
            "--seed-only",
            action="store_true",
            help="Seed, write --urls and stop (make bench-http measures over HTTP)",
        )
        parser.add_argument("--urls", default="", help="Write each page type's URL to this file")

    def handle(self, *args, **options):
        if Page.objects.filter(depth__gt=2).exists() and not options["force"]:
            raise CommandError("This database already has pages; bench needs a fresh one.")
        label = options["label"] or connection.vendor
        started = time.perf_counter()
        site = self.seed(options)
        seeded = round(time.perf_counter() - started, 1)
        self.stdout.write(f"seeded in {seeded} s")
        if options["urls"]:
            Path(options["urls"]).write_text(
                json.dumps(self.http_plan(site, seeded), indent=2, ensure_ascii=False)
            )
        if options["seed_only"]:
            return
        figures = {"label": label, "seed_seconds": seeded, "counts": site["counts"]}
        figures["rows"] = self.measure_all(site, options["requests"])
        self.stdout.write(json.dumps(figures, indent=2, ensure_ascii=False))
        if options["json"]:
            Path(options["json"]).write_text(json.dumps(figures, indent=2, ensure_ascii=False))
        if options["docs"]:
            update_docs(Path(options["docs"]), figures)

    # --- seeding ----------------------------------------------------------------------------

    def seed(self, options):
        rng = random.Random(7)  # noqa: S311 (reproducible example data)
        root = Page.get_first_root_node()
        Page.objects.filter(depth=2).delete()  # Wagtail's welcome page
        root.refresh_from_db()
        home = HomePageFactory(parent=root, locale=Locale.get_default())
        Site.objects.all().delete()
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
        PortalSettings.for_site(site)
        content = ContentPageFactory(
            parent=home,
            title="Über KIM",
            slug="ueber-kim",
            show_in_menus=True,
            body=body(["Bausteine", "Lenkungsgruppe", "Projektgruppen"], words=200),
        )

        directory = ServiceDirectoryPageFactory(parent=home, show_in_menus=True)
        seed_services(
            directory,
            options["services"],
            index=connection.vendor == "postgresql",
            log=self.stdout.write,
        )
        directory.refresh_from_db()
        service = directory.get_children().live().last()

        book = HandbookPageFactory(parent=home, show_in_menus=True)
        edition = HandbookEditionPageFactory(parent=book, edition_number=1, title="Ausgabe 1")
        chapters = [
            HandbookChapterPageFactory(
                parent=edition,
                title=f"Kapitel {n}",
                slug=f"kapitel-{n}",
                body=body([f"Abschnitt {n}.1", f"Abschnitt {n}.2"], words=300),
            )
            for n in range(1, 13)
        ]

        index = PublicationIndexPageFactory(parent=home, show_in_menus=True)
        kinds = ["report", "flyer", "form"]
        topics = ["konzept", "beratung", "aufenthalt"]
        # Built (not saved) by the page type's factory, then inserted in bulk.
        bulk_add_children(
            index,
            [
                PublicationPageFactory.build(
                    title=f"Publikation {n} (Beispiel)",
                    slug=f"publikation-{n}",
                    publication_type=kinds[n % 3],
                    topic=topics[n % 3],
                    year=2015 + n % 11,
                    summary="Eine Veröffentlichung des KIM (Beispieldaten).",
                )
                for n in range(options["publications"])
            ],
        )

        events_index, event = self.seed_events(home, options["events"], options["registrations"])

        workspaces_index = WorkspaceIndexPageFactory(parent=home)
        workspaces = [
            WorkspacePageFactory(parent=workspaces_index, title=f"Projektgruppe {n}")
            for n in range(options["workspaces"])
        ]
        self.seed_meetings(workspaces, options["meetings"], rng)
        member = get_user_model().objects.create_user(
            "bench-member", "bench@example.org", "bench-member-password"
        )
        member.groups.add(workspaces[0].group)
        admin = get_user_model().objects.create_superuser(
            "bench-admin", "bench-admin@example.org", "bench-admin-password"
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.index_pages(home, directory)
        return {
            "home": home,
            "content": content,
            "directory": directory,
            "service": service,
            "chapter": chapters[5],
            "publications": index,
            "events": events_index,
            "event": event,
            "workspace": WorkspacePage.objects.get(pk=workspaces[0].pk),
            "member": member,
            "admin": admin,
            "counts": {
                "services": options["services"],
                "workspaces": options["workspaces"],
                "meetings": MeetingPage.objects.count(),
                "publications": PublicationPage.objects.count(),
                "events": EventPage.objects.count(),
                "registrations": Registration.objects.count(),
                "pages": Page.objects.count(),
            },
        }

    def seed_events(self, home, count, registrations):
        """``count`` events (a third past) and ``registrations`` spread over them."""
        index = EventIndexPageFactory(parent=home, show_in_menus=True)
        now = timezone.now()
        towns = ["mettmann", "velbert", "hilden", "ratingen"]
        topics = ["verzeichnis", "aufenthalt", "sprache", "vernetzung"]
        events = bulk_add_children(
            index,
            [
                EventPageFactory.build(
                    title=f"Workshop {n} (Beispiel)",
                    slug=f"workshop-{n}",
                    teaser="Eine Fortbildung für Multiplikatorinnen (Beispieldaten).",
                    start=now + datetime.timedelta(days=n - count // 3, hours=n % 8),
                    end=now + datetime.timedelta(days=n - count // 3, hours=n % 8 + 3),
                    town=towns[n % 4],
                    topic=topics[n % 4],
                    capacity=30,
                    # no address, as the bench's events always had (the factory gives one)
                    place_name="",
                    street_address="",
                    postal_code="",
                )
                for n in range(count)
            ],
        )
        per_event = max(1, registrations // max(1, count))
        with transaction.atomic():
            for offset in range(0, count, 100):
                Registration.objects.bulk_create(
                    Registration(
                        event_id=event.pk,
                        name=f"Person {n}",
                        email=f"p{n}-{event.pk}@example.org",
                        status="confirmed" if n < 30 else "waiting",
                        confirmed_at=now,
                    )
                    for event in events[offset : offset + 100]
                    for n in range(per_event)
                )
        upcoming = next(e for e in events if e.start > now)
        return index, upcoming

    def seed_meetings(self, workspaces, count, rng):
        now = timezone.now()
        per_workspace = max(1, count // len(workspaces))
        with transaction.atomic():
            for workspace in workspaces:
                workspace.refresh_from_db()
                meetings = [
                    new_meeting(
                        title=f"Sitzung {n + 1}",
                        slug=f"sitzung-{n + 1}",
                        start=now + datetime.timedelta(days=14 * (n - per_workspace + 3)),
                        place="Kreishaus Mettmann (Beispiel)",
                        decisions=[{"text": f"Beschluss zu Sitzung Sitzung {n + 1}"}]
                        if n % 3 == 0
                        else [],
                        actions=[{"what": "Entwurf vorbereiten (Beispiel)"}]
                        if n % 4 == 0 and rng.random() < 0.8
                        else [],
                    )
                    for n in range(per_workspace)
                ]
                bulk_add_children(workspace, meetings)
                # The bench's fast path writes page rows only; the children new_meeting
                # built in memory follow in bulk, pointing at the new page ids.
                for model, relation in ((Decision, "decisions"), (ActionItem, "action_items")):
                    model.objects.bulk_create(
                        _with_page(child, meeting)
                        for meeting in meetings
                        for child in getattr(meeting, relation).all()
                    )

    def index_pages(self, home, directory):
        """Fill Wagtail's index with every page but the services (those the directory
        reads from its own columns; on PostgreSQL ``seed_services`` indexed them)."""
        from wagtail.search.backends import get_search_backend

        backend = get_search_backend()
        pages = Page.objects.exclude(path__startswith=directory.path).exclude(depth=1)
        for page in pages.specific().iterator(chunk_size=500):
            backend.add(page)
        backend.add(directory.specific)

    # --- measuring --------------------------------------------------------------------------

    def plan(self, site, member):
        """``(name, kind of bakerydemo page, url, params, client)`` of every page type."""
        admin = Client()
        admin.force_login(site["admin"])
        service = site["service"].specific
        town = service.towns.first()
        directory_url = site["directory"].url
        plan = [
            ("home", "home", site["home"].url, {}, None),
            ("content page", "detail", site["content"].url, {}, None),
            ("directory", "listing", directory_url, {}, None),
            (
                "directory, query and two facets",
                "search",
                directory_url,
                {"q": "Beratung Ausbildung Aufenthalt", "town": town.slug, "language": "ar"},
                None,
            ),
            ("service page", "detail", service.url, {}, None),
            ("handbook chapter", "detail", site["chapter"].url, {}, None),
            ("publication list", "listing", site["publications"].url, {}, None),
            ("event list", "listing", site["events"].url, {}, None),
            ("event page", "detail", site["event"].url, {}, None),
            ("site search", "search", reverse("portal:search"), {"q": "Beratung"}, None),
            ("workspace page (member)", "detail", site["workspace"].url, {}, member),
            ("planning report (admin)", "report", "/admin/reports/angebotsplanung/", {}, admin),
        ]
        try:
            services = reverse("hsds:services")
            plan.append(("HSDS API services", "listing", services, {}, None))
            # Answers are cached per directory version and URL: this row misses every time.
            missed = {"uncached": EACH_REQUEST}
            plan.append(("HSDS API services, cache missed", "listing", services, missed, None))
        except NoReverseMatch:
            self.stdout.write("no HSDS API in this build: its row is skipped")
        return plan

    def http_plan(self, site, seeded):
        """The page types for ``bench_http``: URLs with their query, the member's session."""
        member = Client()
        member.force_login(site["member"])
        session = member.cookies[settings.SESSION_COOKIE_NAME].value
        pages = []
        for name, kind, url, params, client in self.plan(site, member):
            if kind == "report":  # an admin report needs an admin's session: in-process only
                continue
            if EACH_REQUEST in params.values():  # over HTTP every such row misses anyway
                continue
            query = f"?{urlencode(params)}" if params else ""
            pages.append(
                {"page": name, "kind": kind, "url": url + query, "member": client is not None}
            )
        return {
            "counts": site["counts"],
            "seed_seconds": seeded,
            "static_url": self.static_url(site["home"].url),
            "home_url": site["home"].url,
            "session_cookie": [settings.SESSION_COOKIE_NAME, session],
            "pages": pages,
        }

    def measure_all(self, site, requests):
        member = Client()
        member.force_login(site["member"])
        rows = []
        plan = self.plan(site, member)
        with override_settings(ROOT_URLCONF="devtools.bench_urls", PORTAL_PAGE_CACHE_SECONDS=0):
            rows.append(self.row("floor: minimal Django view", "", "/bench-floor/", {}, requests))
            static_url = self.static_url(site["home"].url)
            rows.append(self.row("limit: static file (CSS)", "", static_url, {}, requests))
            for name, kind, url, params, client in plan:
                rows.append(self.row(name, kind, url, params, requests, client=client))
                if name == "home":
                    rows[-1]["page_kib"] = round(
                        (rows[-1]["gzip_bytes"] + rows[1]["gzip_bytes"]) / 1024, 1
                    )
        with override_settings(ROOT_URLCONF="devtools.bench_urls", PORTAL_PAGE_CACHE_SECONDS=300):
            rows.append(
                self.row("home, cached (anonymous)", "home", site["home"].url, {}, requests)
            )
        return rows

    def row(self, name, kind, url, params, requests, client=None):
        self.stdout.write(f"measuring {name} …")
        figures = measure(url, params, requests=requests, client=client)
        return {"page": name, "kind": kind, "url": url, **figures}

    def static_url(self, home_url):
        html = Client().get(home_url).content.decode()
        match = re.search(r'<link rel="stylesheet" href="([^"]+)"', html)
        if not match:
            raise CommandError("no stylesheet link on the home page")
        return match.group(1)


def update_docs(path, figures):
    """Replace this label's rows in the table between the bench-site markers of ``path``."""
    rewrite_marked(path, "bench-site", lambda old: _sections(old, figures))


def _sections(old, figures):
    label = figures["label"]
    lines = [
        f"**{label}** — {figures['counts']['services']:,} services, "
        f"{figures['counts']['workspaces']} workspaces, {figures['counts']['meetings']:,} "
        f"meetings, {figures['counts']['publications']} publications, "
        f"{figures['counts'].get('events', 0):,} events with "
        f"{figures['counts'].get('registrations', 0):,} registrations "
        f"({figures['counts']['pages']:,} pages; seeded in {figures['seed_seconds']} s). "
        f"Python {'.'.join(map(str, __import__('sys').version_info[:3]))}, "
        f"{settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}.",
        "",
        "| page | median ms | p95 ms | bakerydemo median ms | SQL queries | gzip KiB "
        "| peak KiB/request |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in figures["rows"]:
        bakery = BAKERY.get(row["kind"], "")
        lines.append(
            f"| {row['page']} | {row['median_ms']} | {row['p95_ms']} | {bakery} "
            f"| {row['queries']} | {round(row['gzip_bytes'] / 1024, 1)} "
            f"| {row['peak_request_kib']} |"
        )
    block = "\n".join(lines)
    sections = re.split(r"(?m)^(?=\*\*[^*]+\*\* — )", old.strip())
    kept = [s.strip() for s in sections if s.strip() and not s.startswith(f"**{label}**")]
    return "\n\n".join(sorted([*kept, block]))
