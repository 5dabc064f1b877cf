"""Which pages a visitor may see (docs/privacy.md); exported through ``portal.privacy``.

Wagtail enforces view restrictions only when a page is *served*. Every listing, search,
menu, breadcrumb, feed, sitemap and API therefore narrows its page queryset through
:func:`visible_pages`, never through ``.live()`` alone (which includes restricted pages).

A restriction is treated as applying to every translation and alias of the restricted
page as well, whether or not the restriction row has been copied to them yet, so a
translated or aliased workspace never shows up in a listing.
"""

import hashlib

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.db.models.functions import Length, Substr

from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from ..cache import cached_fragment, process_memo

_CACHE_ATTR = "_portal_hidden_paths"


_GROUPS_ATTR = "_portal_group_ids"


def user_group_ids(user):
    """The ids of ``user``'s groups, read once per user object (that is, per request).

    Code that changes the membership of the requesting user calls :func:`forget_groups`.
    """
    if not user.is_authenticated:
        return frozenset()
    if "groups" in getattr(user, "_prefetched_objects_cache", {}):
        # Loaded with the user (portal.auth); Django drops it when the membership changes.
        return frozenset(group.pk for group in user.groups.all())
    cached = user.__dict__.get(_GROUPS_ATTR)
    if cached is None:
        cached = frozenset(user.groups.values_list("id", flat=True))
        user.__dict__[_GROUPS_ATTR] = cached
    return cached


def forget_groups(user):
    user.__dict__.pop(_GROUPS_ATTR, None)
    getattr(user, "_prefetched_objects_cache", {}).pop("groups", None)


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

    The restriction rows and the paths of the pages they hide are read once per content
    version (any change to a page or a restriction bumps it) and shared through the cache;
    only a member's own group ids are read per request. The answer per kind of visitor is
    then kept in this process for that version (``process_memo``): exactly as fresh as the
    cached rows it is computed from.
    """
    own_group_ids = user_group_ids(user)
    visitor = (user.is_authenticated, user.is_authenticated and user.is_superuser, own_group_ids)
    return list(
        process_memo("hidden_paths", visitor, lambda: tuple(_hidden_paths(user, own_group_ids)))
    )


def _hidden_paths(user, own_group_ids):
    restrictions = _restrictions()
    if not restrictions:
        return []
    hidden_keys = {
        translation_key
        for translation_key, restriction_type, group_ids in restrictions
        if not restriction_admits(user, restriction_type, group_ids, own_group_ids)
    }
    if not hidden_keys:
        return []
    return _paths_of(frozenset(hidden_keys))


def _restrictions():
    """``[(translation_key, restriction_type, group_ids), ...]``, one per restriction row."""

    def load():
        rows = PageViewRestriction.objects.values_list(
            "pk", "page__translation_key", "restriction_type", "groups"
        )
        # One entry per restriction row: a page with several rows is hidden when any rejects.
        by_pk = {}
        for pk, translation_key, restriction_type, group_id in rows:
            entry = by_pk.setdefault(pk, (translation_key, restriction_type, set()))
            if group_id is not None:
                entry[2].add(group_id)
        return list(by_pk.values())

    return cached_fragment("restrictions", load)


def _paths_of(hidden_keys):
    """The outermost tree paths of every page (translations and aliases) with these keys."""
    digest = hashlib.sha1(
        "|".join(sorted(str(key) for key in hidden_keys)).encode(), usedforsecurity=False
    ).hexdigest()

    def load():
        paths = Page.objects.filter(translation_key__in=hidden_keys)
        return _outermost(paths.values_list("path", flat=True))

    return cached_fragment(f"hidden-paths:{digest}", load)


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
    """A ``Q`` that excludes the given subtrees; usable inside Wagtail ``.search()``.

    Where every child of a page is hidden (the 200 workspaces under "Gremien" for an
    anonymous visitor), one clause excludes the page's descendants instead of one clause
    per child: the SQL and the search engine's query stay small (issue #21).
    """
    singles, whole = _clauses(tuple(paths))
    q = Q()
    for path in singles:
        q &= ~Q(path__startswith=path)
    for parent in whole:
        q &= ~(Q(path__startswith=parent) & ~Q(path=parent))
    return q


def _clauses(paths):
    """``(subtrees, parents)``: the hidden subtrees to exclude one by one, and the pages
    all of whose children are hidden, per content version."""
    if len(paths) < 2:
        return paths, ()
    digest = hashlib.sha1("|".join(paths).encode(), usedforsecurity=False).hexdigest()

    def load():
        steplen = Page.steplen
        siblings = {}
        for path in paths:
            siblings.setdefault(path[:-steplen], []).append(path)
        candidates = [parent for parent, children in siblings.items() if len(children) > 1]
        if not candidates:
            return paths, ()
        counts = dict(
            Page.objects.filter(depth__in={len(p) // steplen + 1 for p in candidates})
            .annotate(parent=_parent_path())
            .filter(parent__in=candidates)
            .values_list("parent")
            .annotate(children=Count("pk"))
            .order_by()
        )
        whole = {p for p in candidates if counts.get(p) == len(siblings[p])}
        singles = tuple(path for path in paths if path[:-steplen] not in whole)
        return singles, tuple(sorted(whole))

    return cached_fragment(f"hidden-clauses:{digest}", load)


def visible_pages(request, queryset=None, within=None):
    """Narrow a page queryset to the live pages this request's visitor may see.

    Anonymous visitors get public pages only; a member also gets the workspaces of their
    groups; a superuser gets everything live. ``within``: a page the queryset is known to
    lie under (e.g. ``child_of(workspace)``); only the hidden subtrees that touch it are
    then written into the SQL, instead of one clause per hidden workspace of the site.
    """
    hidden = hidden_paths_for_request(request)
    if within is not None:
        if any(within.path.startswith(path) for path in hidden):
            return (queryset if queryset is not None else Page.objects.all()).none()
        hidden = [path for path in hidden if path.startswith(within.path)]
    return _narrow(queryset, hidden)


def public_pages(queryset=None):
    """The live pages an anonymous visitor may see, whoever is asking (sitemaps, feeds)."""
    return _narrow(queryset, hidden_paths(AnonymousUser()))


def _narrow(queryset, hidden):
    if queryset is None:
        queryset = Page.objects.all()
    elif hidden and queryset.model is not Page:
        hidden = _touching(hidden, _containers(queryset.model))
    return queryset.live().filter(visible_q(hidden))


def _touching(hidden, containers):
    """The hidden subtrees that can hold a page whose parent is one of ``containers``.

    A page lies under a hidden path ``h`` only if ``h`` contains its parent or lies inside
    it; every other hidden subtree holds no such page, and its clause only costs time (a
    `NOT LIKE` per row for each of 200 workspaces in ``make bench``).
    """
    return [h for h in hidden if any(p.startswith(h) or h.startswith(p) for p in containers)]


def _parent_path():
    """The tree path of a page's parent, as a database expression."""
    return Substr("path", 1, Length("path") - Page.steplen)


def _containers(model):
    """Tree paths of the pages that hold pages of ``model``, per content version."""

    def load():
        rows = model.objects.annotate(parent=_parent_path()).values_list("parent", flat=True)
        return sorted(set(rows.order_by().distinct()))

    return cached_fragment(f"containers:{model._meta.label_lower}", load)


def page_is_visible(request, page):
    """True when ``page`` is live and not inside a subtree hidden from this visitor."""
    if not page.live:
        return False
    return not any(page.path.startswith(p) for p in hidden_paths_for_request(request))


def visible_pages_for_user(user, queryset=None):
    """The live pages ``user`` may see, without a request (feeds, mails, PDFs).

    Anonymous users get public pages; a member also gets the workspaces of their groups.
    """
    return _narrow(queryset, hidden_paths(user))


def outside_hidden_subtrees(user, model=None):
    """A ``Q`` for pages outside every subtree hidden from ``user``, live or not.

    For counts over a page's history (the planning report counts unpublished services
    too); anything shown to a visitor goes through :func:`visible_pages` instead. With
    ``model``, only the hidden subtrees that can hold its pages are written into the SQL.
    """
    hidden = hidden_paths(user)
    if hidden and model is not None:
        hidden = _touching(hidden, _containers(model))
    return visible_q(hidden)


def page_visibility(user):
    """A predicate ``is_visible(page)`` for ``user``: True unless the page lies inside a
    subtree hidden from them (live or not). Reads the hidden subtrees once, for loops."""
    hidden = tuple(hidden_paths(user))
    return lambda page: not page.path.startswith(hidden) if hidden else True


def visitor_digest(request):
    """Visitors who may see the same pages share a digest (a cache key part); nobody else."""
    hidden = hidden_paths_for_request(request)
    return hashlib.sha1("|".join(hidden).encode(), usedforsecurity=False).hexdigest()


# The privacy filter writes one clause per subtree the visitor may not see. A search cluster
# refuses a query of more than 1,024 clauses (Lucene's limit; OpenSearch's
# ``indices.query.bool.max_clause_count``, wagtail#14108), and SQLite an expression deeper
# than 1,000. Beyond this many subtrees the hidden pages are excluded by id instead: one
# ``terms`` clause on the cluster (up to 65,536 ids), one ``NOT IN`` in SQL.
MAX_PATH_CLAUSES = 200


def searchable_pages(request):
    """:func:`visible_pages` in a form every search backend can run."""
    hidden = hidden_paths_for_request(request)
    if len(hidden) <= MAX_PATH_CLAUSES:
        return visible_pages(request)
    return Page.objects.live().exclude(pk__in=_hidden_page_ids(hidden))


def _hidden_page_ids(paths):
    """Ids of every page inside the given subtrees, read once per content version."""
    digest = hashlib.sha1("|".join(paths).encode(), usedforsecurity=False).hexdigest()

    def load():
        ids = set()
        for start in range(0, len(paths), MAX_PATH_CLAUSES):
            inside = Q(pk__in=[])
            for path in paths[start : start + MAX_PATH_CLAUSES]:
                inside |= Q(path__startswith=path)
            ids.update(Page.objects.filter(inside).values_list("pk", flat=True))
        return sorted(ids)

    return cached_fragment(f"hidden-page-ids:{digest}", load)
