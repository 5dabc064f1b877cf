"""Rough edges a newcomer met in the first hour (issue 25): the site address, German names in
the admin, dashboard links only with their permission, labels said once."""

import re

import pytest

from django.contrib.auth.models import Group
from django.core.checks import run_checks
from django.urls import reverse

from wagtail.models import Site, Task, Workflow

from portal.operations.checks import site_address_problem

from ..conftest import make_user


def _warnings():
    return [m.id for m in run_checks(include_deployment_checks=True) if m.id == "portal.W010"]


def test_a_localhost_default_site_is_reported_loudly(home, settings):
    settings.ALLOWED_HOSTS = ["kim.example.org"]
    assert "Wagtail's default address http://localhost" in site_address_problem()
    assert _warnings() == ["portal.W010"]
    Site.objects.update(hostname="kim.example.org", port=443)
    assert site_address_problem() is None
    assert _warnings() == []
    Site.objects.update(hostname="kim.other.example", port=443)
    assert "ALLOWED_HOSTS" in site_address_problem()


def test_the_served_address_of_the_demo_is_accepted(home, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    Site.objects.update(hostname="127.0.0.1", port=8000)
    assert site_address_problem() is None


def test_workflow_and_task_have_german_names(db):
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Redaktionelle Freigabe", active=True).exists()
    assert Task.objects.filter(name="Freigabe durch die Moderation").exists()


@pytest.mark.parametrize(
    ("groups", "sees_reports"), [(["Redaktion"], False), (["Verzeichnispflege"], True)]
)
def test_the_dashboard_links_the_reports_only_for_those_who_may_open_them(
    client, directory_page, groups, sees_reports
):
    user = make_user(
        "someone", groups=[Group.objects.get(name=name) for name in groups], is_staff=True
    )
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    reports = reverse("service_reports:index")
    assert (reports in html) == sees_reports
    if sees_reports:
        assert client.get(reports).status_code == 200


def test_member_settings_say_each_label_once(client_for, workspace_index):
    client = client_for("member_a")
    html = client.get(workspace_index.url + "konto/").content.decode()
    assert html.count("Sprache der E-Mails") == 1
    assert "E-Mail, wenn ein Protokoll veröffentlicht wird" not in html
    assert "helptext" not in html


def test_the_publication_filter_form_has_a_valid_action(client, home):
    from home.factories import PublicationIndexPageFactory

    index = PublicationIndexPageFactory(parent=home)
    html = client.get(index.url).content.decode()
    form = re.search(r'<form class="filter-form publication-filters"[^>]*action="([^"]*)"', html)
    assert form and form.group(1) == index.url
