"""Members: managers invite by e-mail and remove; invitees set a password once."""

import re

import pytest

from django.contrib.auth import get_user_model

from tests.conftest import make_user


@pytest.fixture
def manager_a(workspace_a):
    return make_user("manager-a", groups=[workspace_a.managers_group])


def _members_url(workspace):
    return workspace.url + "mitglieder/"


def test_only_managers_manage_members(manager_a, workspace_a, client_for, client):
    assert client_for("member_a").get(_members_url(workspace_a)).status_code == 403
    assert client_for("member_b").get(_members_url(workspace_a)).status_code == 302
    assert client_for("anonymous").get(_members_url(workspace_a)).status_code == 302
    assert client_for("editor").get(_members_url(workspace_a)).status_code == 302
    client.force_login(manager_a)
    response = client.get(_members_url(workspace_a))
    assert response.status_code == 200
    assert "member-a" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    # The workspace page links the member management for managers only.
    assert _members_url(workspace_a) in client.get(workspace_a.url).content.decode()
    assert (
        _members_url(workspace_a)
        not in client_for("member_a").get(workspace_a.url).content.decode()
    )


def test_invite_new_person_sets_password_once(manager_a, workspace_a, client, mailoutbox):
    client.force_login(manager_a)
    response = client.post(
        _members_url(workspace_a), {"action": "invite", "email": "Neu@Example.org"}
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email__iexact="neu@example.org")
    assert not user.has_usable_password()
    assert workspace_a.group in user.groups.all()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == [user.email]
    link = re.search(r"https?://\S+/passwort/\S+/", mailoutbox[0].body).group(0)
    path = link.split("testserver", 1)[1]

    invitee = client.__class__()
    assert invitee.get(path).status_code == 200
    password = "Sehr-geheim-2026"
    response = invitee.post(path, {"new_password1": password, "new_password2": password})
    assert response.status_code == 302 and response["Location"] == workspace_a.get_parent().url
    user.refresh_from_db()
    assert user.check_password(password)
    assert invitee.get(workspace_a.url).status_code == 200  # logged in, a member
    # One time only.
    assert client.__class__().get(path).status_code == 404


def test_invite_existing_user_adds_without_password_link(
    manager_a, users, workspace_a, client, mailoutbox
):
    client.force_login(manager_a)
    client.post(_members_url(workspace_a), {"action": "invite", "email": "member-b@example.org"})
    assert workspace_a.group in users["member_b"].groups.all()
    assert "passwort" not in mailoutbox[0].body
    assert get_user_model().objects.filter(email="member-b@example.org").count() == 1


def test_invalid_email_is_refused(manager_a, workspace_a, client, mailoutbox):
    client.force_login(manager_a)
    response = client.post(_members_url(workspace_a), {"action": "invite", "email": "kein"})
    assert response.status_code == 200 and not mailoutbox


def test_removal_takes_effect_on_next_request(manager_a, users, workspace_a, client, client_for):
    member = client_for("member_a")
    assert member.get(workspace_a.url).status_code == 200
    client.force_login(manager_a)
    client.post(_members_url(workspace_a), {"action": "remove", "user_id": users["member_a"].pk})
    assert workspace_a.group not in users["member_a"].groups.all()
    assert member.get(workspace_a.url).status_code == 302


def test_manager_cannot_remove_from_other_workspace(
    manager_a, users, workspace_a, workspace_b, client
):
    client.force_login(manager_a)
    client.post(_members_url(workspace_a), {"action": "remove", "user_id": users["member_b"].pk})
    assert workspace_b.group in users["member_b"].groups.all()
    client.post(_members_url(workspace_b), {"action": "remove", "user_id": users["member_b"].pk})
    assert workspace_b.group in users["member_b"].groups.all()


def test_my_workspaces_after_login(users, workspace_a, workspace_b, client):
    response = client.post(
        "/de/anmelden/", {"username": "member-a", "password": "pw-1234567"}, follow=True
    )
    html = response.content.decode()
    assert response.redirect_chain[-1][0].endswith("/de/gremien/")
    section = html.split('id="my-workspaces"')[1].split("</section>")[0]
    assert "Lenkungsgruppe" in section and "PG Sprache" not in section


def test_no_my_workspaces_for_anonymous(workspace_a, client):
    html = client.get(workspace_a.get_parent().url).content.decode()
    assert "my-workspaces" not in html
