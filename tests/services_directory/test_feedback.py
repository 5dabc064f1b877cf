"""The form "Hinweis zu diesem Eintrag" on every service page.

Works without JavaScript (a plain POST form), survives the anonymous page cache, keeps robots
out with a honeypot and a rate limit per client address, and turns each note into a task
for the directory team; it never changes the entry.
"""

import re

import pytest

from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from services_directory.models import ServiceReport
from services_directory.views import FEEDBACK_RATE_LIMIT
from tests.conftest import make_user


@pytest.fixture
def service(make_service):
    return make_service("JMD Hilden", towns=["hilden"])


def _form(html):
    """The feedback form's action and field names, as a browser without JavaScript sees it."""
    form = re.search(
        r'<form method="post" action="([^"]+)" class="form feedback-form".*?</form>', html, re.S
    )
    assert form, "no feedback form on the page"
    names = re.findall(r'name="([^"]+)"', form.group(0))
    return form.group(1), names, form.group(0)


def test_service_page_has_an_accessible_form_and_stays_cacheable(service):
    revisions = service.revisions.count()
    visitor = Client(enforce_csrf_checks=True)
    first = visitor.get(service.url)
    second = visitor.get(service.url)
    assert second["X-Cache"] == "HIT"  # the form does not keep the page out of the cache
    assert "csrftoken" not in second.cookies
    action, names, form = _form(second.content.decode())
    assert action == reverse("services_directory:feedback", args=[service.pk])
    assert names == ["message", "email", "website"]
    for field in ("message", "email"):
        assert f'<label for="id_{field}">' in form
    assert 'aria-hidden="true"' in form and 'tabindex="-1"' in form  # honeypot
    assert first.content == second.content

    # The POST from the cached page goes through, as a form post without JavaScript.
    response = visitor.post(
        action, {"message": "Die Telefonnummer ist falsch.", "email": "", "website": ""}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("services_directory:feedback_thanks", args=[service.pk])
    thanks = visitor.get(response["Location"])
    assert thanks.status_code == 200 and 'role="status"' in thanks.content.decode()
    report = ServiceReport.objects.get()
    assert report.service.pk == service.pk and report.source == ServiceReport.Source.VISITOR
    assert report.reporter_email == "" and report.status == ServiceReport.Status.OPEN
    # Reports do not flush the page cache, and never change the entry.
    assert visitor.get(service.url)["X-Cache"] == "HIT"
    service.refresh_from_db()
    assert service.revisions.count() == revisions


def test_email_is_optional_but_checked(service, client):
    url = reverse("services_directory:feedback", args=[service.pk])
    bad = client.post(url, {"message": "Neue Adresse", "email": "nicht-gültig"})
    assert bad.status_code == 400
    html = bad.content.decode()
    assert 'role="alert"' in html and 'aria-invalid="true"' in html
    assert "Neue Adresse" in html  # what was typed is kept
    ok = client.post(url, {"message": "Neue Adresse", "email": "ich@example.org"})
    assert ok.status_code == 302
    assert ServiceReport.objects.get().reporter_email == "ich@example.org"


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"message": "   "},
        {"message": "x" * 3001},
        {"message": "Hallo\x00"},
        {"message": "Neue Adresse", "email": "a" * 60 + "@" + "b" * 250 + ".de"},
    ],
)
def test_bad_input_gets_form_errors_not_a_report(service, client, data):
    response = client.post(reverse("services_directory:feedback", args=[service.pk]), data)
    assert response.status_code == 400
    assert 'class="form-errors"' in response.content.decode()
    assert not ServiceReport.objects.exists()


def test_honeypot_looks_like_success_and_stores_nothing(service, client):
    response = client.post(
        reverse("services_directory:feedback", args=[service.pk]),
        {"message": "Cheap pills", "website": "http://spam.example"},
    )
    assert response.status_code == 302
    assert not ServiceReport.objects.exists()


def test_rate_limit_per_client_address(service):
    url = reverse("services_directory:feedback", args=[service.pk])
    robot = Client(REMOTE_ADDR="203.0.113.7")
    for n in range(FEEDBACK_RATE_LIMIT):
        assert robot.post(url, {"message": f"Hinweis {n}"}).status_code == 302
    blocked = robot.post(url, {"message": "noch einer"})
    assert blocked.status_code == 429
    assert 'role="alert"' in blocked.content.decode()
    assert ServiceReport.objects.count() == FEEDBACK_RATE_LIMIT
    # Another address is not affected.
    assert Client(REMOTE_ADDR="198.51.100.2").post(url, {"message": "anders"}).status_code == 302


def test_directory_team_is_mailed(service, client, mailoutbox):
    team = Group.objects.get(name="Verzeichnispflege")  # made by the data migration
    make_user("pflege", groups=[team])
    client.post(reverse("services_directory:feedback", args=[service.pk]), {"message": "Umgezogen"})
    (mail,) = mailoutbox
    assert mail.to == ["pflege@example.org"]
    assert "Umgezogen" in mail.body and "JMD Hilden" in mail.subject
    report = ServiceReport.objects.get()
    assert reverse("service_reports:edit", args=[report.pk]) in mail.body


def test_no_form_for_drafts_or_private_pages(make_service, client, workspace_a):
    draft = make_service("Geheimer Entwurf XYZZY", live=False)
    for page_id in (draft.pk, workspace_a.pk, 999999):
        for method in (client.get, client.post):
            response = method(
                reverse("services_directory:feedback", args=[page_id]), {"message": "x"}
            )
            assert response.status_code == 404
            assert "XYZZY" not in response.content.decode()
    assert (
        client.get(reverse("services_directory:feedback_thanks", args=[draft.pk])).status_code
        == 404
    )
    assert not ServiceReport.objects.exists()


def test_form_page_works_on_its_own(service, client):
    response = client.get(reverse("services_directory:feedback", args=[service.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    _action, names, _form_html = _form(response.content.decode())
    assert names == ["message", "email", "website"]
