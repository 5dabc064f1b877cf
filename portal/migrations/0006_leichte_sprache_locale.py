"""Create the content locale of Leichte Sprache (``de-ls``, docs/i18n.md) on databases made
before it was added to ``LANGUAGES``; 0002 creates it on new ones."""

from django.db import migrations


def create_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="de-ls")


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_german_workflow_names")]

    operations = [migrations.RunPython(create_locale, migrations.RunPython.noop)]
