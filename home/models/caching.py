"""Pages whose listings depend on the visitor must never sit in a shared cache."""

from django.utils.cache import patch_vary_headers

from portal.privacy import mark_private


class MemberAwareCacheMixin:
    """Mark responses rendered for a logged-in visitor as private (docs/privacy.md).

    Listings, contents and feeds go through ``visible_pages``, so a member may see entries
    an anonymous visitor does not; such a response must not be stored by a proxy or CDN.
    """

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        if request.user.is_authenticated:
            mark_private(response)
        return response
