"""``manage.py restore <backup dir> --yes``: replace the database and media with a backup."""

from django.core.management.base import BaseCommand, CommandError

from portal.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by 'manage.py backup' into DATABASE_URL (or --database-url) "
        "with pg_restore --clean, and unpack its media into MEDIA_ROOT (or --media-root)."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup_dir")
        parser.add_argument("--database-url", help="restore into this database instead")
        parser.add_argument("--media-root", help="unpack the media here instead of MEDIA_ROOT")
        parser.add_argument("--no-media", action="store_true", help="restore the database only")
        parser.add_argument(
            "--yes", action="store_true", help="confirm that the target database is replaced"
        )

    def handle(self, *args, backup_dir, database_url, media_root, no_media, yes, **options):
        if not yes:
            raise CommandError("This replaces the target database and media; add --yes to confirm.")
        try:
            manifest = restore(
                backup_dir,
                database_url=database_url,
                media_root=media_root,
                restore_media=not no_media,
            )
        except BackupError as error:
            raise CommandError(str(error))
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created']}: {manifest['counts']}"
            )
        )
