import datetime
import json
from pathlib import Path

from django.db import migrations

# A copy of the rows at the time of this migration is read from the bundled file; later
# years come with ``manage.py import_school_holidays``.
DATA = Path(__file__).resolve().parent.parent / "data" / "nrw_school_holidays.json"


def load(apps, schema_editor):
    SchoolHoliday = apps.get_model("services_directory", "SchoolHoliday")
    if not DATA.exists():
        return
    for item in json.loads(DATA.read_text(encoding="utf-8"))["holidays"]:
        SchoolHoliday.objects.get_or_create(
            starts_on=datetime.date.fromisoformat(item["start"]),
            ends_on=datetime.date.fromisoformat(item["end"]),
            defaults={"name": item["name"]},
        )


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0011_service_closures_school_holidays")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
