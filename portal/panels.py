"""Panels that apps put on the start page, without the home app importing them, and the
Leichte-Sprache help panel of the page editor.

An app registers ``@hooks.register("start_page_panels")`` with a function
``(request, home_page) -> str | None`` that returns HTML (already escaped) for the start page
of the current language. The directory puts its search form there. Panels registered with
``@hooks.register("start_page_more_panels")`` come below the start page's shortcuts (the
directory's "often needed" topics), so that a phone's first screen holds the search and the
shortcuts (docs/design.md).
"""

from wagtail import hooks
from wagtail.admin.panels import HelpPanel


def start_page_panels(request, page, hook_name="start_page_panels"):
    panels = (hook(request, page) for hook in hooks.get_hooks(hook_name))
    return [panel for panel in panels if panel]


class EasyLanguageHelpPanel(HelpPanel):
    """The Leichte-Sprache checklist's short form on the edit form of a page in Leichte
    Sprache (``settings.EASY_LANGUAGE``); hidden on every other language's pages."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "content",
            "<p><strong>Diese Seite ist in Leichter Sprache.</strong> Kurze Sätze, eine Aussage "
            "pro Satz, keine Abkürzungen, schwere Wörter erklären, lange Wörter mit Bindestrich "
            'trennen. <a href="/admin/leichte-sprache/">Checkliste Leichte Sprache</a></p>',
        )
        kwargs.setdefault("heading", "Leichte Sprache")
        super().__init__(**kwargs)

    class BoundPanel(HelpPanel.BoundPanel):
        def is_shown(self):
            from django.conf import settings

            locale_id = getattr(self.instance, "locale_id", None)
            if locale_id is None:
                return False
            from wagtail.models import Locale

            code = Locale.objects.filter(pk=locale_id).values_list("language_code", flat=True)
            return code.first() == settings.EASY_LANGUAGE and super().is_shown()
