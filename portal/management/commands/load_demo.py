"""``manage.py load_demo``: build the KIM demo site (idempotent)."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Site

from portal.demo import run_all


class Command(BaseCommand):
    help = "Load the KIM demo content (example data). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a production database).",
        )
        parser.add_argument(
            "--host",
            default="127.0.0.1",
            help="Address the demo is served at; absolute links (canonical, sitemap, feeds, "
            "mails) use it. `make demo` passes HOST.",
        )
        parser.add_argument("--port", type=int, default=8000, help="Port, as --host (PORT).")

    def handle(self, *args, force=False, verbosity=1, host="127.0.0.1", port=8000, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: load_demo would write example data into this database. "
                "Use --force if this really is a demo or test database."
            )
        log = self.stdout.write if verbosity > 1 else (lambda message: None)
        with transaction.atomic():
            run_all(log=log)
            site = Site.objects.get(is_default_site=True)
            site.hostname, site.port = host, port
            site.save()
        # Every edition's PDF in every language, so that no first reader waits for it
        # (unless PDFs are switched off ahead of readers, as in the benchmarks).
        if getattr(settings, "HANDBOOK_PDF_ON_PUBLISH", True):
            call_command("render_pdfs", verbosity=verbosity)
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded; site address {site.root_url}."))
