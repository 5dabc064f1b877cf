"""Main menu, breadcrumbs and language switcher, all narrowed by the privacy helper."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

from .cache import cached_fragment
from .privacy import visible_pages, visitor_digest

_HOME_ATTR = "_portal_locale_home"


def locale_home(request):
    """The home page of the active language (the site root's translation or alias)."""
    cached = getattr(request, _HOME_ATTR, None)
    if cached is not None:
        return cached
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    locale = Locale.get_active()
    if root.locale_id == locale.pk:
        home = root
    else:
        home = cached_fragment(
            f"home:{root.pk}:{locale.pk}",
            lambda: (
                Page.objects.filter(translation_key=root.translation_key, locale=locale).first()
                or root
            ),
        )
    setattr(request, _HOME_ATTR, home)
    return home


def main_menu(request):
    """Visible children of the language's home page marked "show in menus".

    Cached per language, content version and set of hidden subtrees, so visitors who may
    see the same pages share one entry and nobody gets an entry built for someone else.
    """
    home = locale_home(request)
    if home is None:
        return []
    return cached_fragment(
        f"menu:{home.pk}:{_hidden_digest(request)}",
        lambda: list(visible_pages(request, home.get_children()).filter(show_in_menus=True)),
    )


def _hidden_digest(request):
    """Visitors who may see the same pages share cached navigation; nobody else does."""
    return visitor_digest(request)


def breadcrumbs(request, page):
    """Visible ancestors from the home page down to (excluding) ``page``."""
    return cached_fragment(
        f"crumbs:{page.pk}:{_hidden_digest(request)}",
        lambda: list(visible_pages(request, page.get_ancestors().filter(depth__gt=1))),
    )


_LINKS_ATTR = "_portal_language_links"


def language_links(request, page=None):
    """One entry per language: the same page in that language where it exists.

    Without a page (a plain view such as search), the same path in the other language.
    Each entry is a dict with ``code``, ``name``, ``url``, ``current``, ``available``,
    ``lang`` (the HTML language tag) and ``translated`` (a real translation, not an alias
    showing the German text). Computed once per request: the switcher and the ``hreflang``
    links share it.
    """
    cached = getattr(request, _LINKS_ATTR, None)
    if cached is not None and cached[0] == getattr(page, "pk", None):
        return cached[1]
    links = _language_links(request, page)
    setattr(request, _LINKS_ATTR, (getattr(page, "pk", None), links))
    return links


def _language_links(request, page):
    current = translation.get_language()
    by_locale = {}
    home = locale_home(request) if page is not None else None
    if page is not None:
        keys = {page.translation_key}
        if home is not None:
            keys.add(home.translation_key)
        candidates = cached_fragment(
            f"translations:{page.pk}:{getattr(home, 'pk', 0)}:{_hidden_digest(request)}",
            lambda: list(
                visible_pages(request, Page.objects.filter(translation_key__in=keys))
                .select_related("locale")
                .order_by("path")
            ),
        )
        for candidate in candidates:
            code = candidate.locale.language_code
            exact = candidate.translation_key == page.translation_key
            if exact or code not in by_locale:
                by_locale[code] = (candidate, exact)
    links = []
    for code, name in settings.LANGUAGES:
        target, translated = None, False
        if page is None:
            url, available = translate_url(request.get_full_path(), code), True
        elif code in by_locale:
            target, available = by_locale[code]
            url = target.get_url(request)
            # A translation without a live revision of its own still shows the German text
            # (portal/patches/translation_moderation.py); the source language is always
            # "translated".
            translated = (
                available
                and target.alias_of_id is None
                and (code == settings.LANGUAGE_CODE or target.live_revision_id is not None)
            )
        else:
            url, available = f"/{code}/", False
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "available": available,
                "translated": translated,
                "page": target,
                "bidi": code in settings.LANGUAGES_BIDI,
                # The HTML lang/hreflang: "de" for Leichte Sprache (settings.PORTAL_HTML_LANG).
                "lang": settings.PORTAL_HTML_LANG.get(code, code),
            }
        )
    return links
