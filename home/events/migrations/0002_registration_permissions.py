"""The editorial groups (the portal's and Wagtail's own) see and manage event registrations."""

from django.db import migrations

from portal.editorial.roles import MODERATION, REDAKTION, create_all_permissions, ensure_group

PERMISSIONS = ["events.view_registration", "events.change_registration"]


def grant(apps, schema_editor):
    create_all_permissions(apps)
    for name in (REDAKTION, MODERATION, "Editors", "Moderators"):
        ensure_group(apps, name, {"model": PERMISSIONS})


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_events_and_registrations"),
        ("portal", "0003_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
