"""The content version is the portal's own table; apps opt in from their AppConfig.ready.

A write to a registered app's model bumps the ``content`` token, a write to a model the app
excluded (or to an app that did not register) does not, and an app's own token
(``directory``) lives in the same table and is read in the same single query.
"""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal import cache
from portal.models import ContentVersion
from services_directory.factories import TownFactory
from services_directory.models import DirectoryVersion, ServiceReport

pytestmark = pytest.mark.django_db


def _content():
    return ContentVersion.objects.get(key="content").token


def test_apps_register_themselves():
    assert cache.is_content(TownFactory._meta.model)  # services_directory opted in
    assert not cache.is_content(ServiceReport)  # … except its editors' task list
    assert not cache.is_content(ContentVersion)  # the tokens themselves
    assert "directory" in cache.version_keys()


def test_a_write_to_registered_content_bumps_the_token(home):
    cache.versions()
    before = _content()
    TownFactory(name="Velbert")
    assert _content() != before


def test_a_write_to_an_unregistered_model_leaves_the_token(home):
    from django.contrib.auth import get_user_model

    cache.versions()
    before = _content()
    get_user_model().objects.create_user("ohne-inhalt", password="x-Beispiel-1")
    assert _content() == before


def test_all_tokens_are_read_in_one_query(home):
    cache.versions()
    with cache.request_scope(), CaptureQueriesContext(connection) as queries:
        tokens = cache.versions()
        assert DirectoryVersion.current() == tokens["directory"]
    assert len(queries) == 1
    assert set(tokens) == set(cache.version_keys())


def test_the_directory_state_moves_with_its_own_token(home):
    token, changed_at = DirectoryVersion.state()
    assert changed_at is not None
    DirectoryVersion.bump()
    assert DirectoryVersion.state()[0] != token
    assert ContentVersion.objects.filter(key="directory").count() == 1
