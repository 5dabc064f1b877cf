"""Audit: logins (successful and failed) and permission changes land in Wagtail's log and in
the superusers' report "Logins and permissions"."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.utils import translation

from wagtail.models import GroupPagePermission, ModelLogEntry

from tests.conftest import make_user
from tests.forms import form_values


def _entries(action):
    return list(ModelLogEntry.objects.filter(action=action).order_by("pk"))


@pytest.fixture
def root(db):
    return make_user("root", is_staff=True, is_superuser=True)


@pytest.mark.parametrize(("url", "via"), [("/admin/login/", "admin"), ("/de/anmelden/", "site")])
def test_logins_are_logged_with_address(home, client, url, via):
    user = make_user("mitglied", is_staff=True)
    client.post(url, {"username": "mitglied", "password": "falsch"})
    client.post(url, {"username": "niemand", "password": "falsch"})
    client.post(url, {"username": "mitglied", "password": "pw-1234567"})
    failed = _entries("portal.login_failed")
    assert [(e.label, e.object_id) for e in failed] == [
        ("mitglied", str(user.pk)),
        ("niemand", "0"),
    ]
    assert all(e.data["ip"] == "127.0.0.1" and e.data["via"] == via for e in failed)
    [success] = _entries("portal.login")
    assert success.user == user and success.data == {"ip": "127.0.0.1", "via": via}
    assert "127.0.0.1" in success.message


def test_lockout_is_marked(home, client):
    make_user("mitglied")
    for _ in range(6):
        client.post("/de/anmelden/", {"username": "mitglied", "password": "falsch"})
    assert _entries("portal.login_failed")[-1].data["locked"] is True
    with translation.override("en"):
        assert "locked out" in _entries("portal.login_failed")[-1].message


def test_group_membership_and_superuser_changes_in_the_user_editor(root, client):
    user = make_user("redakteur")
    client.force_login(root)
    url = f"/admin/users/edit/{user.pk}/"
    data = form_values(client.get(url).content.decode())
    data.update(first_name="Rita", last_name="Redakteur", is_superuser="on")
    data["groups"] = [str(Group.objects.get(name="Editors").pk)]
    response = client.post(url, data)
    assert response.status_code == 302, (data, response.context["form"].errors)
    [membership] = _entries("portal.groups")
    assert membership.label == "redakteur" and membership.user == root
    assert membership.data == {"added": ["Editors"]}
    # (root's own entry comes from the fixture: made superuser in code, by nobody)
    [flag] = [e for e in _entries("portal.superuser") if e.label == "redakteur"]
    assert flag.data == {"is_superuser": True} and flag.user == root

    del data["is_superuser"], data["groups"]
    assert client.post(url, data).status_code == 302
    assert _entries("portal.groups")[-1].data == {"removed": ["Editors"]}
    assert _entries("portal.superuser")[-1].data == {"is_superuser": False}


def test_membership_changed_from_the_group_side_is_logged(home, workspace_a):
    user = make_user("neu")
    workspace_a.group.user_set.add(user)
    [entry] = _entries("portal.groups")
    assert entry.label == "neu" and entry.data == {"added": [workspace_a.group.name]}


def test_group_permission_changes_in_the_group_editor(root, client, content_page):
    group = Group.objects.create(name="Verzeichnispflege Test")
    client.force_login(root)
    url = f"/admin/groups/edit/{group.pk}/"
    data = form_values(client.get(url).content.decode())
    data.update(
        {
            "page_permissions-TOTAL_FORMS": "1",
            "page_permissions-0-page": str(content_page.pk),
            "page_permissions-0-permissions": ["add_page", "change_page"],
            "permissions": [str(Permission.objects.get(codename="access_admin").pk)],
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    added = [entry.data["added"] for entry in _entries("portal.permissions")]
    assert ["wagtailadmin.access_admin"] in added
    assert ['add_page – page "Über KIM"', 'change_page – page "Über KIM"'] in added
    assert all(entry.user == root for entry in _entries("portal.permissions"))

    # Removing the page permissions again (Wagtail deletes the rows one by one).
    GroupPagePermission.objects.filter(group=group).delete()
    removed = _entries("portal.permissions")[-1]
    assert removed.data["removed"][0].endswith('page "Über KIM"')


def test_report_lists_events_for_superusers_only(root, home, client, users):
    client.post("/de/anmelden/", {"username": "member-a", "password": "falsch"})
    client.force_login(root)
    response = client.get("/admin/reports/security/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "member-a" in html and "127.0.0.1" in html
    assert '"url": "/admin/reports/security/"' in client.get("/admin/").content.decode()
    csv = client.get("/admin/reports/security/?export=csv")
    body = b"".join(csv.streaming_content) if csv.streaming else csv.content
    assert b"member-a" in body and b"127.0.0.1" in body

    filtered = client.get("/admin/reports/security/", {"action": "portal.login"})
    assert "member-a" not in filtered.content.decode()

    client.force_login(users["editor"])
    assert client.get("/admin/reports/security/").status_code in (302, 403)
    assert "/admin/reports/security/" not in client.get("/admin/").content.decode()


def test_old_login_records_are_purged_but_permission_changes_stay(home, client, workspace_a):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    make_user("mitglied")
    client.post("/de/anmelden/", {"username": "mitglied", "password": "falsch"})
    client.post("/de/anmelden/", {"username": "mitglied", "password": "pw-1234567"})
    workspace_a.group.user_set.add(make_user("neu"))
    old = timezone.now() - timedelta(days=181)
    ModelLogEntry.objects.filter(action__startswith="portal.").update(timestamp=old)
    client.post("/de/anmelden/", {"username": "mitglied", "password": "falsch"})  # recent
    call_command("purge_login_log")
    remaining = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"portal.groups", "portal.permissions", "portal.login_failed"} <= remaining
    assert "portal.login" not in remaining
    assert len(_entries("portal.login_failed")) == 1
