"""``manage.py import_directory FILE``: HSDS 3.0 zip or JSON into the directory."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from services_directory.hsds import exchange


class Command(BaseCommand):
    help = (
        "Import services from an HSDS 3.0 file (.zip of CSV tables or .json). Every row is "
        "checked first; with any problem nothing is written. Services are created or "
        "updated by id as drafts (published with --publish); nothing is removed unless "
        "--prune is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--publish", action="store_true", help="Publish the imported services.")
        parser.add_argument(
            "--prune",
            action="store_true",
            help="Unpublish public services of the directory that the file does not contain.",
        )
        parser.add_argument(
            "--check", action="store_true", help="Only validate and report; write nothing."
        )

    def handle(self, *args, file, publish=False, prune=False, check=False, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file.")
        try:
            tables = exchange.read_file(path.read_bytes(), path.name)
        except exchange.ImportFileError as exc:
            raise CommandError(str(exc)) from None
        if check:
            problems, outcome = exchange.validate(tables).problems, None
        else:
            problems, outcome = exchange.import_tables(tables, publish=publish, prune=prune)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} problem(s) found; nothing was written.")
        if outcome is None:
            self.stdout.write("No problems found.")
            return
        state = "published" if publish else "saved as drafts"
        self.stdout.write(
            f"{outcome.created} created, {outcome.updated} updated ({state}), "
            f"{outcome.pruned} unpublished."
        )
