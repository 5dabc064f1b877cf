"""Delete unmet-need counters older than ``UNMET_NEEDS_RETENTION_MONTHS`` (cron, monthly)."""

from django.core.management.base import BaseCommand

from services_directory.unmet_needs import purge, retention_months


class Command(BaseCommand):
    help = "Delete unmet-need counters older than UNMET_NEEDS_RETENTION_MONTHS (default 25)."

    def handle(self, *args, **options):
        deleted = purge()
        self.stdout.write(f"{deleted} counters older than {retention_months()} months deleted.")
