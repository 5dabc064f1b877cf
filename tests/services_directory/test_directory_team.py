"""Verzeichnispflege: maintains the directory (services, vocabularies, reports), nothing else."""

from django.contrib.auth.models import Group

from tests.conftest import make_user


def _user(name, group):
    return make_user(name, groups=[Group.objects.get(name=group)], is_staff=True)


def test_directory_team_edits_services_only(content_page, make_service, directory_page, client):
    service = make_service("JMD Hilden")
    team = _user("pflege", "Verzeichnispflege")
    rows = Group.objects.get(name="Verzeichnispflege").page_permissions.all()
    assert {row.page_id for row in rows} == {directory_page.pk}  # granted on creation
    client.force_login(team)
    assert client.get(f"/admin/pages/{service.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{content_page.pk}/edit/").status_code in (302, 403)
    assert client.get("/admin/snippets/services_directory/town/").status_code == 200
    assert client.get("/admin/directory/reports/").status_code == 200
    assert not service.permissions_for_user(team).can_publish()
