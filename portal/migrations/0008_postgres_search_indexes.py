"""On PostgreSQL, two expression indexes that let the site search start from its matches.

Wagtail's PostgreSQL backend matches ``(title || body) @@ query`` and joins the page by
``page.id::varchar = object_id``; neither expression has an index of Wagtail's own, so every
search read all index entries and all pages and tested the privacy filter on each page
(PostgreSQL site search 86 ms at 15,720 pages, issue #21). With these two indexes the
planner finds the matching entries through the GIN index and each page through its id
(docs/search.md, docs/performance.md). Other databases: nothing to do.
"""

from django.db import migrations

DOCUMENT = "portal_searchentry_document"
PAGE_ID = "portal_page_id_as_text"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {DOCUMENT} ON wagtailsearch_indexentry "
        "USING gin ((title || body))"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {PAGE_ID} ON wagtailcore_page "
        "((((id)::character varying(50))::text))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {DOCUMENT}")
    schema_editor.execute(f"DROP INDEX IF EXISTS {PAGE_ID}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_content_version"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
