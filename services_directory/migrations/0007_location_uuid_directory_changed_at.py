"""Stable ids for locations (HSDS API, export/import) in three steps.

1. add the column without a default, so existing rows stay empty;
2. give every existing row its own UUID, and write it into the stored revisions of the
   services as well (otherwise the first edit after this migration would load a location
   without an id from the latest revision and give it a new random one);
3. make the column required, with a default for new rows.
"""

import uuid

from django.db import migrations, models


def fill_location_uuids(apps, schema_editor):
    ServiceLocation = apps.get_model("services_directory", "ServiceLocation")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    assigned = {}
    for location in ServiceLocation.objects.filter(uuid__isnull=True).only("pk"):
        location.uuid = uuid.uuid4()
        location.save(update_fields=["uuid"])
        assigned[location.pk] = str(location.uuid)
    content_type = ContentType.objects.filter(
        app_label="services_directory", model="servicepage"
    ).first()
    if content_type is None or not assigned:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content or {}
        changed = False
        for item in content.get("locations") or []:
            if item.get("pk") in assigned and not item.get("uuid"):
                item["uuid"] = assigned[item["pk"]]
                changed = True
        if changed:
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("services_directory", "0006_directory_team_scope"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="servicelocation",
            name="uuid",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_location_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="servicelocation",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, db_index=True),
        ),
        migrations.AddField(
            model_name="directoryversion",
            name="changed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
