"""Security headers for the public site, and a calm answer while the database is down.

A strict Content-Security-Policy on every public response: only the portal's own scripts,
styles, images and forms, no inline script, nothing framed. The Wagtail admin (which needs
inline scripts) and Django's own admin are left to their own defaults.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache as page_cache
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.template import loader
from django.utils import translation
from django.utils.cache import get_max_age, patch_cache_control
from django.utils.http import content_disposition_header

logger = logging.getLogger(__name__)

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
EXEMPT_PREFIXES = ("/admin/", "/django-admin/")
LANGUAGE_NEUTRAL_PREFIXES = ("/api/",)


class SecurityHeadersMiddleware:
    """Adds CSP and a restrictive Permissions-Policy to public responses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "PORTAL_CONTENT_SECURITY_POLICY", CSP)

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", self._policy_for(request))
            if getattr(request, "is_dummy", False):
                # The admin's preview iframe (this site): Django's X-Frame-Options DENY would
                # block it in browsers that do not read frame-ancestors.
                response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
            response.headers.setdefault(
                "Permissions-Policy", "geolocation=(), camera=(), microphone=()"
            )
        if request.path.startswith("/documents/") and response.status_code == 200:
            # Wagtail sends attachments (everything but PDF) with a Content-Disposition and
            # PDFs, shown in the browser, without one: name them explicitly as inline.
            filename = request.path.rstrip("/").rsplit("/", 1)[-1]
            if "Content-Disposition" not in response:
                response["Content-Disposition"] = content_disposition_header(False, filename)
        return response

    def _policy_for(self, request):
        """A preview runs the page through the middleware as a dummy request
        (``request.is_dummy``), shown in the admin's iframe: it may be framed by this site
        only; every real response keeps ``frame-ancestors 'none'`` (#15 item 9)."""
        if getattr(request, "is_dummy", False):
            return self.policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'")
        return self.policy


class DatabaseUnavailableMiddleware:
    """Answer a static 503 page instead of a traceback while the database is unreachable.

    Nothing is cached or remembered: the next request tries the database again, so the
    portal recovers by itself once the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as error:
            return self._unavailable(error)

    def process_exception(self, request, exception):
        if isinstance(exception, OperationalError | InterfaceError):
            return self._unavailable(exception)
        return None

    def _unavailable(self, error):
        logger.error("Database unavailable: %s", error)
        try:
            body = loader.get_template("503.html").render(
                {
                    "LANGUAGE_CODE": translation.get_language() or "de",
                    "LANGUAGE_BIDI": translation.get_language_bidi(),
                }
            )
        except Exception:
            body = "<!doctype html><title>503</title><h1>503 Service Unavailable</h1>"
        response = HttpResponse(body, status=503)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response


class ContentVersionMiddleware:
    """Reads the content and directory tokens at most once per request (``portal/cache.py``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .cache import request_scope

        with request_scope():
            return self.get_response(request)


class AnonymousPageCacheMiddleware:
    """Full-page cache for anonymous visitors; nothing rendered for a member is ever stored.

    A response is stored only when all of these hold: GET, the visitor is anonymous, the
    status is 200, the response does not set cookies, did not use a CSRF token, and is not
    marked private/no-store (Wagtail marks restricted pages that way). Keys contain the host,
    the full path and the content version (``portal/cache.py``), so publishing, unpublishing,
    moving, deleting or a change of privacy makes every cached page stale at once.
    A request that carries a session cookie is never answered from the cache. A response
    with ``Cache-Control: max-age`` below ``PORTAL_PAGE_CACHE_SECONDS`` is kept only that long.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @property
    def timeout(self):
        return getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 300)

    def __call__(self, request):
        if not self._may_use_cache(request):
            return mark_member_response_private(request, self.get_response(request))
        try:
            key = self._key(request)
        except (OperationalError, InterfaceError):
            # No database: let the view fail the same way, so the 503 page answers.
            return self.get_response(request)
        cached = page_cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        # A page that says how long it stays true (``Cache-Control: max-age``, e.g. a service
        # page's "open now") is kept no longer than that.
        max_age = get_max_age(response)
        timeout = self.timeout if max_age is None else min(self.timeout, max_age)
        if timeout > 0 and self._may_store(request, response):
            response["X-Cache"] = "MISS"
            if hasattr(response, "add_post_render_callback"):  # a TemplateResponse
                response.add_post_render_callback(lambda r: page_cache.set(key, r, timeout))
            else:
                page_cache.set(key, response, timeout)
        return mark_member_response_private(request, response)

    def _may_use_cache(self, request):
        return (
            self.timeout > 0
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            # The HSDS API answers conditional requests itself (ETag → 304).
            and not request.path.startswith(("/admin/", "/documents/", "/healthz", "/api/"))
            # Files never cost the content version's query (WhiteNoise answers static files
            # before this middleware; a /media/ request that reaches Django is a file too).
            and not request.path.startswith(self.file_prefixes)
        )

    @property
    def file_prefixes(self):
        return (settings.STATIC_URL, settings.MEDIA_URL)

    def _may_store(self, request, response):
        user = getattr(request, "user", None)
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and (user is None or not user.is_authenticated)
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_USED")
            and "private" not in cache_control
            and "no-store" not in cache_control
            and not response.has_header("Set-Cookie")
            and not getattr(response, "streaming", False)
        )

    def _key(self, request):
        from .cache import content_version

        raw = f"{request.get_host()}|{request.get_full_path()}|{content_version()}"
        return "portal:page:" + hashlib.sha256(raw.encode()).hexdigest()


def mark_member_response_private(request, response):
    """``Cache-Control: private`` on every response rendered for a logged-in user (#15).

    ``Vary: Cookie`` alone lets a shared cache keep a member's copy of a public URL (the
    overview with "My workspaces", search results with private titles).
    """
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        patch_cache_control(response, private=True)
    return response


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except for the language-neutral API under ``/api/``.

    Django answers a 404 outside ``i18n_patterns`` with a redirect to ``/de/…`` whenever
    that path would resolve, and Wagtail's catch-all page route resolves every path; an
    API client asking for an unknown id must get the API's JSON 404 instead.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(LANGUAGE_NEUTRAL_PREFIXES):
            return response
        return super().process_response(request, response)
