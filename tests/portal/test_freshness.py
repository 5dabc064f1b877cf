"""The freshness report for editors and its weekly digest to Redaktion."""

import datetime
import json
import re

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from home.factories import ContentPageFactory
from services_directory.factories import ServicePageFactory
from tests.conftest import make_user

TWO_YEARS_AGO = timezone.now() - datetime.timedelta(days=730)
SECRET = "Geheimes Gremium XYZZY"


def _age(page, when=TWO_YEARS_AGO):
    Page.objects.filter(pk=page.pk).update(
        last_published_at=when, latest_revision_created_at=when, first_published_at=when
    )


def _linking(parent, title, target, django_capture_on_commit_callbacks):
    body = [{"type": "paragraph", "value": f'<p><a linktype="page" id="{target.pk}">Link</a></p>'}]
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(parent=parent, title=title, slug=title.lower().replace(" ", "-"))
        page.body = json.dumps(body)
        page.save_revision().publish()
    return page


@pytest.fixture
def redaktion():
    return make_user("redaktion", groups=[Group.objects.get(name="Redaktion")], is_staff=True)


@pytest.fixture
def content(home, content_page, workspace_a, directory_page, django_capture_on_commit_callbacks):
    old = ContentPageFactory(parent=home, title="Alte Seite", slug="alte-seite")
    _age(old)
    _age(workspace_a)  # old, but private: never in the report
    Page.objects.filter(pk=workspace_a.pk).update(title=SECRET)
    gone = ContentPageFactory(parent=home, title="Bald gelöscht", slug="bald-geloescht")
    hidden = ContentPageFactory(parent=home, title="Bald offline", slug="bald-offline")
    _linking(home, "Mit Links", gone, django_capture_on_commit_callbacks)
    second = _linking(home, "Mit Link offline", hidden, django_capture_on_commit_callbacks)
    private_link = _linking(
        home, "Link ins Gremium", workspace_a, django_capture_on_commit_callbacks
    )
    gone_id = gone.pk
    with django_capture_on_commit_callbacks(execute=True):
        gone.delete()
        hidden.unpublish()
    image_model = get_image_model()
    image_model.objects.create(title="Ohne Alt", file=get_test_image_file(), description="")
    image_model.objects.create(title="Mit Alt", file=get_test_image_file(), description="Ein Foto")
    ServicePageFactory(parent=directory_page, title="Nie geprüft", assured_date=None)
    ServicePageFactory(
        parent=directory_page,
        title="Vor 9 Monaten",
        assured_date=timezone.localdate() - datetime.timedelta(days=270),
    )
    ServicePageFactory(parent=directory_page, title="Frisch geprüft")
    return {"gone_id": gone_id, "second": second, "private_link": private_link}


def _report(client):
    response = client.get(reverse("portal_freshness"))
    assert response.status_code == 200
    html = response.content.decode()
    found = {}
    for key, body in re.findall(r'<section id="freshness-([\w]+)"(.*?)</section>', html, re.S):
        found[key] = {
            re.sub(r"\s+", " ", t).strip()
            for t in re.findall(r"<td><a [^>]+>([^<]+)</a></td>", body)
        }
    return found, html


def test_report_lists_each_kind_of_problem(content, redaktion):
    client = Client()
    client.force_login(redaktion)
    found, html = _report(client)
    assert found["stale_pages"] == {"Alte Seite"}
    assert found["broken_links"] == {"Mit Links", "Mit Link offline"}
    assert found["images_without_alt"] == {"Ohne Alt"}
    assert found["services_12"] == {"Nie geprüft"}
    assert found["services_6"] == {"Vor 9 Monaten"}
    assert f"(#{content['gone_id']})" in html and "Bald offline" in html
    assert SECRET not in html  # a private workspace never shows up, not even as a link target


@pytest.mark.parametrize("role", ["anonymous", "member_a", "editor"])
def test_report_is_for_editorial_groups_only(content, client_for, role):
    response = client_for(role).get(reverse("portal_freshness"))
    assert response.status_code in (302, 403)
    assert SECRET not in response.content.decode()


def test_weekly_digest_goes_to_redaktion(content, redaktion, users, mailoutbox):
    no_address = make_user("ohne-mail", groups=[Group.objects.get(name="Redaktion")])
    no_address.email = ""
    no_address.save()
    call_command("send_editorial_digest")
    assert [mail.to for mail in mailoutbox] == [[redaktion.email]]
    body = mailoutbox[0].body
    for title in ("Alte Seite", "Mit Links", "Ohne Alt", "Nie geprüft", "Vor 9 Monaten"):
        assert title in body
    assert "http://" in body and reverse("portal_freshness") in body
    assert SECRET not in body and "Frisch geprüft" not in body


def test_no_digest_when_all_is_fresh(home, redaktion, mailoutbox):
    call_command("send_editorial_digest")
    assert mailoutbox == []
    call_command("send_editorial_digest", always=True)
    assert (
        len(mailoutbox) == 1 and "Nothing to do here." in mailoutbox[0].body or len(mailoutbox) == 1
    )


def test_reports_menu_links_the_report_for_redaktion_only(home, redaktion, client_for):
    client = Client()
    client.force_login(redaktion)
    assert reverse("portal_freshness") in client.get("/admin/").content.decode()
    assert reverse("portal_freshness") not in client_for("editor").get("/admin/").content.decode()
