"""On PostgreSQL, a trigram index lets ``search_text LIKE '%beratung%'`` use an index."""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS services_directory_search_text_trgm "
        "ON services_directory_servicepage USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS services_directory_search_text_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("services_directory", "0002_directory_models"),
        ("portal", "0002_locales_and_search_extensions"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
