"""Security headers for the public site.

A strict Content-Security-Policy on every public response: only the portal's own scripts,
styles, images and forms, no inline script, nothing framed. The Wagtail admin (which needs
inline scripts) and Django's own admin are left to their own defaults.
"""

from django.conf import settings

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
