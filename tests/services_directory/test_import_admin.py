"""Editors import a file in the admin: upload → the same report → confirm."""

import json

import pytest

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import GroupPagePermission

from services_directory.hsds import exchange
from services_directory.models import ServicePage

URL = "/admin/directory/import/"


@pytest.fixture
def permitted(users, directory_page, make_service):
    for name, codenames in (
        ("Editors", ["add_page", "change_page"]),
        ("Moderators", ["add_page", "change_page", "publish_page"]),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=Group.objects.get(name=name),
                page=directory_page,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    return make_service("JMD Hilden", towns=["hilden"])


def upload(client, data, name="verzeichnis.json"):
    return client.post(URL, {"file": SimpleUploadedFile(name, data)})


def _file(change=None):
    records = json.loads(exchange.export_json())
    if change:
        change(records["services"][0])
    return json.dumps(records).encode()


@pytest.mark.parametrize("role", ["anonymous", "member_a", "member_b"])
def test_only_editors_may_import(client_for, permitted, role):
    response = client_for(role).get(URL)
    assert response.status_code in (302, 403)
    assert "Import services" not in response.content.decode()


def test_bad_file_shows_every_problem_and_writes_nothing(client_for, permitted):
    client = client_for("editor")
    data = _file(lambda s: s.update(minimum_age="zwölf", status="offen"))
    response = upload(client, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "minimum_age &#x27;zwölf&#x27; is not a whole number" in html
    assert "status &#x27;offen&#x27;" in html
    assert 'name="token"' not in html
    assert ServicePage.objects.get(pk=permitted.pk).get_latest_revision() is None


def test_upload_report_confirm_as_draft(client_for, permitted):
    client = client_for("editor")
    response = upload(client, _file(lambda s: s.update(name="JMD Hilden (importiert)")))
    html = response.content.decode()
    assert translate("“%(name)s” has no problems.") % {"name": "verzeichnis.json"} in html
    assert 'name="publish"' not in html  # editors cannot publish
    token = response.context["token"]
    response = client.post(URL, {"token": token, "publish": "1"})
    assert response.status_code == 302
    page = ServicePage.objects.get(pk=permitted.pk)
    assert page.title == "JMD Hilden"  # a draft, even though "publish" was sent
    assert page.get_latest_revision_as_object().title == "JMD Hilden (importiert)"
    # The stored file is gone: the same token cannot import twice.
    response = client.post(URL, {"token": token}, follow=True)
    assert (
        translate("The uploaded file has expired. Please upload it again.")
        in response.content.decode()
    )


def test_moderator_may_publish(client_for, permitted):
    client = client_for("moderator")
    response = upload(client, _file(lambda s: s.update(name="JMD Hilden (neu)")))
    assert 'name="publish"' in response.content.decode()
    client.post(URL, {"token": response.context["token"], "publish": "1"})
    assert ServicePage.objects.get(pk=permitted.pk).title == "JMD Hilden (neu)"


def test_token_of_another_user_or_tampered_is_refused(client_for, permitted):
    token = upload(client_for("editor"), _file()).context["token"]
    moderator = client_for("moderator")
    for bad in (token, token[:-2] + "xx"):
        response = moderator.post(URL, {"token": bad}, follow=True)
        assert (
            translate("The uploaded file has expired. Please upload it again.")
            in response.content.decode()
        )
    assert ServicePage.objects.get(pk=permitted.pk).get_latest_revision() is None


def test_not_a_file_we_can_read(client_for, permitted):
    response = upload(client_for("editor"), b"PK\x03\x04kaputt", "x.zip")
    assert "cannot be opened" in response.content.decode()


def test_menu_item_for_those_who_may_import(client_for, permitted, directory_page):
    assert "/admin/directory/import/" in client_for("editor").get("/admin/").content.decode()
    GroupPagePermission.objects.filter(group__name="Editors").delete()
    assert "/admin/directory/import/" not in client_for("editor").get("/admin/").content.decode()
    assert client_for("editor").get(URL).status_code in (302, 403)  # Wagtail: back to /admin/


def translate(message):
    """``message`` as the admin shows it (German, the site's language)."""
    from django.utils.html import escape
    from django.utils.translation import gettext, override

    with override("de"):
        return escape(gettext(message))
