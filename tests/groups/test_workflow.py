"""The whole meeting cycle by managers who are not superusers, through the admin.

agenda → meeting → minutes → submit for review ("Protokollfreigabe") → a second manager
approves → published → members notified. Every step is an HTTP request against /admin/.
"""

import pytest

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from groups.models import MeetingPage
from tests.conftest import make_user


@pytest.fixture
def managers(workspace_a):
    return (
        make_user("manager-one", groups=[workspace_a.managers_group]),
        make_user("manager-two", groups=[workspace_a.managers_group]),
    )


def _form(document, minutes=""):
    return nested_form_data(
        {
            "title": "Sitzung Mai",
            "slug": "sitzung-mai",
            "start": "2030-05-12 10:00",
            "end": "2030-05-12 12:00",
            "place": "Kreishaus",
            "video_url": "",
            "present": "Frau A",
            "excused": "",
            "guests": "",
            "agenda_items": inline_formset(
                [
                    {
                        "title": "Haushalt",
                        "presenter": "Frau A",
                        "duration_minutes": "30",
                        "documents": streamfield([("document", document.pk)]),
                        "minutes": rich_text(minutes),
                    }
                ]
            ),
            "decisions": inline_formset(
                [
                    {
                        "text": "Haushalt angenommen",
                        "decided_on": "2030-05-12",
                        "responsible": "Frau A",
                        "status": "agreed",
                    }
                ]
            ),
            "action_items": inline_formset(
                [{"what": "Bescheid versenden", "who": "Herr B", "due_date": "", "status": "open"}]
            ),
        }
    )


def test_meeting_cycle_with_review(managers, users, workspace_a, make_document, client, mailoutbox):
    one, two = managers
    assert not (one.is_superuser or two.is_superuser)
    document = make_document(workspace_a, "Haushaltsentwurf")
    client.force_login(one)

    # 1. Agenda: a draft meeting with its agenda (and a document from the collection).
    response = client.post(
        f"/admin/pages/add/groups/meetingpage/{workspace_a.pk}/", _form(document)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    meeting = MeetingPage.objects.get(slug="sitzung-mai")
    assert not meeting.live

    # 2. Minutes written after the meeting, then submitted for review.
    data = _form(document, minutes="Der Haushalt wurde beraten.")
    data["action-submit"] = "Submit"
    response = client.post(f"/admin/pages/{meeting.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(meeting.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Protokollfreigabe: Lenkungsgruppe"
    meeting.refresh_from_db()
    assert not meeting.live
    # Wagtail tells the reviewers (the managers); members hear nothing yet.
    assert {mail.to[0] for mail in mailoutbox} <= {one.email, two.email, users["admin"].email}
    mailoutbox.clear()

    # Members cannot read the draft meanwhile.
    member = client.__class__()
    member.force_login(users["member_a"])
    assert member.get(workspace_a.url + "sitzung-mai/").status_code == 404

    # 3. A second manager approves; approving publishes.
    client.force_login(two)
    task_state = state.current_task_state
    response = client.post(
        f"/admin/pages/workflow/action/{meeting.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    meeting.refresh_from_db()
    assert meeting.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED

    # 4. Members read it and were notified with a link.
    html = member.get(meeting.url).content.decode()
    assert "Der Haushalt wurde beraten." in html and document.url in html
    assert "Haushalt angenommen" in member.get(workspace_a.url).content.decode()
    recipients = {mail.to[0] for mail in mailoutbox}
    assert "member-a@example.org" in recipients
    assert all("beraten" not in mail.body for mail in mailoutbox)


def test_other_workspace_managers_cannot_approve(managers, workspace_a, workspace_b, client):
    outsider = make_user("manager-b", groups=[workspace_b.managers_group])
    from wagtail.models import GroupApprovalTask

    task = GroupApprovalTask.objects.get(name="Freigabe durch die Leitung: Lenkungsgruppe")
    assert list(task.groups.all()) == [workspace_a.managers_group]
    assert not task.user_can_access_editor(workspace_a, outsider)
