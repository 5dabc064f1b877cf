from django.db import migrations

from portal.editorial.roles import german_workflow_names


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_machine_translated_page"),
    ]

    operations = [
        migrations.RunPython(german_workflow_names, migrations.RunPython.noop),
    ]
