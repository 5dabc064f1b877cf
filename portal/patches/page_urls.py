"""A page's URL from a per-process memo per content version.

Wagtail builds every page URL (``Page.get_url_parts``, behind ``{% pageurl %}``, ``url``,
``get_url`` and ``get_full_url``) by reversing its ``wagtail_serve`` route inside
``translation.override`` of the page's language: the main menu, the breadcrumbs, the language
switcher and the ``hreflang`` links build about twenty per page, a fifth of a service page's
server time on the seeded site (issue #21).

The answer depends on the page's ``url_path`` and language, the site root paths (content:
every write to a page or site replaces the content version), the active language (a
language variant such as Leichte Sprache keeps its own prefix) and, with several sites, the
request's host. ``install()`` makes ``Page.get_url_parts`` answer from a memo keyed by
exactly those, per content version; the answer itself is Wagtail's, computed on the first
call. A page not saved yet, or a call with something other than a request, is not memoised.
The memo holds one name's worth of entries (``process_memo``'s ``size``): a crawl of every
page empties it, not the other memos.
"""

from django.http import HttpRequest
from django.utils import translation

from wagtail.models import Page

from ..cache import process_memo

WAGTAIL_VERSION = "7.4"
UPSTREAM = {"wagtail.models.pages:Page.get_url_parts": "a5b44138d4cde959"}
CONTRACT_TEST = "tests/portal/test_patches.py::test_page_urls_answer_like_wagtail"

_uncached_get_url_parts = Page.get_url_parts
MEMO_SIZE = 20_000


def get_url_parts(self, request=None):
    if self.pk is None or not (request is None or isinstance(request, HttpRequest)):
        return _uncached_get_url_parts(self, request)
    key = (
        self.pk,
        self.url_path,
        self.locale_id,
        translation.get_language(),
        request._get_raw_host() if request is not None else None,  # as Site.find_for_request
    )
    return process_memo(
        "url_parts", key, lambda: _uncached_get_url_parts(self, request), size=MEMO_SIZE
    )


def install():
    Page.get_url_parts = get_url_parts
