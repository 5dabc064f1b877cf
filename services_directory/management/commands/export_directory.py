"""``manage.py export_directory FILE``: the public directory in HSDS 3.0 form (docs/api.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from services_directory.hsds import exchange


class Command(BaseCommand):
    help = (
        "Export the live, public services in HSDS 3.0 form: a .zip (CSV tables with "
        "datapackage.json) or .json, chosen by the file name or --format."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Output file (.zip or .json); '-' writes JSON to stdout.")
        parser.add_argument("--format", choices=["zip", "json"], help="Overrides the suffix.")

    def handle(self, *args, file, format=None, **options):
        fmt = format or ("zip" if file.endswith(".zip") else "json")
        if file == "-" and fmt == "zip":
            raise CommandError("The zip form needs a file name.")
        records = exchange.export_records()
        data = exchange.export_zip(records) if fmt == "zip" else exchange.export_json(records)
        if file == "-":
            self.stdout.write(data.decode())
            return
        Path(file).write_bytes(data)
        self.stderr.write(f"{len(records['services'])} services written to {file} ({fmt}).")
