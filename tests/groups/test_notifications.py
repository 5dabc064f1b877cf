"""Minutes notifications: a link in the member's language, never the minutes; opt-out."""

import pytest

from groups.models import MemberProfile
from tests.conftest import make_user

MINUTES = "PROTOKOLLTEXT-GEHEIM-5521"


@pytest.fixture
def audience(users, workspace_a):
    english = make_user("member-en", groups=[workspace_a.group])
    MemberProfile.objects.create(user=english, language="en")
    quiet = make_user("member-quiet", groups=[workspace_a.group])
    MemberProfile.objects.create(user=quiet, notify_minutes=False)
    return {"de": users["member_a"], "en": english, "quiet": quiet, "other": users["member_b"]}


def test_publishing_minutes_mails_members(
    audience, workspace_a, make_meeting, mailoutbox, sync_locale
):
    # The English alias exists before publishing, as it does after "after_create_page".
    meeting = make_meeting(
        workspace_a,
        agenda=[{"title": "Bericht", "minutes": f"<p>{MINUTES}</p>"}],
        publish=False,
    )
    sync_locale("en")
    assert mailoutbox == []
    meeting.get_latest_revision().publish()
    by_recipient = {mail.to[0]: mail for mail in mailoutbox}
    assert set(by_recipient) == {"member-a@example.org", "member-en@example.org"}
    for mail in mailoutbox:
        assert MINUTES not in mail.body and MINUTES not in mail.subject
        assert "Bericht" not in mail.body and meeting.title not in mail.body
    assert f"/de/gremien/lenkung/{meeting.slug}/" in by_recipient["member-a@example.org"].body
    english = by_recipient["member-en@example.org"]
    assert f"/en/gremien/lenkung/{meeting.slug}/" in english.body
    assert english.subject == "New minutes in Lenkungsgruppe"
    # Publishing again sends nothing new.
    meeting.save_revision().publish()
    assert len(mailoutbox) == 2


def test_no_mail_without_minutes_then_mail_when_added(
    audience, workspace_a, make_meeting, mailoutbox
):
    meeting = make_meeting(workspace_a, agenda=[{"title": "Planung"}])
    assert mailoutbox == []
    item = meeting.agenda_items.first()
    item.minutes = "<p>Beschlossen.</p>"
    meeting.agenda_items = [item]
    meeting.save_revision().publish()
    assert len(mailoutbox) == 2


def test_member_can_opt_out_from_the_front_end(audience, client_for, workspace_index):
    client = client_for("member_a")
    response = client.post(
        "/de/gremien/konto/", {"action": "profile", "language": "tr", "notify_minutes": ""}
    )
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user=audience["de"])
    assert profile.language == "tr" and profile.notify_minutes is False
