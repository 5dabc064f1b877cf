"""Shared fixtures: a German site tree, two workspaces, and a client for each role.

Roles: anonymous, member_a (workspace A), member_b (workspace B), editor, moderator,
admin. Permission tests parametrise over ``role`` instead of repeating themselves.
"""

import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page, Site

from groups.factories import WorkspaceIndexPageFactory, WorkspacePageFactory
from home.factories import ContentPageFactory, HomePageFactory
from portal.models import PortalSettings
from services_directory.factories import ServiceDirectoryPageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache (pages, menus and the content version)."""
    from django.core.cache import cache

    from portal.patches import locale_cache as locales

    cache.clear()
    locales.clear()
    yield
    cache.clear()
    locales.clear()


ROLES = ["anonymous", "member_a", "member_b", "editor", "moderator", "admin"]


# The brief's budget: at most 15 SQL queries per page, not growing with the items shown.
QUERY_BUDGET = 15


@pytest.fixture
def count_queries(settings):
    """Count one rendering's SQL queries, with the anonymous page cache switched off.

    The first request warms what each process keeps (site, locales, menus, facet data); the
    second is counted. Returns ``(count, response)``.
    """
    settings.PORTAL_PAGE_CACHE_SECONDS = 0

    def count(client, url, params=None):
        client.get(url, params or {})
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params or {})
        assert response.status_code == 200, (url, response.status_code)
        return len(captured), response

    return count


@pytest.fixture
def home(db):
    """The German home page as the root of the default site."""
    if not Locale.objects.filter(language_code="de").exists():
        # A transactional test before this one flushed the tables: what the migrations
        # created (locales, the tree's root, content types) is rebuilt as they did.
        from django.conf import settings
        from django.contrib.contenttypes.models import ContentType

        ContentType.objects.clear_cache()
        for code, _name in settings.LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        if Page.get_first_root_node() is None:
            Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, locale=Locale.objects.get(language_code="de"))
    Site.objects.all().delete()
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    PortalSettings.for_site(site)  # as on a real site, the settings row exists
    return home


@pytest.fixture
def content_page(home):
    return ContentPageFactory(parent=home, title="Über KIM", slug="ueber-kim")


@pytest.fixture
def directory_page(home):
    return ServiceDirectoryPageFactory(parent=home)


@pytest.fixture
def workspace_index(home):
    return WorkspaceIndexPageFactory(parent=home)


@pytest.fixture
def workspace_a(workspace_index):
    return WorkspacePageFactory(parent=workspace_index, title="Lenkungsgruppe", slug="lenkung")


@pytest.fixture
def workspace_b(workspace_index):
    return WorkspacePageFactory(parent=workspace_index, title="PG Sprache", slug="pg-sprache")


def make_user(username, *, groups=(), **flags):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw-1234567")
    for key, value in flags.items():
        setattr(user, key, value)
    user.save()
    for group in groups:
        user.groups.add(group)
    return user


@pytest.fixture
def users(workspace_a, workspace_b):
    return {
        "member_a": make_user("member-a", groups=[workspace_a.group]),
        "member_b": make_user("member-b", groups=[workspace_b.group]),
        "editor": make_user("editor", groups=[Group.objects.get(name="Editors")], is_staff=True),
        "moderator": make_user(
            "moderator", groups=[Group.objects.get(name="Moderators")], is_staff=True
        ),
        "admin": make_user("admin", is_staff=True, is_superuser=True),
    }


@pytest.fixture
def client_for(users):
    """``client_for(role)``: a Django test client logged in as that role."""

    def build(role):
        client = Client()
        if role != "anonymous":
            client.force_login(users[role])
        return client

    return build


@pytest.fixture
def sync_locale(home):
    """``sync_locale("ar")``: alias every German page into that locale (tree sync)."""
    from wagtail_localize.synctree import synchronize_tree

    def sync(code):
        synchronize_tree(
            Locale.objects.get(language_code="de"), Locale.objects.get(language_code=code)
        )

    return sync


@pytest.fixture
def translate(db):
    """``translate(page, "ar", title=...)``: a published translation with these fields."""

    def make(page, code, **fields):
        translated = page.copy_for_translation(
            Locale.objects.get(language_code=code), copy_parents=True
        )
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save_revision().publish()
        return translated

    return make


# Django's masked CSRF tokens: 64 letters and digits, random per rendering. A marker test's
# three-letter prefix ("Zqa") turns up inside one now and then; a token is never content.
_CSRF_TOKEN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")


def response_text(response):
    """A response's body as text for marker tests, without its CSRF tokens."""
    if getattr(response, "streaming", False):
        text = b"".join(response.streaming_content).decode("latin-1")
    else:
        text = response.content.decode("utf-8", "replace")
    return _CSRF_TOKEN.sub("", text)
