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


@hooks.register("before_serve_document")
def private_documents_are_not_cached(document, request):
    """Serve documents of restricted collections with ``Cache-Control: private, no-store``.

    Wagtail's serve view sets no cache headers, so a shared cache could keep a member's copy
    of a workspace file. This hook serves such documents itself through Wagtail's own view
    (which runs the restriction check again) and marks the response as private.
    Documents of public collections keep Wagtail's streaming response.
    """
    if getattr(request, "_groups_serving_document", False):
        return None
    if not document.collection.get_view_restrictions().exists():
        return None
    from django.http import HttpResponse
    from django.utils.cache import add_never_cache_headers, patch_cache_control

    from wagtail.documents.views.serve import serve

    request._groups_serving_document = True
    response = serve(request, document.pk, document.filename)
    if response.streaming:
        # Wagtail only honours a hook's plain HttpResponse, not a streaming one, so the file
        # is copied into memory (workspace files are small: WAGTAILDOCS_MAX_UPLOAD_SIZE).
        streamed = response
        response = HttpResponse(b"".join(streamed.streaming_content), status=streamed.status_code)
        for header, value in streamed.items():
            response[header] = value
        streamed.close()
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response
