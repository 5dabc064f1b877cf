"""The 2028 school holidays as in the Ferienordnung: Herbstferien 23 Oct – 4 Nov (not
14–28 Oct), and no Pfingstferien day in 2028. Migration 0012 loaded the first, mistyped
version of ``data/nrw_school_holidays.json``; databases created after this fix load the
corrected file and this migration changes nothing there."""

import datetime

from django.db import migrations

D = datetime.date
WRONG = [(D(2028, 6, 6), D(2028, 6, 6)), (D(2028, 10, 14), D(2028, 10, 28))]
RIGHT = (D(2028, 10, 23), D(2028, 11, 4), "Herbstferien")


def correct(apps, schema_editor):
    SchoolHoliday = apps.get_model("services_directory", "SchoolHoliday")
    for start, end in WRONG:
        SchoolHoliday.objects.filter(starts_on=start, ends_on=end).delete()
    start, end, name = RIGHT
    SchoolHoliday.objects.get_or_create(starts_on=start, ends_on=end, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("services_directory", "0014_servicetype_easy_explanation")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
