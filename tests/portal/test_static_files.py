"""Static files and media images skip the page machinery: no SQL, no page cache (issue #21)."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import urls as portal_urls
from portal.settings.base import MIDDLEWARE as PRODUCTION_MIDDLEWARE

# This module doubles as a URLconf with the development route for media images.
urlpatterns = portal_urls.development_media_patterns() + portal_urls.urlpatterns


@pytest.fixture
def production_stack(settings, tmp_path):
    """The production middleware (WhiteNoise included), serving from the app folders."""
    settings.STATIC_ROOT = tmp_path
    settings.MIDDLEWARE = PRODUCTION_MIDDLEWARE
    settings.WHITENOISE_USE_FINDERS = True
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


def queries_of(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(captured), response, body


def test_whitenoise_comes_before_everything_that_reads_the_database():
    names = [m.rsplit(".", 1)[-1] for m in PRODUCTION_MIDDLEWARE]
    whitenoise = names.index("WhiteNoiseMiddleware")
    for later in [
        "DatabaseUnavailableMiddleware",
        "ContentVersionMiddleware",
        "AnonymousPageCacheMiddleware",
        "SessionMiddleware",
        "AuthenticationMiddleware",
        "RedirectMiddleware",
    ]:
        assert names.index(later) > whitenoise, later


def test_static_file_runs_no_sql(production_stack, home, client):
    count, response, body = queries_of(client, "/static/css/portal.css")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/css")
    assert b"{" in body and count == 0
    assert "X-Cache" not in response
    # The same stack does read the content version for a page: the count above can fail.
    page_count, page, _ = queries_of(client, "/de/")
    assert page.status_code == 200 and page_count >= 1
    page_count, page, _ = queries_of(client, "/de/")
    assert page["X-Cache"] == "HIT" and page_count == 1


@pytest.mark.urls(__name__)
def test_media_image_runs_no_sql(production_stack, settings, home, client):
    from pathlib import Path

    # The development route serves from the MEDIA_ROOT it was built with.
    image = Path(settings.MEDIA_ROOT) / "images" / "static-files-test.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    try:
        count, response, body = queries_of(client, "/media/images/static-files-test.png")
    finally:
        image.unlink()
    assert response.status_code == 200 and body.startswith(b"\x89PNG")
    assert count == 0 and "X-Cache" not in response
