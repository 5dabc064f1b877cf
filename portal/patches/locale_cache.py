"""A per-process cache of Wagtail locales by language code.

Wagtail looks the active ``Locale`` up with one query each time ``Locale.get_active()`` or
``.localized`` is used, which on a service page is a dozen identical queries. Locales are
created by a migration and change almost never, so each process keeps them: ``install()``
(called from ``PortalConfig.ready``) makes ``LocaleManager.get_for_language`` answer from a
dict that is dropped whenever a locale is saved or deleted in this process, and after
``TTL_SECONDS`` in any case (another process adding a locale is seen within that time).
Callers get a fresh ``Locale`` instance each time, so nothing they change is shared.
"""

import time

from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

WAGTAIL_VERSION = "7.4"
UPSTREAM = {"wagtail.models.i18n:LocaleManager.get_for_language": "db1af47bdacd6a87"}
CONTRACT_TEST = "tests/portal/test_patches.py::test_locale_cache_answers_like_wagtail"

TTL_SECONDS = 300
_cache = {"loaded": 0.0, "by_code": {}}
_uncached_get_for_language = LocaleManager.get_for_language


def clear(**kwargs):
    _cache["loaded"] = 0.0
    _cache["by_code"] = {}


def _cached_get_for_language(self, language_code):
    from wagtail.coreutils import get_supported_content_language_variant

    code = get_supported_content_language_variant(language_code)
    if time.monotonic() - _cache["loaded"] > TTL_SECONDS:
        _cache["by_code"] = dict(Locale.objects.values_list("language_code", "pk"))
        _cache["loaded"] = time.monotonic()
    pk = _cache["by_code"].get(code)
    if pk is None:
        return _uncached_get_for_language(self, code)  # raises DoesNotExist as before
    locale = Locale(pk=pk, language_code=code)
    locale._state.adding = False
    locale._state.db = self.db
    return locale


def install():
    LocaleManager.get_for_language = _cached_get_for_language
    post_save.connect(clear, sender=Locale, dispatch_uid="portal.locales.saved")
    post_delete.connect(clear, sender=Locale, dispatch_uid="portal.locales.deleted")
