"""The admin's workspace filter: what an editor may not see or touch in the admin.

One rule for every admin surface (page explorer and chooser, the permission policies and
the admin pages API they serve, bulk actions, reports, media): an active superuser sees
everything; everyone else loses the subtrees and collections their groups may not view.
"""

from django.db.models import Q

from .documents import hidden_collection_paths
from .pages import hidden_paths


def _inside_any(paths):
    """A ``Q`` for rows inside any of the tree ``paths``, or None when there are none."""
    if not paths:
        return None
    q = Q()
    for path in paths:
        q |= Q(path__startswith=path)
    return q


def _sees_everything(user):
    return user.is_active and user.is_superuser


def admin_hidden_pages_q(user):
    """A ``Q`` matching the pages hidden from ``user`` in the admin, or None."""
    if _sees_everything(user):
        return None
    return _inside_any(hidden_paths(user))


def admin_visible_pages(user, pages):
    """``pages`` without those hidden from ``user`` in the admin (explorer, chooser)."""
    hidden = admin_hidden_pages_q(user)
    return pages if hidden is None else pages.exclude(hidden)


def admin_page_hidden(user, page):
    """True when ``page`` lies in a subtree hidden from ``user`` in the admin."""
    if _sees_everything(user):
        return False
    return any(page.path.startswith(path) for path in hidden_paths(user))


def admin_hidden_collections(user):
    """The collections whose media ``user`` may not see (a queryset), or None."""
    from wagtail.models import Collection

    inside = _inside_any(hidden_collection_paths(user))
    return None if inside is None else Collection.objects.filter(inside)
