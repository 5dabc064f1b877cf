"""``manage.py bench_directory``: seed N services and time directory requests in-process.

Meant for a throw-away database (``make bench`` creates one): it refuses to run on a
database that already has pages other than its own unless ``--force`` is given.

Seeding uses a fast path for the benchmark only: page rows get computed tree paths and are
inserted in bulk (no revisions, no reference index); the search text is folded as on save.
"""

import json
import random
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils.html import strip_tags

from wagtail.models import Locale, Page, Site

from devtools.bench import bulk_add_children, measure, rewrite_marked
from services_directory import models as m
from services_directory.factories import (
    OrganisationFactory,
    ServiceDirectoryPageFactory,
    ServicePageFactory,
    ServiceTypeFactory,
    TargetGroupFactory,
    TopicFactory,
    TownFactory,
)
from services_directory.text import fold

# A three-word need (vocabulary expansion included) and two filters (issue #14).
PARAMS = {"q": "Beratung Ausbildung Aufenthalt", "town": "hilden", "language": "ar"}
TOWNS = [
    "Erkrath",
    "Haan",
    "Heiligenhaus",
    "Hilden",
    "Langenfeld",
    "Mettmann",
    "Monheim",
    "Ratingen",
    "Velbert",
    "Wülfrath",
]
TYPES = ["JMD", "MBE", "Integration Point", "Flüchtlingsberatung", "Teilhabemanagement"]
TYPES += ["KIM Case Management", "Ausländerbehörde", "Einbürgerung"]
SENTENCES = [
    "Migrationsberatung zu Aufenthalt, Arbeit und Integrationskurs.",
    "Hilfe bei der Ausbildungsplatzsuche und bei Bewerbungen.",
    "Offene Sprechstunde für Geflüchtete ohne Termin.",
    "Begleitung zu Behörden, Kita und Schule.",
    "Sprachcafé und Lernhilfe am Nachmittag.",
    "Fragen zu Wohnen, Gesundheit und Familiennachzug.",
]
LANGUAGES = ["de", "en", "ar", "fa", "tr", "uk", "ru", "ku", "ti", "so"]


class Command(BaseCommand):
    help = "Seed N example services and measure directory requests (see docs/directory.md)."

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=10_000)
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument("--label", default=None, help="Row label, e.g. SQLite")
        parser.add_argument("--docs", default="", help="Markdown file whose table to update")
        parser.add_argument("--json", default="", help="Write the figures to this file")
        parser.add_argument(
            "--index",
            choices=["auto", "yes", "no"],
            default="auto",
            help="Fill Wagtail's search index (auto: on PostgreSQL only, where the directory "
            "uses it for stemming; on SQLite the directory does not read it)",
        )
        parser.add_argument("--profile", action="store_true", help="cProfile one request")
        parser.add_argument("--force", action="store_true")
        parser.add_argument(
            "--measure-only",
            action="store_true",
            help="Measure a database seeded by an earlier run instead of seeding",
        )

    def handle(self, *args, services, requests, label, docs, json, index, force, **options):
        if options.get("measure_only"):
            directory = m.ServiceDirectoryPage.objects.get()
            return self.report(directory, services, requests, label, docs, json, 0.0)
        if Page.objects.filter(depth__gt=2).exists() and not force:
            raise CommandError("This database already has content; bench needs a fresh one.")
        label = label or connection.vendor
        started = time.perf_counter()
        if index == "auto":
            index = "yes" if connection.vendor == "postgresql" else "no"
        directory = self.seed(services, index=index == "yes")
        seeded = time.perf_counter() - started
        self.stdout.write(f"seeded {services} services in {seeded:.1f} s")
        return self.report(directory, services, requests, label, docs, json, seeded, options)

    def report(self, directory, services, requests, label, docs, json, seeded, options=None):
        label = label or connection.vendor
        services = m.ServicePage.objects.live().count()
        with override_settings(
            ROOT_URLCONF="devtools.bench_urls",
            ALLOWED_HOSTS=["testserver"],
            PORTAL_PAGE_CACHE_SECONDS=0,
        ):
            url = directory.url
            if (options or {}).get("profile"):
                profile(url, PARAMS)
            figures = {
                "label": label,
                "services": services,
                "seed_seconds": round(seeded, 1),
                "directory": measure(url, PARAMS, requests),
                "floor": measure("/bench-floor/", {}, requests),
            }
        self.stdout.write(json_dumps(figures))
        if json:
            Path(json).write_text(json_dumps(figures))
        if docs:
            update_docs(Path(docs), figures)

    # --- seeding ----------------------------------------------------------------------------

    def seed(self, count, index=True):
        directory = ServiceDirectoryPageFactory(parent=bench_home())
        seed_services(directory, count, index=index, log=self.stdout.write)
        return m.ServiceDirectoryPage.objects.get(pk=directory.pk)


def bench_home():
    """A plain page as the default site's root: it stands in for the home page."""
    root = Page.get_first_root_node()
    home = Page(title="KIM im Kreis Mettmann", slug="kim", locale=Locale.get_default())
    root.add_child(instance=home)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


def seed_services(
    directory, count, index=True, log=print, town_names=TOWNS, type_names=TYPES, languages=LANGUAGES
):
    """``count`` example services under ``directory``, with taxonomies, in bulk.

    ``town_names``/``type_names``: the towns and service types to create and spread the
    services over (other names than the demo's when seeding beside the demo directory);
    ``languages``: German first, then two of the others per service.
    """
    rng = random.Random(42)  # noqa: S311 (reproducible example data)
    towns = [TownFactory(name=name, slug=fold(name).replace(" ", "-")) for name in town_names]
    for town in towns:  # folded slugs: "wulfrath"; keep the portal's "wuelfrath" style
        town.slug = town.slug.replace("wulfrath", "wuelfrath")
        town.save()
    types = [ServiceTypeFactory(name=name) for name in type_names]
    topics = [TopicFactory(name=f"Thema {n}") for n in range(12)]
    targets = [TargetGroupFactory(name=f"Zielgruppe {n}") for n in range(6)]
    orgs = [OrganisationFactory(name=f"Träger {n} (Beispiel)") for n in range(20)]
    names = {obj.pk: obj.name for obj in [*types, *orgs]}
    from services_directory.demo_vocabulary import ensure_need_vocabulary

    ensure_need_vocabulary()  # the seeded need vocabulary, linked to the types that exist
    with transaction.atomic():
        pages = []
        for n in range(count):
            service_type = types[n % len(types)]
            town = towns[rng.randrange(len(towns))]
            org = orgs[rng.randrange(len(orgs))]
            title = f"{service_type.name} {town.name} {n:05d}"
            description = " ".join(rng.sample(SENTENCES, 2))
            # Built (not saved) by the page type's factory, then inserted in bulk.
            page = ServicePageFactory.build(
                title=title,
                slug=f"angebot-{n:05d}",
                description=f"<p>{description}</p>",
                service_type=service_type,
                organisation=org,
                minimum_age=[None, 12, 27, None][n % 4],
                maximum_age=[None, 27, None, None][n % 4],
                assured_date=None,  # never verified, as the bench's services always were
            )
            page.search_name = fold(title)
            page.search_text = fold(
                " ".join(
                    [title, strip_tags(page.description), names[service_type.pk]]
                    + [names[org.pk], town.name]
                )
            )
            page._bench_town = town
            pages.append(page)
        bulk_add_children(directory, pages)
        m.ServicePage.towns.through.objects.bulk_create(
            [
                m.ServicePage.towns.through(servicepage_id=p.pk, town_id=p._bench_town.pk)
                for p in pages
            ],
            batch_size=1000,
        )
        m.ServicePage.topics.through.objects.bulk_create(
            [
                m.ServicePage.topics.through(servicepage_id=p.pk, topic_id=t.pk)
                for p in pages
                for t in rng.sample(topics, 2)
            ],
            batch_size=1000,
        )
        m.ServicePage.target_groups.through.objects.bulk_create(
            [
                m.ServicePage.target_groups.through(servicepage_id=p.pk, targetgroup_id=t.pk)
                for p in pages
                for t in rng.sample(targets, 1)
            ],
            batch_size=1000,
        )
        m.ServiceLanguage.objects.bulk_create(
            [
                m.ServiceLanguage(service_id=p.pk, code=code, sort_order=i)
                for p in pages
                for i, code in enumerate(["de", *rng.sample(languages[1:], 2)])
            ],
            batch_size=1000,
        )
        m.ServiceSchedule.objects.bulk_create(
            [
                m.ServiceSchedule(
                    service_id=p.pk,
                    byday=day,
                    opens_at=f"{opens:02d}:00",
                    closes_at=f"{opens + 3:02d}:00",
                    sort_order=i,
                )
                for p in pages
                for i, (day, opens) in enumerate(
                    [(rng.choice(["MO", "TU", "WE"]), 9), (rng.choice(["TH", "FR"]), 13)]
                )
            ],
            batch_size=1000,
        )
        m.DirectoryVersion.bump()
    if index:
        from wagtail.search.backends import get_search_backend

        started = time.perf_counter()
        backend = get_search_backend()
        queryset = m.ServicePage.objects.all()
        for start in range(0, count, 1000):
            backend.add_bulk(m.ServicePage, list(queryset[start : start + 1000]))
        log(f"indexed in {time.perf_counter() - started:.1f} s")
    with connection.cursor() as cursor:
        # Django never runs ANALYZE; without it SQLite picks bad join orders.
        cursor.execute("ANALYZE")


def profile(url, params):
    import cProfile
    import pstats

    client = Client()
    client.get(url, params)
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url, params)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


def json_dumps(data):
    return json.dumps(data, indent=2, ensure_ascii=False)


def update_docs(path, figures):
    """Replace this label's rows in the table between the bench markers of ``path``."""
    rewrite_marked(path, "bench", lambda table: _table(table, figures))


def _table(table, figures):
    rows = [
        line
        for line in table.strip().splitlines()
        if line.startswith("|") and not line.startswith(f"| {figures['label']} |")
    ]
    header = [
        "| database | view | services | median ms | p95 ms | queries | peak KiB/request "
        "| max RSS MiB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    rows = [r for r in rows if r not in header]
    for view in ("directory", "floor"):
        f = figures[view]
        rows.append(
            f"| {figures['label']} | {view} | {figures['services']} | {f['median_ms']} "
            f"| {f['p95_ms']} | {f['queries']} | {f['peak_request_kib']} | {f['max_rss_mib']} |"
        )
    return "\n".join(header + sorted(rows))
