"""Which documents and images a visitor may see: view restrictions on collections."""

from django.contrib.auth.models import AnonymousUser

from ..cache import cached_fragment
from .pages import restriction_admits, user_group_ids


def collection_is_private(collection):
    """True when ``collection`` (or one above it) has a view restriction."""
    return collection is not None and collection.get_view_restrictions().exists()


def document_is_private(document):
    """True when the document's (or image's) collection, or one above it, is restricted."""
    return collection_is_private(document.collection)


def hidden_collection_paths(user):
    """Tree paths of the restricted collections whose documents ``user`` may not see."""
    from wagtail.models import CollectionViewRestriction

    if user.is_active and user.is_superuser:
        return []
    rows = CollectionViewRestriction.objects.values_list(
        "pk", "collection__path", "restriction_type", "groups"
    )
    restrictions = {}
    for pk, path, restriction_type, group_id in rows:
        entry = restrictions.setdefault(pk, [path, restriction_type, set()])
        if group_id is not None:
            entry[2].add(group_id)
    own_group_ids = user_group_ids(user)
    return sorted(
        path
        for path, restriction_type, group_ids in restrictions.values()
        if not restriction_admits(user, restriction_type, group_ids, own_group_ids)
    )


def document_is_visible(request, document):
    """True when ``document`` (or image) lies in no restricted collection hidden from the
    visitor. Used where a public page prints a chosen document's title."""
    if document is None:
        return False
    cached = getattr(request, "_portal_hidden_collections", None)
    if cached is None:
        user = getattr(request, "user", None) or AnonymousUser()
        cached = hidden_collection_paths(user)
        request._portal_hidden_collections = cached
    path = document.collection.path if document.collection_id else ""
    return not any(path.startswith(hidden) for hidden in cached)


def private_collection_ids():
    """Ids of every collection with a view restriction, and of all collections inside them.

    Two queries whatever the number of workspaces, once per content version (restrictions
    and collections are content: any change bumps it).
    """
    return cached_fragment("private-collections", _load_private_collection_ids)


def _load_private_collection_ids():
    from django.db.models import Q

    from wagtail.models import Collection, CollectionViewRestriction

    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).values_list("path", flat=True)
    inside = Q(pk__in=[])
    for path in paths:
        inside |= Q(path__startswith=path)
    return set(Collection.objects.filter(inside).values_list("pk", flat=True))


def document_visibility(user):
    """A predicate ``is_visible(document)`` for ``user``; reads the restrictions once."""
    hidden = tuple(hidden_collection_paths(user))

    def is_visible(document):
        path = document.collection.path if document.collection_id else ""
        return not (hidden and path.startswith(hidden))

    return is_visible
