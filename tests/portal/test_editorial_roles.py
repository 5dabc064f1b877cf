"""Editorial groups from the data migrations and four-eyes publishing through the admin.

Redaktion edits and submits, Moderation approves; nobody in Redaktion, Übersetzung or
Verzeichnispflege can publish directly. Every step is an HTTP request against /admin/.
"""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import GroupApprovalTask, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.conftest import make_user

MARKER = "Zweite Freigabe XYZZY"


def _user(name, group):
    return make_user(name, groups=[Group.objects.get(name=group)], is_staff=True)


def _form(page, intro):
    return nested_form_data(
        {"title": page.title, "slug": page.slug, "intro": intro, "body": streamfield([])}
    )


@pytest.mark.parametrize(
    ("group", "permissions"),
    [
        ("Redaktion", {"add", "change", "lock"}),
        ("Moderation", {"add", "change", "publish", "lock", "unlock", "bulk_delete"}),
        ("Übersetzung", {"change"}),
    ],
)
def test_groups_have_their_page_permissions_on_the_tree_root(db, group, permissions):
    group = Group.objects.get(name=group)
    rows = group.page_permissions.select_related("page", "permission")
    assert {row.page.depth for row in rows} == {1}
    assert {row.permission.codename.removesuffix("_page") for row in rows} == permissions
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "submit_translation"} <= codenames


def test_moderation_is_the_approval_task_of_the_root_workflow(db):
    from wagtail.models import Page

    workflow = Page.get_first_root_node().get_workflow()
    assert workflow is not None and workflow.active
    groups = {
        group.name
        for task in GroupApprovalTask.objects.filter(workflow_tasks__workflow=workflow)
        for group in task.groups.all()
    }
    assert "Moderation" in groups and "Redaktion" not in groups


def test_redaktion_submits_moderation_approves_page_goes_live(content_page, client):
    editor = _user("redakteurin", "Redaktion")
    moderator = _user("moderator-in", "Moderation")
    edit_url = f"/admin/pages/{content_page.pk}/edit/"
    client.force_login(editor)

    # "Publish" by an editor is not possible: the change stays a draft.
    response = client.post(
        edit_url, {**_form(content_page, MARKER), "action-publish": "1"}, follow=True
    )
    assert response.status_code == 200
    said = [str(message) for message in response.context["messages"]]
    assert any(text.startswith("Nichts wurde veröffentlicht") for text in said), said
    assert MARKER not in client.__class__().get(content_page.url).content.decode()
    content_page.refresh_from_db()
    assert content_page.intro != MARKER

    # Submit for moderation.
    response = client.post(edit_url, {**_form(content_page, MARKER), "action-submit": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.get(
        base_content_type__model="page",
        object_id=str(content_page.pk),
        status=WorkflowState.STATUS_IN_PROGRESS,
    )
    task_state = state.current_task_state
    approve_url = f"/admin/pages/workflow/action/{content_page.pk}/approve/{task_state.pk}/"
    # The editor cannot approve their own change.
    client.post(approve_url, {"comment": ""})
    content_page.refresh_from_db()
    assert content_page.intro != MARKER
    assert MARKER not in client.__class__().get(content_page.url).content.decode()

    # A moderator approves: the page is live with the change.
    client.force_login(moderator)
    response = client.post(approve_url, {"comment": "Passt."})
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert MARKER in client.__class__().get(content_page.url).content.decode()


def test_translators_cannot_publish(content_page):
    translator = _user("uebersetzer", "Übersetzung")
    permissions = content_page.permissions_for_user(translator)
    assert permissions.can_edit() and not permissions.can_publish()
    assert translator.has_perm("wagtail_localize.submit_translation")
