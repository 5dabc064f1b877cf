"""Security headers for the public site, and a calm answer while the database is down.

A strict Content-Security-Policy on every public response: only the portal's own scripts,
styles, images and forms, no inline script, nothing framed. The Wagtail admin (which needs
inline scripts) and Django's own admin are left to their own defaults.
"""

import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

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


class SecurityHeadersMiddleware:
    """Adds CSP and a restrictive Permissions-Policy to public responses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "PORTAL_CONTENT_SECURITY_POLICY", CSP)

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(EXEMPT_PREFIXES):
            response.headers.setdefault("Content-Security-Policy", self.policy)
            response.headers.setdefault(
                "Permissions-Policy", "geolocation=(), camera=(), microphone=()"
            )
        return response


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
