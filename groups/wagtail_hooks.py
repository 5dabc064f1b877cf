"""Admin: members of other groups, and the public site's editors, see no workspace content.

Page permissions inside workspaces are cut by ``WorkspacePermissionTester`` (models.py);
these hooks hide the same subtrees from the page explorer and the page chooser, through the
same helper as the public site (``portal.privacy.hidden_paths``).
"""

from wagtail import hooks

from portal.privacy import hidden_paths, visible_q


def _without_hidden_workspaces(pages, request):
    if request.user.is_superuser:
        return pages
    return pages.filter(visible_q(hidden_paths(request.user)))


@hooks.register("construct_explorer_page_queryset")
def hide_workspaces_from_explorer(parent_page, pages, request):
    return _without_hidden_workspaces(pages, request)


@hooks.register("construct_page_chooser_queryset")
def hide_workspaces_from_chooser(pages, request):
    return _without_hidden_workspaces(pages, request)
