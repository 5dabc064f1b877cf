"""A content version that invalidates cached fragments whenever public content changes.

Fragments (footer, main menu) are cached under keys that include this version. Publishing,
unpublishing, moving or deleting a page, changing a view restriction or the site settings
bumps it, so every process sees new content on its next request when the cache is shared
(Redis). With the per-process local-memory cache a process sees changes after at most
``FRAGMENT_TIMEOUT`` seconds.
"""

from django.core.cache import cache

VERSION_KEY = "portal:content-version"
FRAGMENT_TIMEOUT = 300


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY) or 1
    return version


def bump_content_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
