"""Workspace pages and documents stay out of the admin for everyone who may not read them.

Wagtail grants the public site's Editors and Moderators their document permissions on the
root collection, which covers every workspace collection below it, and has no "deny"
permission. The document permission policy is therefore narrowed here, once, at start-up:
a document in a restricted collection that the user may not view is, for the admin,
neither listed, chosen, edited nor deleted. Likewise the page permission policy drops the
workspace subtrees a user may not view from admin listings and the admin page search
(single pages are handled by ``WorkspacePermissionTester``). Superusers are unaffected.
"""

from django.db.models import Q

from wagtail.models import Collection, CollectionViewRestriction

from portal.privacy import hidden_paths, restriction_admits, user_group_ids, visible_q


def hidden_collection_paths(user):
    """Tree paths of the restricted collections whose documents ``user`` may not see."""
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
    group_ids_of_user = user_group_ids(user)
    return sorted(
        path
        for path, restriction_type, group_ids in restrictions.values()
        if not restriction_admits(user, restriction_type, group_ids, group_ids_of_user)
    )


def narrow_document_permission_policy():
    from wagtail.documents.permissions import permission_policy

    if getattr(permission_policy, "_groups_narrowed", False):
        return
    any_for_instance = permission_policy.user_has_any_permission_for_instance
    instances_for = permission_policy.instances_user_has_any_permission_for

    def user_has_any_permission_for_instance(user, actions, instance):
        paths = hidden_collection_paths(user)
        collection_path = instance.collection.path if instance.collection_id else ""
        if any(collection_path.startswith(path) for path in paths):
            return False
        return any_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(user, actions):
        queryset = instances_for(user, actions)
        paths = hidden_collection_paths(user)
        if paths:
            # By document id: the admin search can filter on ids, not on collection paths.
            hidden = Q()
            for path in paths:
                hidden |= Q(path__startswith=path)
            collections = Collection.objects.filter(hidden)
            ids = list(
                queryset.model.objects.filter(collection__in=collections).values_list(
                    "pk", flat=True
                )
            )
            queryset = queryset.exclude(pk__in=ids)
        return queryset

    permission_policy.user_has_any_permission_for_instance = user_has_any_permission_for_instance
    permission_policy.instances_user_has_any_permission_for = instances_user_has_any_permission_for
    permission_policy._groups_narrowed = True


def narrow_page_permission_policy():
    from wagtail.permissions import page_permission_policy

    if getattr(page_permission_policy, "_groups_narrowed", False):
        return
    explorable = page_permission_policy.explorable_instances
    instances_for = page_permission_policy.instances_user_has_any_permission_for

    def _narrow(queryset, user):
        if user.is_active and user.is_superuser:
            return queryset
        return queryset.filter(visible_q(hidden_paths(user)))

    def explorable_instances(user):
        return _narrow(explorable(user), user)

    def instances_user_has_any_permission_for(user, actions):
        return _narrow(instances_for(user, actions), user)

    page_permission_policy.explorable_instances = explorable_instances
    page_permission_policy.instances_user_has_any_permission_for = (
        instances_user_has_any_permission_for
    )
    page_permission_policy._groups_narrowed = True
