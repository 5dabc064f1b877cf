"""Admin: members of other groups, and the public site's editors, see no workspace content.

Page permissions inside workspaces are cut by ``WorkspacePermissionTester`` (models.py);
these hooks hide the same subtrees from the page explorer and the page chooser, through the
same rule as the admin permission policies (``portal.privacy.admin_visible_pages``).
"""

from wagtail import hooks

from portal.privacy import admin_visible_pages, document_is_private, mark_private


def _without_hidden_workspaces(pages, request):
    return admin_visible_pages(request.user, pages)


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
    of a workspace file, and it ignores a hook's streaming response. For documents of a
    restricted collection this hook runs Wagtail's own restriction check and, when it
    passes, answers with the file read into memory (workspace files are small:
    ``WAGTAILDOCS_MAX_UPLOAD_SIZE``), marked private. Documents of public collections keep
    Wagtail's streaming response.
    """
    if not document_is_private(document):
        return None
    from django.http import HttpResponse

    from wagtail.documents.models import document_served
    from wagtail.documents.wagtail_hooks import check_view_restrictions

    denied = check_view_restrictions(document, request)
    if denied is not None:
        return denied
    document_served.send(sender=type(document), instance=document, request=request)
    with document.open_file() as handle:
        content = handle.read()
    response = HttpResponse(content, content_type=document.content_type)
    response["Content-Disposition"] = document.content_disposition
    response["Content-Length"] = len(content)
    response["Content-Security-Policy"] = "default-src 'none'"
    response["X-Content-Type-Options"] = "nosniff"
    return mark_private(response)
