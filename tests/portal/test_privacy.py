"""The visibility helper and the restriction sync across translations and aliases."""

import pytest

from django.test import RequestFactory

from wagtail.models import BaseViewRestriction, Locale, Page, PageViewRestriction

from home.factories import ContentPageFactory
from portal.privacy import visible_pages

MARKER = "GEHEIMMARKER7731"


@pytest.fixture
def secret_pages(workspace_a, home):
    """A restricted workspace and a restricted content page, both carrying the marker."""
    workspace_a.body = f"Interne Notiz {MARKER}"
    workspace_a.save_revision().publish()
    restricted = ContentPageFactory(parent=home, title=f"Protokoll {MARKER}", slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    return [workspace_a, restricted]


def _request_for(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize(
    ("role", "sees_secrets"),
    [
        ("anonymous", False),
        ("member_b", False),
        ("editor", False),
        ("member_a", True),
        ("admin", True),
    ],
)
def test_visible_pages_by_role(role, sees_secrets, users, secret_pages):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if role == "anonymous" else users[role]
    visible = set(visible_pages(_request_for(user)).values_list("pk", flat=True))
    assert all((page.pk in visible) is sees_secrets for page in secret_pages)
    assert secret_pages[0].get_parent().pk in visible  # the public overview stays visible


@pytest.mark.parametrize(("role", "sees_secrets"), [("member_b", False), ("member_a", True)])
def test_visible_pages_within_a_subtree_is_the_same_answer(role, sees_secrets, users, secret_pages):
    """``within=`` writes fewer clauses; it must never show more (or less) than without it."""
    workspace, restricted = secret_pages
    request = _request_for(users[role])
    home = restricted.get_parent()
    for parent in (home, workspace.get_parent(), workspace):
        children = Page.objects.child_of(parent)
        narrowed = set(visible_pages(request, children, within=parent).values_list("pk", flat=True))
        assert narrowed == set(visible_pages(request, children).values_list("pk", flat=True))
    # Below a subtree the visitor may not see, nothing at all.
    inside = ContentPageFactory(parent=workspace, title=f"Anhang {MARKER}", slug="anhang")
    found = visible_pages(request, Page.objects.child_of(workspace), within=workspace)
    assert (inside.pk in set(found.values_list("pk", flat=True))) is sees_secrets


def test_workspace_is_private_from_its_first_save(workspace_a):
    restriction = PageViewRestriction.objects.get(page=workspace_a)
    assert restriction.restriction_type == BaseViewRestriction.GROUPS
    readers = {workspace_a.group, workspace_a.managers_group}  # managers read what they edit
    assert set(restriction.groups.all()) == readers
    collection_restriction = workspace_a.collection.get_view_restrictions().get()
    assert set(collection_restriction.groups.all()) == readers


def test_aliases_inherit_the_restriction(secret_pages, sync_locale, users, client_for):
    sync_locale("ar")
    for page in secret_pages:
        alias = page.get_translation(Locale.objects.get(language_code="ar"))
        assert alias.alias_of_id == page.pk
        rows = PageViewRestriction.objects.filter(page=alias)
        source_groups = {
            g.pk for row in PageViewRestriction.objects.filter(page=page) for g in row.groups.all()
        }
        assert {g.pk for row in rows for g in row.groups.all()} == source_groups
        assert client_for("anonymous").get(alias.get_url()).status_code == 302
        assert client_for("member_b").get(alias.get_url()).status_code == 302
        assert client_for("member_a").get(alias.get_url()).status_code == 200


def test_restriction_added_after_translation_reaches_the_translation(
    home, content_page, sync_locale, workspace_a, client
):
    sync_locale("en")
    english = content_page.get_translation(Locale.objects.get(language_code="en"))
    assert client.get(english.get_url()).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=content_page, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    assert client.get(english.get_url()).status_code == 302
    assert not Page.objects.filter(pk=english.pk).public().exists()
    # Lifting the source's restriction lifts it for the translation too.
    restriction.delete()
    assert client.get(english.get_url()).status_code == 200


def test_changed_groups_reach_the_translation(secret_pages, sync_locale, workspace_b):
    sync_locale("en")
    source = secret_pages[1]
    restriction = PageViewRestriction.objects.get(page=source)
    restriction.groups.set([workspace_b.group])
    english = source.get_translation(Locale.objects.get(language_code="en"))
    rows = PageViewRestriction.objects.filter(page=english)
    assert rows and all(list(row.groups.all()) == [workspace_b.group] for row in rows)


def test_cached_menu_never_shows_a_members_page_to_others(home, workspace_a, client_for):
    secret = ContentPageFactory(parent=home, title=f"Menü {MARKER}", slug="menue-intern")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    # The member's request fills the menu cache first; the others must not get that entry.
    assert f"Menü {MARKER}" in client_for("member_a").get("/de/").content.decode()
    for role in ["anonymous", "member_b", "editor"]:
        assert MARKER not in client_for(role).get("/de/").content.decode()


def test_footer_cache_follows_settings_changes(home, client):
    from portal.models import PortalSettings

    assert "kim@kreis-mettmann.de" in client.get("/de/").content.decode()
    settings = PortalSettings.for_site(home.get_site())
    settings.email = "neu@example.org"
    settings.save()
    assert "neu@example.org" in client.get("/de/").content.decode()


def test_a_parent_whose_children_are_all_hidden_is_one_clause(
    workspace_a, workspace_b, workspace_index
):
    """Anonymous visitors: both workspaces hidden → one clause for their parent's
    descendants, the same pages as one clause per workspace; a public child added later
    stays visible and the clauses split again (issue #21: 200 workspaces, 200 clauses)."""
    from django.contrib.auth.models import AnonymousUser

    from portal.privacy.pages import hidden_paths, visible_q

    def clauses():
        return str(visible_q(hidden_paths(AnonymousUser()))).count("path__startswith")

    def visible():
        return set(visible_pages(_request_for(AnonymousUser())).values_list("pk", flat=True))

    secret = ContentPageFactory(parent=workspace_b, title=f"Notiz {MARKER}", slug="notiz")
    assert clauses() == 1
    seen = visible()
    assert workspace_index.pk in seen
    assert not seen & {workspace_a.pk, workspace_b.pk, secret.pk}

    public = ContentPageFactory(parent=workspace_index, title="Geschäftsordnung", slug="go")
    assert clauses() == 2
    seen = visible()
    assert {workspace_index.pk, public.pk} <= seen
    assert not seen & {workspace_a.pk, workspace_b.pk, secret.pk}


def test_the_per_process_memo_follows_every_change(home, workspace_a, users):
    """``hidden_paths`` keeps its answer per process, content version and kind of visitor
    (issue #21). A restriction added, its groups changed, a membership gained and the
    restriction removed are each seen by the very next call of the same process."""
    from django.contrib.auth.models import AnonymousUser

    from portal.privacy import forget_groups

    page = ContentPageFactory(parent=home, title=f"Bald intern {MARKER}", slug="bald-intern")
    member_b = users["member_b"]

    def seen_by(user):
        return page.pk in set(visible_pages(_request_for(user)).values_list("pk", flat=True))

    assert seen_by(AnonymousUser()) and seen_by(member_b)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    assert not seen_by(AnonymousUser()) and not seen_by(member_b)
    assert seen_by(users["member_a"])

    member_b.groups.add(workspace_a.group)
    forget_groups(member_b)
    assert seen_by(member_b)
    restriction.groups.remove(workspace_a.group)
    assert not seen_by(member_b)

    restriction.delete()
    assert seen_by(AnonymousUser())
