"""Languages spoken in the directory: ISO 639-1 codes (plus Dari), their names, validators."""

from functools import lru_cache

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Languages without an ISO 639-1 code that counselling in the district needs, by their
# ISO 639-3 code, named in the portal's languages (CLDR has no names for them). Dari is
# spoken by many Afghans; it is not the same offer as Persian (Farsi) for a client.
EXTRA_LANGUAGES = {
    "prs": {
        "de": "Dari",
        "en": "Dari",
        "ar": "الدارية",
        "fa": "دری",
        "tr": "Darice",
        "uk": "дарі",
        "ru": "дари",
    },
}


@lru_cache(maxsize=16)
def language_names(display_language="de"):
    """Language code → name in ``display_language`` (Babel's CLDR data).

    ISO 639-1 codes, plus the few ISO 639-3 codes of ``EXTRA_LANGUAGES`` (Dari: ``prs``).
    """
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(display_language).languages
    except (UnknownLocaleError, ValueError):
        names = Locale.parse("de").languages
    result = {code: name for code, name in names.items() if len(code) == 2 and code.isalpha()}
    for code, extra in EXTRA_LANGUAGES.items():
        result[code] = extra.get(display_language) or extra["en"]
    return result


def validate_language_code(value):
    if value not in language_names("de"):
        raise ValidationError(
            _("“%(code)s” is not a two-letter ISO 639-1 language code (e.g. de, ar, fa, uk)."),
            params={"code": value},
            code="invalid_language",
        )


def validate_language_list(value):
    """A comma-separated list of ISO 639-1 codes ("de, en, ar")."""
    for code in split_codes(value):
        validate_language_code(code)


def split_codes(value):
    return [part.strip().lower() for part in (value or "").split(",") if part.strip()]
