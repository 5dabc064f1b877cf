"""``manage.py backup [--to var/backups]``: database dump plus media tarball
(portal/operations/backup.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format) and MEDIA_ROOT into <to>/<time>/."

    def add_arguments(self, parser):
        parser.add_argument("--to", default=str(settings.VAR_DIR / "backups"))

    def handle(self, *args, to, **options):
        try:
            target = backup(to)
        except BackupError as error:
            raise CommandError(str(error))
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target}"))
