"""The directory's search on the start page of every language (hook ``start_page_panels``):
what, town, age; and the most offered topics as links below the start page's shortcuts (hook
``start_page_more_panels``), so that a phone's first screen holds the search and the shortcuts."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from portal.cache import cached_fragment
from portal.privacy import public_pages

from . import directory
from .models import ServiceDirectoryPage

SHORTCUTS = 4


def _directory_url(request, locale_id):
    def load():
        page = public_pages(ServiceDirectoryPage.objects.filter(locale_id=locale_id)).first()
        if page is None:
            page = public_pages(ServiceDirectoryPage.objects.all()).order_by("path").first()
        return page.get_url(request) if page else None

    return cached_fragment(f"start-directory-url:{locale_id}", load)


def _start_data(request):
    """``(index, locale_id, directory_url)`` for the current language, or None."""
    index = directory.get_index(request)
    language = translation.get_language() or settings.LANGUAGE_CODE
    locale_id = index.locales.get(language, index.default_locale_id)
    url = _directory_url(request, locale_id)
    return None if url is None else (index, locale_id, url)


def _named(index, locale_id, kind, key):
    term = index.term(kind, key)
    return {"slug": term.slug, "name": term.name(locale_id, index.default_locale_id)}


def start_search_panel(request, home_page):
    """The search form (what, town, age): the first thing on the start page."""
    data = _start_data(request)
    if data is None:
        return None
    index, locale_id, url = data
    towns = sorted(
        (_named(index, locale_id, "town", key) for key in index.terms["town"]),
        key=lambda town: town["name"],
    )
    return render_to_string(
        "services_directory/components/start_search.html",
        {"directory_url": url, "towns": towns},
        request=request,
    )


def start_topics_panel(request, home_page):
    """The most offered topics as links, below the start page's shortcuts."""
    data = _start_data(request)
    if data is None:
        return None
    index, locale_id, url = data
    offered = [
        (len(ids), key) for key, ids in index.inverted["topic"].items() if index.term("topic", key)
    ]
    topics = sorted(
        (_named(index, locale_id, "topic", key) | {"count": count} for count, key in offered),
        key=lambda topic: (-topic["count"], topic["name"]),
    )[:SHORTCUTS]
    if not topics:
        return None
    return render_to_string(
        "services_directory/components/start_topics.html",
        {"directory_url": url, "topics": topics},
        request=request,
    )
