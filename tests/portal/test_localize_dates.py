"""wagtail-localize's translation comments carry the date in the admin's language."""

import datetime
import inspect

from django.utils import timezone, translation

from wagtail_localize.models import StringTranslation

from portal.patches import localize_dates


def _translation(**fields):
    when = timezone.make_aware(datetime.datetime(2026, 12, 3, 10, 0))
    return StringTranslation(updated_at=when, **fields)


def test_a_manual_translation_comment_is_dated_in_german():
    string = _translation(translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL)
    with translation.override("de"):
        comment = string.get_comment()
    assert "3. Dezember 2026" in comment
    assert "December" not in comment


def test_machine_and_tool_comments_are_dated_in_the_admin_language():
    machine = _translation(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    tool = _translation(tool_name="DeepL", translation_type="machine")
    with translation.override("de"):
        assert "3. Dezember 2026" in machine.get_comment()
        assert "DeepL" in tool.get_comment() and "Dezember" in tool.get_comment()


def test_contract_the_patched_method_still_has_the_three_texts_we_replace():
    """If wagtail-localize changes get_comment, re-check portal/patches/localize_dates.py."""
    original = inspect.getsource(inspect.getmodule(StringTranslation))
    for text in [
        '"Translated with {tool_name} on {date}"',
        '"Translated manually on {date}"',
        '"Machine translated on {date}"',
        "def get_comment(self):",
    ]:
        assert text in original, text
    assert StringTranslation.get_comment is localize_dates.get_comment
