"""Responses that carry what only this visitor may see."""

from django.utils.cache import add_never_cache_headers, patch_cache_control


def mark_private(response):
    """``Cache-Control: private, no-store`` (and never cached): no shared cache or proxy
    may keep it, the browser may not store it. Returns the response."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response
