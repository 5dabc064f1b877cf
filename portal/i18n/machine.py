"""Machine translation for the translation editor (wagtail-localize).

``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` points at :class:`DeepLTranslator` when
``DEEPL_API_KEY`` is set (``base.py``), at wagtail-localize's dummy translator in development
and tests, and is absent otherwise. DeepL does not translate into every portal language:
``DEEPL_TARGET_LANGUAGES`` lists the portal languages it supports (checked against DeepL's
list of target languages, see docs/i18n.md). For the others the translation editor shows no
"Translate with DeepL" button, the system check warns and the translation status view says so.
"""

import logging

import requests

from django.conf import settings

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.deepl import DeepLTranslator as BaseDeepLTranslator

logger = logging.getLogger(__name__)

# DeepL API target languages among the portal's languages (DeepL "Supported languages":
# AR, EN-GB/EN-US, RU, TR, UK are targets; Persian/Farsi is not, nor is Dari).
DEEPL_TARGET_LANGUAGES = {"de", "en", "ar", "tr", "uk", "ru"}


class DeepLTranslator(BaseDeepLTranslator):
    """wagtail-localize's DeepL backend, limited to the languages DeepL can translate into.

    The base class sends any language to DeepL and fails with a ``KeyError`` on an API error
    (quota, wrong key). Here an unsupported language offers no machine translation at all,
    and an API error is logged and leaves the strings untranslated instead of failing.
    """

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if parameters["target_lang"] == "EN":
            parameters["target_lang"] = "EN-GB"  # DeepL asks for a variant; British for the EU
        return parameters

    def can_translate(self, source_locale, target_locale):
        return target_locale.language_code in DEEPL_TARGET_LANGUAGES and super().can_translate(
            source_locale, target_locale
        )

    def translate(self, source_locale, target_locale, strings):
        try:
            return super().translate(source_locale, target_locale, strings)
        except (requests.RequestException, KeyError, ValueError) as error:
            logger.warning("DeepL translation into %s failed: %r", target_locale, error)
            return {}


def machine_translation_state():
    """What machine translation can do here, for the admin and the system check.

    Returns a dict: ``name`` of the translator (or ``None`` when there is none),
    ``supported`` and ``unsupported`` language codes among the portal's target languages.
    """
    from wagtail.models import Locale

    translator = get_machine_translator()
    targets = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    if translator is None:
        return {"name": None, "supported": [], "unsupported": targets}
    source = Locale(language_code=settings.LANGUAGE_CODE)
    supported = [
        code for code in targets if translator.can_translate(source, Locale(language_code=code))
    ]
    return {
        "name": str(translator.display_name),
        "supported": supported,
        "unsupported": [code for code in targets if code not in supported],
    }
