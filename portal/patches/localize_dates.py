"""Framework patch: wagtail-localize's translation comments in the admin's language.

Written for wagtail-localize 1.14 (Wagtail 7.4). ``StringTranslation.get_comment`` formats
its date with ``strftime("%-d %B %Y")``, which ignores the active language, so the German
admin reads "Manuell übersetzt am 3 December 2026". This replaces the method with one that
formats the date through Django's localisation ("3. Dezember 2026"). The contract test
``tests/portal/test_localize_dates.py`` fails when an upgrade changes the method's texts.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

WAGTAIL_LOCALIZE_VERSION = "1.14"
UPSTREAM = {"wagtail_localize.models:StringTranslation.get_comment": "ae022585eb24daf3"}
CONTRACT_TEST = "tests/portal/test_localize_dates.py"


def get_comment(self):
    date = date_format(self.updated_at, "DATE_FORMAT")
    if self.tool_name:
        return _("Translated with {tool_name} on {date}").format(
            tool_name=self.tool_name, date=date
        )
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return _("Translated manually on {date}").format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return _("Machine translated on {date}").format(date=date)
    return None


def install():
    from wagtail_localize.models import StringTranslation

    StringTranslation.get_comment = get_comment
