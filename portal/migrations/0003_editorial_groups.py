"""Groups Redaktion, Moderation, Übersetzung and the two-step workflow (portal/editorial/roles.py)."""

from django.db import migrations

from portal.editorial.roles import create_editorial_groups


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_locales_and_search_extensions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_editorial_groups, migrations.RunPython.noop)]
