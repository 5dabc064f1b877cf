"""Locations keep stable, distinct UUIDs: the migration, copies, translations."""

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from services_directory.factories import location
from services_directory.models import ServiceLocation

BEFORE = [("services_directory", "0006_directory_team_scope")]
AFTER = [("services_directory", "0007_location_uuid_directory_changed_at")]


@pytest.mark.django_db(transaction=True)
def test_migration_gives_existing_rows_distinct_ids_and_fills_revisions(make_service):
    service = make_service("JMD Hilden", locations=[location(name="A"), location(name="B")])
    service.save_revision()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    executor.loader.build_graph()
    old = executor.loader.project_state(BEFORE).apps
    # Rows as they were before the column existed: no id yet.
    assert "uuid" not in {
        f.name for f in old.get_model("services_directory", "ServiceLocation")._meta.fields
    }
    # Revisions written before the migration have no ids either.
    from wagtail.models import Revision

    for revision in Revision.objects.all():
        for item in revision.content.get("locations", []):
            item.pop("uuid", None)
        # No save(): its signals would write today's tables, which the rollback changed.
        Revision.objects.filter(pk=revision.pk).update(content=revision.content)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    rows = list(ServiceLocation.objects.filter(service=service).values_list("pk", "uuid"))
    assert len(rows) == 2 and len({u for _pk, u in rows}) == 2 and all(u for _pk, u in rows)
    # The page's own columns may have grown since 0007: read the revision row directly.
    from wagtail.models import Revision

    revision = Revision.objects.filter(object_id=str(service.pk)).order_by("-created_at", "-pk")[0]
    stored = {item["pk"]: item["uuid"] for item in revision.content["locations"]}
    assert stored == {pk: str(u) for pk, u in rows}
    # Back to the latest schema for the tests that follow in this process.
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_copy_in_the_same_tree_gets_its_own_stable_location_ids(make_service, directory_page):
    service = make_service("JMD Hilden", locations=[location(name="A")])
    original = ServiceLocation.objects.get(service=service).uuid
    copy = service.copy(update_attrs={"slug": "jmd-hilden-kopie", "title": "Kopie"})
    copied = ServiceLocation.objects.get(service=copy).uuid
    assert copied != original
    assert ServiceLocation.objects.get(service=service).uuid == original
    copy.save_revision().publish()
    assert ServiceLocation.objects.get(service=copy).uuid == copied  # stable across saves


def test_translation_keeps_the_location_id(make_service):
    from wagtail.models import Locale

    service = make_service("JMD Hilden", locations=[location(name="A")])
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = service.copy_for_translation(english, copy_parents=True)
    assert ServiceLocation.objects.get(service=translated).uuid == (
        ServiceLocation.objects.get(service=service).uuid
    )
