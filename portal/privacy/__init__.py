"""The closed privacy API: the one place that decides what a visitor may see.

Wagtail enforces view restrictions only when a page or document is *served*. Everything
else that shows pages or media (listings, search, menus, feeds, mails, PDFs, the HSDS API,
admin choosers) narrows its queryset through these functions, never through ``.live()``
alone (which includes restricted pages). ``tests/portal/test_privacy_api.py`` fails when
code outside this package filters pages with ``.live()`` for public output, or imports
anything from here that is not listed in ``__all__``. docs/privacy.md describes the rules.
"""

from .admin import (
    admin_hidden_collections,
    admin_hidden_pages_q,
    admin_page_hidden,
    admin_visible_pages,
)
from .documents import (
    collection_is_private,
    document_is_private,
    document_is_visible,
    document_visibility,
    private_collection_ids,
)
from .pages import (
    forget_groups,
    outside_hidden_subtrees,
    page_is_visible,
    page_visibility,
    public_pages,
    searchable_pages,
    user_group_ids,
    visible_pages,
    visible_pages_for_user,
    visitor_digest,
)
from .responses import mark_private

__all__ = [
    # Pages, for a request and for a user without one (feeds, mails, PDFs)
    "visible_pages",
    "visible_pages_for_user",
    "public_pages",
    "page_is_visible",
    "page_visibility",
    "searchable_pages",
    "outside_hidden_subtrees",
    "visitor_digest",
    # Collections, documents and images
    "collection_is_private",
    "document_is_private",
    "document_is_visible",
    "document_visibility",
    "private_collection_ids",
    # "This response is private"
    "mark_private",
    # The admin's workspace filter
    "admin_visible_pages",
    "admin_hidden_pages_q",
    "admin_page_hidden",
    "admin_hidden_collections",
    # Membership, read once per request
    "user_group_ids",
    "forget_groups",
]
