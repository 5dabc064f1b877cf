"""The group Verzeichnispflege with its permissions (services_directory/editorial.py)."""

from django.db import migrations

from services_directory.editorial import create_directory_team


class Migration(migrations.Migration):
    dependencies = [
        ("services_directory", "0004_service_reports"),
        ("portal", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(create_directory_team, migrations.RunPython.noop)]
