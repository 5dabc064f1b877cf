"""Meetings: what a workspace page shows its members, in a fixed number of queries."""

import pytest

from django.core.exceptions import ValidationError

from groups.models import MeetingPage, WorkspaceIndexPage, WorkspacePage
from tests.conftest import QUERY_BUDGET

from .conftest import berlin


def test_page_tree_rules():
    assert MeetingPage.parent_page_types == ["groups.WorkspacePage"]
    assert WorkspacePage.subpage_types == ["groups.MeetingPage"]
    assert MeetingPage.subpage_types == []
    assert WorkspaceIndexPage.subpage_types == ["groups.WorkspacePage"]


@pytest.fixture
def workspace_with_meetings(workspace_a, make_meeting):
    past = make_meeting(
        workspace_a,
        title="Sitzung Januar",
        days=-30,
        agenda=[{"title": "Bericht", "minutes": "<p>Bericht zur Kenntnis genommen.</p>"}],
        decisions=[
            {"text": "Zielgruppe A festgelegt", "status": "done"},
            {"text": "Case Management ausweiten", "status": "agreed"},
        ],
        actions=[
            {"what": "Konzept schreiben", "who": "Frau A", "status": "open"},
            {"what": "Erledigte Aufgabe", "who": "Herr B", "status": "done"},
        ],
    )
    upcoming = make_meeting(
        workspace_a, title="Sitzung März", days=10, agenda=[{"title": "Planung"}]
    )
    later = make_meeting(workspace_a, title="Sitzung Juni", days=100)
    return past, upcoming, later


def test_workspace_page_shows_overview(workspace_with_meetings, workspace_a, client_for):
    html = client_for("member_a").get(workspace_a.url).content.decode()
    next_section = html.split('id="next-meeting"')[1].split("</section>")[0]
    assert "Sitzung März" in next_section and "Sitzung Juni" not in next_section
    minutes_section = html.split('id="latest-minutes"')[1].split("</section>")[0]
    assert "Sitzung Januar" in minutes_section
    actions_section = html.split('id="open-actions"')[1].split("</section>")[0]
    assert "Konzept schreiben" in actions_section
    assert "Erledigte Aufgabe" not in actions_section
    assert "Zielgruppe A festgelegt" in html and "Case Management ausweiten" in html


@pytest.mark.parametrize(
    ("status", "shown", "hidden"),
    [
        ("done", "Zielgruppe A festgelegt", "Case Management ausweiten"),
        ("agreed", "Case Management ausweiten", "Zielgruppe A festgelegt"),
    ],
)
def test_decision_register_filters_by_status(
    workspace_with_meetings, workspace_a, client_for, status, shown, hidden
):
    response = client_for("member_a").get(workspace_a.url, {"status": status})
    register = response.content.decode().split('id="decisions"')[1].split("</section>")[0]
    assert shown in register and hidden not in register
    assert f'<option value="{status}" selected>' in register


def test_unknown_status_shows_all(workspace_with_meetings, workspace_a, client_for):
    html = client_for("member_a").get(workspace_a.url, {"status": "x<script>"}).content.decode()
    assert "Zielgruppe A festgelegt" in html and "Case Management ausweiten" in html
    assert "x<script>" not in html


def test_unpublished_meetings_stay_out(workspace_a, make_meeting, client_for):
    make_meeting(workspace_a, title="Entwurfssitzung", publish=False)
    html = client_for("member_a").get(workspace_a.url).content.decode()
    assert "Entwurfssitzung" not in html


def test_queries_do_not_grow_with_meetings(workspace_a, make_meeting, client_for, count_queries):
    def add(n, offset):
        for i in range(n):
            make_meeting(
                workspace_a,
                days=offset + i,
                agenda=[{"title": "TOP", "minutes": "<p>x</p>"}],
                decisions=[{"text": f"Beschluss {offset + i}"}],
                actions=[{"what": f"Aufgabe {offset + i}"}],
            )

    client = client_for("member_a")
    add(2, -40)
    few, _ = count_queries(client, workspace_a.url)
    add(8, 5)
    many, response = count_queries(client, workspace_a.url)
    assert "Beschluss 12" in response.content.decode()
    assert few == many <= QUERY_BUDGET


def test_meeting_page_shows_agenda_minutes_attendance(workspace_a, make_meeting, client_for):
    meeting = make_meeting(
        workspace_a,
        title="Sitzung April",
        start=berlin(5, hour=14),
        video_url="https://video.example.org/kim",
        present="Frau A\nHerr B",
        excused="Frau C",
        guests="Gast D",
        agenda=[
            {"title": "Begrüßung", "presenter": "Frau A", "duration_minutes": 10},
            {"title": "Haushalt", "minutes": "<p>Haushalt beraten.</p>"},
        ],
    )
    html = client_for("member_a").get(meeting.url).content.decode()
    assert html.index("Begrüßung") < html.index("Haushalt")
    assert "Haushalt beraten." in html and "Frau C" in html and "Gast D" in html
    assert "https://video.example.org/kim" in html
    assert "14:00" in html  # Europe/Berlin, not UTC


def test_end_before_start_is_invalid(workspace_a, make_meeting):
    meeting = make_meeting(workspace_a)
    meeting.end = meeting.start.replace(year=meeting.start.year - 1)
    with pytest.raises(ValidationError):
        meeting.full_clean()


def test_agenda_documents_must_be_in_the_workspace_collection(
    workspace_a, workspace_b, make_meeting, make_document
):
    own = make_document(workspace_a, "Eigenes Papier")
    foreign = make_document(workspace_b, "Fremdes Papier")
    meeting = make_meeting(workspace_a, agenda=[{"title": "TOP 1"}])
    item = meeting.agenda_items.first()
    item.documents = [("document", own)]
    meeting.agenda_items = [item]
    meeting.full_clean()
    item.documents = [("document", foreign)]
    meeting.agenda_items = [item]
    with pytest.raises(ValidationError):
        meeting.full_clean()


def test_admin_form_rejects_foreign_documents(workspace_a, workspace_b, make_document, client_for):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    foreign = make_document(workspace_b, "Fremdes Papier")
    data = nested_form_data(
        {
            "title": "Sitzung mit fremdem Papier",
            "slug": "fremd",
            "start": "2030-01-10 10:00",
            "end": "",
            "place": "Raum 1",
            "video_url": "",
            "present": "",
            "excused": "",
            "guests": "",
            "agenda_items": inline_formset(
                [
                    {
                        "title": "TOP 1",
                        "presenter": "",
                        "duration_minutes": "",
                        "documents": streamfield([("document", foreign.pk)]),
                        "minutes": rich_text(""),
                    }
                ]
            ),
            "decisions": inline_formset([]),
            "action_items": inline_formset([]),
        }
    )
    client = client_for("admin")
    response = client.post(f"/admin/pages/add/groups/meetingpage/{workspace_a.pk}/", data)
    assert response.status_code == 200
    assert "collection" in response.content.decode()
    assert not MeetingPage.objects.filter(slug="fremd").exists()
