"""Workspace files: only through Wagtail's permission-checking serve view."""

import pytest

SECRET = b"%PDF-1.4\n% DATEIINHALT-GEHEIM-4471\n"


@pytest.fixture
def document(workspace_a, make_document):
    return make_document(workspace_a, "Protokollentwurf", content=SECRET)


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_document_lives_in_the_workspace_collection(document, workspace_a):
    assert document.collection_id == workspace_a.collection_id
    assert document.url.startswith(f"/documents/{document.pk}/")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("anonymous", False), ("member_b", False), ("editor", False), ("member_a", True)],
)
def test_serve_view_checks_membership(document, client_for, role, allowed):
    response = client_for(role).get(document.url)
    body = _body(response)
    if allowed:
        assert response.status_code == 200 and body == SECRET
        assert response["Content-Disposition"].startswith("inline")
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    else:
        assert response.status_code == 302 and "/anmelden/" in response["Location"]
        assert b"GEHEIM" not in body


@pytest.mark.parametrize("role", ["anonymous", "member_b", "member_a", "admin"])
def test_media_documents_are_never_served(document, client_for, role, settings):
    media_url = f"/media/{document.file.name}"
    assert document.file.name.startswith("documents/")
    response = client_for(role).get(media_url)
    assert response.status_code == 404
    assert b"GEHEIM" not in _body(response)


@pytest.mark.parametrize("role", ["anonymous", "member_b"])
def test_media_documents_not_served_with_debug_urls(document, client_for, role, settings):
    """The DEBUG static() route serves images only (portal/urls.py)."""
    import importlib

    from django.urls import clear_url_caches

    import portal.urls

    settings.DEBUG = True
    try:
        importlib.reload(portal.urls)
        clear_url_caches()
        response = client_for(role).get(f"/media/{document.file.name}")
        assert response.status_code == 404
    finally:
        settings.DEBUG = False
        importlib.reload(portal.urls)
        clear_url_caches()
