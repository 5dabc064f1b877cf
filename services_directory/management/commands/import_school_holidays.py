"""``manage.py import_school_holidays [FILE]``: load NRW school holidays for "closed in holidays".

Without a file, the bundled ``services_directory/data/nrw_school_holidays.json`` (2026–2028)
is read; for later years, write a file of the same shape (``{"holidays": [{"name",
"start", "end"}]}``, dates inclusive) from the Schulministerium's Ferienordnung. Periods
already present (same first and last day) are renamed, not duplicated. ``--replace``
deletes the periods between the file's first and last day that the file does not contain.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from services_directory.closures import SCHOOL_HOLIDAYS_FILE, read_school_holidays
from services_directory.models import DirectoryVersion, SchoolHoliday


class Command(BaseCommand):
    help = "Import NRW school holidays from a JSON file (default: the bundled 2026–2028 file)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(SCHOOL_HOLIDAYS_FILE))
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove stored periods within the file's years that the file lacks.",
        )

    def handle(self, *args, file, replace, **options):
        try:
            rows = read_school_holidays(file)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        if not rows:
            raise CommandError(f"{file}: no holidays in the file")
        created = 0
        with transaction.atomic():
            for start, end, name in rows:
                _obj, new = SchoolHoliday.objects.update_or_create(
                    starts_on=start, ends_on=end, defaults={"name": name}
                )
                created += new
            removed = 0
            if replace:
                first = min(r[0] for r in rows)
                last = max(r[1] for r in rows)
                keep = {(r[0], r[1]) for r in rows}
                for obj in SchoolHoliday.objects.filter(starts_on__gte=first, ends_on__lte=last):
                    if (obj.starts_on, obj.ends_on) not in keep:
                        obj.delete()
                        removed += 1
            DirectoryVersion.bump()
        self.stdout.write(
            f"{len(rows)} school holiday periods read, {created} new, {removed} removed."
        )
