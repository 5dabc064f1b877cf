"""Search engine down: the database answers with a notice, privacy holds, publishing works.

The search engine is Elasticsearch at a port where nothing listens, configured exactly as
``SEARCH_URL`` configures it (the database backend as ``fallback``).
"""

import pytest

from django.test import override_settings

from home.factories import ContentPageFactory
from portal.settings.base import DATABASE_SEARCH
from tests.portal.test_privacy import MARKER, secret_pages  # noqa: F401 (fixture)

DEAD_ENGINE = {
    "BACKEND": "wagtail.search.backends.elasticsearch8",
    "URLS": ["http://127.0.0.1:9"],  # the discard port: nothing answers
    "INDEX_PREFIX": "kimtest_",
    "TIMEOUT": 1,
    "OPTIONS": {"max_retries": 0},
    "AUTO_UPDATE": True,
}


@pytest.fixture
def public_page(home):
    return ContentPageFactory(parent=home, title=f"Öffentlich {MARKER}", slug="oeffentlich")


def _results(html):
    assert '<ol class="search-results"' in html
    return html.split('<ol class="search-results"')[1].split("</ol>")[0]


@pytest.fixture
def engine_down():
    with override_settings(
        WAGTAILSEARCH_BACKENDS={"default": DEAD_ENGINE, "fallback": DATABASE_SEARCH}
    ):
        yield


@pytest.mark.parametrize("role", ["anonymous", "member_b", "editor"])
def test_fallback_answers_without_private_pages(
    engine_down,
    role,
    client_for,
    secret_pages,  # noqa: F811
    public_page,
):
    response = client_for(role).get("/de/suche/", {"q": MARKER})
    assert response.status_code == 200
    html = response.content.decode()
    assert "vereinfachten Modus" in html  # the notice (German interface)
    assert f'<a href="{public_page.url}">Öffentlich {MARKER}</a>' in _results(html)
    assert f"Protokoll {MARKER}" not in html and f"Notiz {MARKER}" not in html
    for page in secret_pages:
        assert page.url not in html


def test_fallback_shows_members_their_workspace(engine_down, client_for, secret_pages):  # noqa: F811
    html = client_for("member_a").get("/de/suche/", {"q": MARKER}).content.decode()
    assert "vereinfachten Modus" in html
    assert f'<a href="{secret_pages[0].url}">' in _results(html)


def test_both_down_is_a_notice_not_a_500(client, home, public_page):
    with override_settings(
        WAGTAILSEARCH_BACKENDS={"default": DEAD_ENGINE, "fallback": DEAD_ENGINE}
    ):
        response = client.get("/de/suche/", {"q": MARKER})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="search-results"' not in html
    assert "vorübergehend nicht verfügbar" in html


def test_publishing_works_while_the_engine_is_down(engine_down, home, admin_client):
    from home.models import ContentPage

    response = admin_client.post(
        f"/admin/pages/add/home/contentpage/{home.pk}/",
        {
            "title": "Neu trotz Ausfall",
            "slug": "neu",
            "intro": "",
            "body-count": "0",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContentPage.objects.get(slug="neu")
    assert page.live
