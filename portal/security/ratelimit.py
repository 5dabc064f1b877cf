"""A per-client rate limit for public forms that anyone may post (no login, no CSRF token).

``cache.add`` + ``cache.incr`` are atomic on Redis, so the limit holds across processes and
hosts sharing it; with the local-memory cache (development) it is per process. The client
address is the one the login throttling uses (``PROXY_COUNT`` → django-ipware).
"""

from django.core.cache import cache


def client_address(request):
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or request.META.get("REMOTE_ADDR") or "unknown"


def rate_limited(request, scope, limit, window):
    """True when this client has used ``scope`` more than ``limit`` times in ``window`` s."""
    key = f"portal:ratelimit:{scope}:{client_address(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit
