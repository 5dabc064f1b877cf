"""System checks: say clearly whether machine translation is on and for which languages."""

from django.conf import settings
from django.core.checks import Info, register


@register("portal")
def machine_translation_check(app_configs, **kwargs):
    from .machine_translation import machine_translation_state

    state = machine_translation_state()
    if state["name"] is None:
        return [
            Info(
                "Machine translation is off: DEEPL_API_KEY is not set.",
                hint="Set DEEPL_API_KEY to offer DeepL in the translation editor "
                "(docs/i18n.md). Translators can still translate every page by hand.",
                id="portal.I001",
            )
        ]
    if state["unsupported"]:
        names = ", ".join(
            f"{settings.PORTAL_LANGUAGE_NAMES[code]} ({code})" for code in state["unsupported"]
        )
        # Info, not Warning: nothing can be changed about it, and `check --deploy
        # --fail-level WARNING` must keep passing with a DeepL key.
        return [
            Info(
                f"{state['name']} cannot translate into: {names}.",
                hint="Pages in these languages must be translated by hand (docs/i18n.md).",
                id="portal.I002",
            )
        ]
    return []
