"""File the monthly planning report (PDF) for the steering group and tell its members."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from services_directory.planning_pdf import FilingError, file_monthly_report


class Command(BaseCommand):
    help = (
        "Render the planning report as a PDF, file it in the steering group's private "
        "collection and mail its members. Once per month; run again, it changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--month", help="YYYY-MM (default: the month that just ended)")
        parser.add_argument("--force", action="store_true", help="Replace this month's file.")

    def handle(self, *args, month=None, force=False, **options):
        day = None
        if month:
            try:
                day = datetime.datetime.strptime(month, "%Y-%m").date()
            except ValueError as error:
                raise CommandError("--month must look like 2026-11.") from error
        try:
            document, created = file_monthly_report(day, force=force)
        except FilingError as error:
            raise CommandError(str(error)) from error
        state = "filed" if created else "replaced" if force else "already filed, unchanged"
        self.stdout.write(f"{document.title}: {state} (document {document.pk}).")
