"""Verzeichnispflege: maintains the directory (services, vocabularies, reports), nothing else."""

import re

import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from services_directory.models import DirectoryTeamScope, ServicePage
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


# --- Town limit (DirectoryTeamScope) -----------------------------------------------------


@pytest.fixture
def hilden_team(directory_page, vocab):
    """A group "Verzeichnispflege Hilden": Verzeichnispflege's page rights, limited to Hilden."""
    group = Group.objects.create(name="Verzeichnispflege Hilden")
    for row in Group.objects.get(name="Verzeichnispflege").page_permissions.all():
        GroupPagePermission.objects.create(group=group, page=row.page, permission=row.permission)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    scope = DirectoryTeamScope.objects.create(group=group)
    scope.towns.set([vocab["town"]["hilden"]])
    return make_user("pflege-hilden", groups=[group], is_staff=True)


def _service_form(service, towns):
    data = nested_form_data(
        {
            "title": service.title,
            "slug": service.slug,
            "alternate_name": "",
            "description": rich_text("<p>Beratung (Beispiel).</p>"),
            "service_type": service.service_type_id,
            "organisation": service.organisation_id,
            "minimum_age": "",
            "maximum_age": "",
            "eligibility_description": "",
            "application_process": "appointment",
            "application_process_description": "",
            "fees_description": "kostenlos",
            "required_documents": "",
            "interpretation_services": "",
            "status": "active",
            "alert": "",
            "assured_date": "",
            "assurer": "",
            "assurer_email": "",
            "languages": inline_formset([]),
            "locations": inline_formset([]),
            "schedules": inline_formset([]),
            "closures": inline_formset([]),
            "contacts": inline_formset([]),
        }
    )
    data["towns"] = [town.pk for town in towns]  # a multiple choice: repeated values
    return data


def test_town_limited_team_edits_its_towns_only(hilden_team, make_service, vocab, client):
    hilden = make_service("JMD Hilden", towns=["hilden", "velbert"])
    velbert = make_service("JMD Velbert", towns=["velbert"])
    client.force_login(hilden_team)
    assert client.get(f"/admin/pages/{hilden.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{velbert.pk}/edit/").status_code == 403
    # Delete and copy: refused (by the town limit, or earlier by missing page rights).
    for url in (f"/admin/pages/{velbert.pk}/delete/", f"/admin/pages/{velbert.pk}/copy/"):
        assert client.get(url).status_code in (302, 403), url
        assert client.post(url, {"new_title": "x", "new_slug": "x"}).status_code in (302, 403)
    assert ServicePage.objects.filter(pk=velbert.pk).exists()

    # Saving is fine while Hilden stays; taking Hilden away is refused with a form error.
    edit = f"/admin/pages/{hilden.pk}/edit/"
    assert client.post(edit, _service_form(hilden, [vocab["town"]["hilden"]])).status_code == 302
    response = client.post(edit, _service_form(hilden, [vocab["town"]["velbert"]]))
    assert response.status_code == 200
    assert "towns" in response.context["form"].errors
    latest = ServicePage.objects.get(pk=hilden.pk).get_latest_revision_as_object()
    assert {t.slug for t in latest.towns.all()} == {"hilden"}


def test_town_limited_team_creates_services_for_its_towns(
    hilden_team, directory_page, vocab, client
):
    client.force_login(hilden_team)
    add = f"/admin/pages/add/services_directory/servicepage/{directory_page.pk}/"
    new = ServicePage(
        title="Neu Velbert",
        slug="neu-velbert",
        service_type=vocab["type"]["jmd"],
        organisation=vocab["org"]["caritas"],
    )
    response = client.post(add, _service_form(new, [vocab["town"]["velbert"]]))
    assert response.status_code == 200 and "towns" in response.context["form"].errors
    assert not ServicePage.objects.filter(slug="neu-velbert").exists()
    new.slug = "neu-hilden"
    response = client.post(add, _service_form(new, [vocab["town"]["hilden"]]))
    assert response.status_code == 302, response.context["form"].errors
    assert ServicePage.objects.filter(slug="neu-hilden").exists()


def test_unlimited_users_are_not_affected(make_service, client_for):
    velbert = make_service("JMD Velbert", towns=["velbert"])
    assert client_for("admin").get(f"/admin/pages/{velbert.pk}/edit/").status_code == 200


def test_dashboard_for_directory_team_and_editors(make_service, client_for, client):
    make_service("JMD Hilden", assured_date=None)
    team = _user("pflege", "Verzeichnispflege")
    client.force_login(team)
    html = client.get("/admin/").content.decode()
    assert 'id="directory-verification-section"' in html
    assert re.search(r'\?verified=never">[^<]+</a></th><td>1</td>', html)
    # Wagtail's Editors may edit services (rights on the root): they see it too.
    assert (
        'id="directory-verification-section"'
        in client_for("editor").get("/admin/").content.decode()
    )


def test_no_dashboard_panel_for_workspace_managers(make_service, workspace_a, client):
    make_service("JMD Hilden", assured_date=None)
    client.force_login(make_user("leitung", groups=[workspace_a.managers_group], is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'id="directory-verification-section"' not in response.content.decode()
