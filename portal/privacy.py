"""The one place that decides which pages a visitor may see (ARCHITECTURE.md §3).

Wagtail enforces view restrictions only when a page is *served*. Every listing, search,
menu, breadcrumb, feed, sitemap and API therefore narrows its page queryset through
:func:`visible_pages`, never through ``.live()`` alone (which includes restricted pages).

A restriction is treated as applying to every translation and alias of the restricted
page as well, whether or not the restriction row has been copied to them yet, so a
translated or aliased workspace never shows up in a listing.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

_CACHE_ATTR = "_portal_hidden_paths"


def _user_group_ids(user):
    if not user.is_authenticated:
        return set()
    return set(user.groups.values_list("id", flat=True))


def restriction_admits(user, restriction_type, group_ids, user_group_ids):
    """Mirror of ``BaseViewRestriction.accept_request`` for rows read as plain values."""
    if restriction_type == BaseViewRestriction.NONE:
        return True
    if restriction_type == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction_type == BaseViewRestriction.GROUPS:
        return user.is_superuser or bool(user_group_ids & group_ids)
    # Shared passwords are switched off; a password restriction hides the page from lists.
    return False


def hidden_paths(user):
    """Tree paths of the restricted subtrees that ``user`` may not see.

    Two queries at most, whatever the number of pages: the restriction rows, and the
    translations/aliases of the pages they hide.
    """
    rows = PageViewRestriction.objects.values_list(
        "pk", "page__translation_key", "restriction_type", "groups"
    )
    # One entry per restriction row: a page with several rows is hidden when any rejects.
    restrictions = {}
    for pk, translation_key, restriction_type, group_id in rows:
        entry = restrictions.setdefault(pk, [translation_key, restriction_type, set()])
        if group_id is not None:
            entry[2].add(group_id)
    if not restrictions:
        return []
    user_group_ids = _user_group_ids(user)
    hidden_keys = {
        translation_key
        for translation_key, restriction_type, group_ids in restrictions.values()
        if not restriction_admits(user, restriction_type, group_ids, user_group_ids)
    }
    if not hidden_keys:
        return []
    paths = Page.objects.filter(translation_key__in=hidden_keys).values_list("path", flat=True)
    return _outermost(paths)


def _outermost(paths):
    """Drop paths that lie inside another path of the list (fewer SQL clauses)."""
    kept = []
    for path in sorted(paths):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def hidden_paths_for_request(request):
    """:func:`hidden_paths` for the request's user, computed once per request."""
    cached = getattr(request, _CACHE_ATTR, None)
    if cached is None:
        cached = hidden_paths(request.user)
        setattr(request, _CACHE_ATTR, cached)
    return cached


def visible_q(paths):
    """A ``Q`` that excludes the given subtrees; usable inside Wagtail ``.search()``."""
    q = Q()
    for path in paths:
        q &= ~Q(path__startswith=path)
    return q


def visible_pages(request, queryset=None):
    """Narrow a page queryset to the live pages this request's visitor may see.

    Anonymous visitors get public pages only; a member also gets the workspaces of their
    groups; a superuser gets everything live.
    """
    return _narrow(queryset, hidden_paths_for_request(request))


def public_pages(queryset=None):
    """The live pages an anonymous visitor may see, whoever is asking (sitemaps, feeds)."""
    return _narrow(queryset, hidden_paths(AnonymousUser()))


def _narrow(queryset, hidden):
    if queryset is None:
        queryset = Page.objects.all()
    return queryset.live().filter(visible_q(hidden))


def page_is_visible(request, page):
    """True when ``page`` is live and not inside a subtree hidden from this visitor."""
    if not page.live:
        return False
    return not any(page.path.startswith(p) for p in hidden_paths_for_request(request))
