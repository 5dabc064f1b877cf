"""Roles: managers work in their own workspace only; editors of the public site see nothing."""

import pytest

from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
    WorkflowPage,
)

from tests.conftest import make_user


@pytest.fixture
def manager_a(workspace_a):
    return make_user("manager-a", groups=[workspace_a.managers_group])


def test_managers_group_has_subtree_permissions_only(workspace_a):
    managers = workspace_a.managers_group
    assert managers.name == "Gremium: Lenkungsgruppe – Leitung"
    page_perms = GroupPagePermission.objects.filter(group=managers)
    assert {p.page_id for p in page_perms} == {workspace_a.pk}
    assert {p.permission.codename for p in page_perms} == {
        "add_page",
        "change_page",
        "publish_page",
    }
    collection_perms = GroupCollectionPermission.objects.filter(group=managers)
    assert {p.collection_id for p in collection_perms} == {workspace_a.collection_id}
    assert {p.permission.codename for p in collection_perms} == {
        "add_document",
        "change_document",
        "choose_document",
    }
    assert set(managers.permissions.values_list("codename", flat=True)) == {"access_admin"}


def test_saving_twice_creates_nothing_new(workspace_a):
    counts = (GroupPagePermission.objects.count(), WorkflowPage.objects.count())
    workspace_a.save_revision().publish()
    assert (GroupPagePermission.objects.count(), WorkflowPage.objects.count()) == counts


def test_manager_edits_own_workspace_not_others(
    manager_a, workspace_a, workspace_b, make_meeting, client
):
    own = make_meeting(workspace_a, title="Eigene Sitzung")
    other = make_meeting(workspace_b, title="Fremde Sitzung")
    assert not manager_a.is_superuser and not manager_a.is_staff
    client.force_login(manager_a)
    assert client.get(f"/admin/pages/{own.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/groups/meetingpage/{workspace_a.pk}/").status_code == 200
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code != 200
    assert client.get(f"/admin/pages/add/groups/meetingpage/{workspace_b.pk}/").status_code != 200
    # Managers read their workspace on the site too.
    assert client.get(own.url).status_code == 200
    assert client.get(other.url).status_code == 302


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_public_site_editors_get_no_access(role, workspace_a, make_meeting, client_for):
    meeting = make_meeting(workspace_a, title="Sitzung GEHEIMTITEL")
    client = client_for(role)
    for url in [
        f"/admin/pages/{meeting.pk}/edit/",
        f"/admin/pages/{meeting.pk}/view_draft/",
        f"/admin/pages/{meeting.pk}/edit/preview/",
        f"/admin/pages/{meeting.pk}/history/",
        f"/admin/pages/{meeting.pk}/delete/",
        f"/admin/pages/{workspace_a.pk}/edit/",
        f"/admin/pages/add/groups/meetingpage/{workspace_a.pk}/",
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "GEHEIMTITEL" not in response.content.decode(), url
    explorer = client.get(f"/admin/pages/{workspace_a.get_parent().pk}/")
    assert "Lenkungsgruppe" not in explorer.content.decode()
    children = client.get(f"/admin/pages/{workspace_a.pk}/")
    assert "GEHEIMTITEL" not in children.content.decode()
    assert client.get(meeting.url).status_code == 302


def test_editor_who_is_a_member_keeps_access(users, workspace_a, make_meeting, client_for):
    meeting = make_meeting(workspace_a, title="Sitzung fuer Mitglieder")
    users["editor"].groups.add(workspace_a.group)
    client = client_for("editor")
    assert client.get(f"/admin/pages/{meeting.pk}/edit/").status_code == 200
    assert client.get(meeting.url).status_code == 200


def _restriction_groups(page):
    return {g for row in PageViewRestriction.objects.filter(page=page) for g in row.groups.all()}


def test_steering_group_reads_project_groups(workspace_a, workspace_b, client_for):
    client = client_for("member_a")
    assert client.get(workspace_b.url).status_code == 302
    workspace_a.is_steering_group = True
    workspace_a.save_revision().publish()
    workspace_b.refresh_from_db()
    assert workspace_a.group in _restriction_groups(workspace_b)
    collection_groups = set(workspace_b.collection.get_view_restrictions().get().groups.all())
    assert workspace_a.group in collection_groups
    assert client.get(workspace_b.url).status_code == 200
    # The project group cannot read the steering group.
    assert client_for("member_b").get(workspace_a.url).status_code == 302
    # Configurable per workspace.
    workspace_b.readable_by_steering_group = False
    workspace_b.save_revision().publish()
    assert workspace_a.group not in _restriction_groups(workspace_b)
    assert client.get(workspace_b.url).status_code == 302
