"""``manage.py send_verification_requests [--months N] [--dry-run]``: ask providers to check.

One mail per verification address (``ServicePage.assurer_email``) that has at least one live
entry not verified for N months (default 6). The mail lists all live entries of that
address and carries a signed link valid for 30 days. Run monthly by cron (docs/editorial.md).
"""

from django.core.management.base import BaseCommand, CommandError

from services_directory.verification import DEFAULT_MONTHS, due_addresses, send_request


class Command(BaseCommand):
    help = "Mail providers whose directory entries have not been verified for N months."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=DEFAULT_MONTHS)
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")

    def handle(self, *args, months, dry_run, **options):
        if months < 1:
            raise CommandError("--months must be at least 1.")
        due = due_addresses(months)
        for email, services in due.items():
            if not dry_run:
                send_request(email, services)
            self.stdout.write(f"{email}: {len(services)}")
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(self.style.SUCCESS(f"{len(due)} verification request(s) {verb}."))
