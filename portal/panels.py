"""Panels that apps put on the start page, without the home app importing them.

An app registers ``@hooks.register("start_page_panels")`` with a function
``(request, home_page) -> str | None`` that returns HTML (already escaped) for the start page
of the current language. The directory puts its search form there.
"""

from wagtail import hooks


def start_page_panels(request, page):
    panels = (hook(request, page) for hook in hooks.get_hooks("start_page_panels"))
    return [panel for panel in panels if panel]
