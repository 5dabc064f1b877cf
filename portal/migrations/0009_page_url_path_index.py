"""An index on ``wagtailcore_page.url_path``, which Wagtail does not index.

The portal routes a deep URL with one query for every page along the path, by ``url_path``
(``portal/patches/routing.py``); without an index that query read every page of the site:
at 16,700 pages it was a third of a service page's server time (issue #21). Both
databases; ``IF NOT EXISTS`` because a Wagtail upgrade may add an index of its own.
"""

from django.db import migrations

INDEX = "portal_page_url_path"


def create(apps, schema_editor):
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (url_path)")


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portal", "0008_postgres_search_indexes")]

    operations = [migrations.RunPython(create, drop)]
