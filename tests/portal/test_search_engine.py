"""Elasticsearch/OpenSearch wiring, checked offline: index mapping, settings and the query
the portal's privacy filter compiles to. A live check runs only when SEARCH_URL is set."""

import os

import pytest

from django.conf import settings

from wagtail.models import BaseViewRestriction, Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from home.factories import ContentPageFactory
from home.models import ContentPage
from portal.privacy import public_pages


def _es_backend():
    from portal.settings import base

    config = {
        "BACKEND": base.SEARCH_ENGINES["elasticsearch8"],
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "kimtest_",
        "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {"type": "german"}}}}},
    }
    backend_path = config.pop("BACKEND")
    return get_search_backend(backend_path, **config)


def test_index_uses_prefix_and_german_analyzer():
    backend = _es_backend()
    assert backend.get_index_for_model(ContentPage).name == "kimtest_wagtailcore_page"
    analyzer = backend.settings["settings"]["analysis"]["analyzer"]["default"]
    assert analyzer == {"type": "german"}


def test_mapping_covers_page_fields_and_privacy_filters():
    mapping = _es_backend().mapping_class(ContentPage).get_mapping()["properties"]
    for field in ["title", "home_contentpage__intro", "home_contentpage__body"]:
        assert mapping[field]["type"] == "text"
    for field in ["title_edgengrams", "home_contentpage__intro_edgengrams"]:  # partial words
        assert mapping[field]["analyzer"] == "edgengram_analyzer"
    for field in ["path_filter", "locale_id_filter", "live_filter"]:
        assert field in mapping


def test_privacy_filter_is_part_of_the_compiled_query(home, workspace_a):
    secret = ContentPageFactory(parent=home, slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    compiler = _es_backend().query_compiler_class(public_pages(Page.objects.all()), "Beratung")
    query = str(compiler.get_query())
    for page in (secret, workspace_a):
        assert f"'path_filter': '{page.path}'" in query
    assert "'live_filter': True" in query and "must_not" in query


@pytest.mark.skipif(not os.environ.get("SEARCH_URL"), reason="no search server (SEARCH_URL unset)")
def test_live_search_server_answers(db):
    assert settings.SEARCH_ENGINE in settings.SEARCH_ENGINES
    list(get_search_backend().search("Beratung", Page)[:1])
