"""Providers confirm their entries: mail → signed link → "still correct" / "something changed".

End to end with Django's mail outbox and the test client: the command sends one mail per
address, the link from the mail opens the provider's page, and the choices there change
exactly what they should and nothing else.
"""

import datetime
import re
import time

import pytest

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone, translation

from wagtail.models import PageLogEntry

from services_directory.models import ServicePage, ServiceReport
from services_directory.verification import SALT, make_token

CARITAS = "beratung@caritas.example"
AWO = "migration@awo.example"
LONG_AGO = datetime.date(2020, 1, 1)
LINK = re.compile(r"https?://[^\s]+/de/beratung/pruefen/[^\s/]+/")


@pytest.fixture
def services(make_service):
    return {
        "old": make_service("JMD Hilden", assurer_email=CARITAS, assured_date=LONG_AGO),
        "never": make_service("MBE Hilden", assurer_email=CARITAS.upper(), assured_date=None),
        "fresh": make_service("Sprachcafé Hilden", assurer_email=CARITAS),
        "awo": make_service("AWO Velbert", org="awo", assurer_email=AWO, assured_date=LONG_AGO),
        "recent_awo": make_service("AWO Wülfrath", org="awo", assurer_email=AWO),
        "no_address": make_service("Ohne Adresse", assured_date=LONG_AGO),
        "draft": make_service(
            "Entwurf Geheim", assurer_email=CARITAS, assured_date=LONG_AGO, live=False
        ),
        "restricted": _restricted(
            make_service("Intern Geheim", assurer_email=CARITAS, assured_date=LONG_AGO)
        ),
    }


def _restricted(page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def _link_for(mailoutbox, address):
    (mail,) = [m for m in mailoutbox if m.to == [address]]
    return LINK.search(mail.body).group(0), mail


def _path(url):
    return "/" + url.split("/", 3)[3]


def _csrf(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_command_mails_each_due_address_once(services, mailoutbox):
    call_command("send_verification_requests")
    assert sorted(m.to[0] for m in mailoutbox) == [CARITAS, AWO]
    _url, mail = _link_for(mailoutbox, CARITAS)
    # Every live entry of the address is listed, also the recently verified one; no draft.
    for title in ("JMD Hilden", "MBE Hilden", "Sprachcafé Hilden"):
        assert title in mail.body
    assert "Entwurf Geheim" not in mail.body and "AWO" not in mail.body
    assert "Intern Geheim" not in mail.body


def test_months_option_and_nothing_due(services, mailoutbox):
    ServicePage.objects.update(assured_date=timezone.localdate() - datetime.timedelta(days=100))
    call_command("send_verification_requests")
    assert mailoutbox == []
    call_command("send_verification_requests", months=3)
    assert len(mailoutbox) == 2


def test_still_correct_end_to_end(services, mailoutbox):
    call_command("send_verification_requests")
    url, _mail = _link_for(mailoutbox, CARITAS)
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(_path(url))
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    html = page.content.decode()
    assert {"JMD Hilden", "MBE Hilden", "Sprachcafé Hilden"} <= set(
        re.findall(r">([^<>]+)</a>", html)
    )
    assert "Entwurf Geheim" not in html and "AWO Velbert" not in html
    assert "Intern Geheim" not in html

    # The public page is in the anonymous cache before the confirmation …
    service = services["old"]
    public = Client()
    assert public.get(service.url).status_code == 200
    assert public.get(service.url)["X-Cache"] == "HIT"

    response = browser.post(_path(url), {"service": service.pk, "csrfmiddlewaretoken": _csrf(html)})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.assured_date == timezone.localdate()
    assert service.assurer == CARITAS
    entry = PageLogEntry.objects.filter(page=service).latest("timestamp")
    assert entry.action == "services_directory.provider_verified"
    assert entry.data == {"by": CARITAS} and entry.user is None
    # … and shows the new date right after it.
    with translation.override("de"):
        shown = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    html = public.get(service.url).content.decode()
    assert re.search(r'class="service__verified">[^<]*' + re.escape(shown), html)
    assert "JMD Hilden" in browser.get(response["Location"]).content.decode()
    # The other entries are untouched.
    services["never"].refresh_from_db()
    assert services["never"].assured_date is None


def test_still_correct_needs_the_csrf_token(services):
    browser = Client(enforce_csrf_checks=True)
    path = reverse("services_directory:verify", args=[make_token(CARITAS)])
    response = browser.post(path, {"service": services["old"].pk})
    assert response.status_code == 403
    services["old"].refresh_from_db()
    assert services["old"].assured_date == LONG_AGO


def test_confirming_keeps_a_pending_draft_a_draft(services, users):
    service = services["old"]
    draft = service.get_latest_revision_as_object()
    draft.title = "JMD Hilden (neuer Titel, noch nicht freigegeben)"
    draft.save_revision(user=users["editor"])
    Client().post(
        reverse("services_directory:verify", args=[make_token(CARITAS)]), {"service": service.pk}
    )
    service.refresh_from_db()
    assert service.title == "JMD Hilden"  # nothing was published
    assert service.has_unpublished_changes
    latest = service.get_latest_revision_as_object()
    assert latest.title.startswith("JMD Hilden (neuer Titel")
    assert latest.assured_date == timezone.localdate()  # kept when the draft is published


def test_a_link_never_confirms_another_address_entries(services, client):
    path = reverse("services_directory:verify", args=[make_token(CARITAS)])
    for target in (
        services["awo"],
        services["no_address"],
        services["draft"],
        services["restricted"],
    ):
        response = client.post(path, {"service": target.pk})
        assert response.status_code == 400
        target.refresh_from_db()
        assert target.assured_date == LONG_AGO
    assert client.post(path, {"service": "nonsense"}).status_code == 400
    change = reverse(
        "services_directory:verify_change", args=[make_token(CARITAS), services["awo"].pk]
    )
    assert client.get(change).status_code == 404
    assert client.post(change, {"message": "Neue Adresse"}).status_code == 404
    assert not ServiceReport.objects.exists()


def test_something_changed_creates_a_task_and_leaves_the_entry(services, client, mailoutbox):
    call_command("send_verification_requests")
    url, _mail = _link_for(mailoutbox, CARITAS)
    service = services["never"]
    html = client.get(_path(url)).content.decode()
    change_path = reverse(
        "services_directory:verify_change", args=[_path(url).split("/")[4], service.pk]
    )
    assert f'href="{change_path}"' in html
    revisions = service.revisions.count()

    empty = client.post(change_path, {"message": "   "})
    assert empty.status_code == 400
    assert 'class="form-errors"' in empty.content.decode()
    assert not ServiceReport.objects.exists()

    response = client.post(change_path, {"message": "Neue Sprechzeiten: Di 9–12 Uhr"})
    assert response.status_code == 302
    report = ServiceReport.objects.get()
    assert (report.service, report.source, report.status) == (
        service.page_ptr.specific,
        ServiceReport.Source.PROVIDER,
        ServiceReport.Status.OPEN,
    )
    assert report.reporter_email == CARITAS and "Di 9–12" in report.message
    service.refresh_from_db()
    assert service.assured_date is None and service.revisions.count() == revisions
    assert "MBE Hilden" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize("kind", ["tampered", "other-salt", "garbage"])
def test_a_bad_link_gets_a_clear_page_and_changes_nothing(services, client, kind):
    token = {
        "tampered": make_token(CARITAS)[:-3] + "abc",
        "other-salt": signing.dumps({"e": CARITAS}, salt="something-else"),
        "garbage": "%3Cscript%3E",
    }[kind]
    path = f"/de/beratung/pruefen/{token}/"
    response = client.get(path)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<h1>" in html and "kim@kreis-mettmann.de" in html and "JMD Hilden" not in html
    assert client.post(path, {"service": services["old"].pk}).status_code == 400
    change = client.post(path + f"{services['old'].pk}/aenderung/", {"message": "x"})
    assert change.status_code == 400
    services["old"].refresh_from_db()
    assert services["old"].assured_date == LONG_AGO
    assert not ServiceReport.objects.exists()


def test_an_expired_link_gets_a_clear_page_and_changes_nothing(services, client):
    class ThirtyOneDaysAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - 31 * 24 * 3600)

    token = ThirtyOneDaysAgo(salt=SALT).sign_object({"e": CARITAS})
    path = reverse("services_directory:verify", args=[token])
    response = client.get(path)
    assert response.status_code == 410
    assert "JMD Hilden" not in response.content.decode()
    assert client.post(path, {"service": services["old"].pk}).status_code == 410
    services["old"].refresh_from_db()
    assert services["old"].assured_date == LONG_AGO
    # A link 29 days old still works.
    assert (
        client.get(reverse("services_directory:verify", args=[make_token(CARITAS)])).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("bucket", "expected"),
    [
        ("recent", {"Sprachcafé Hilden", "AWO Wülfrath"}),
        ("6-12", {"Vor neun Monaten"}),
        ("12+", {"JMD Hilden", "AWO Velbert", "Ohne Adresse", "Intern Geheim"}),
        ("never", {"MBE Hilden"}),
    ],
)
def test_admin_listing_filters_by_verification_age(
    services, make_service, client_for, bucket, expected
):
    make_service(
        "Vor neun Monaten", assured_date=timezone.localdate() - datetime.timedelta(days=270)
    )
    html = client_for("admin").get(reverse("services:index"), {"verified": bucket}).content.decode()
    titles = {s.title for s in ServicePage.objects.live()}
    assert {t for t in titles if re.search(rf">\s*{re.escape(t)}\s*<", html)} == expected


def test_dashboard_panel_counts_and_links(services, client_for):
    html = client_for("admin").get("/admin/").content.decode()
    panel = html[html.index('id="directory-verification-section"') :]
    panel = panel[: panel.index("</table>")]
    counts = dict(re.findall(r'\?verified=([\w+-]+)">[^<]+</a></th><td>(\d+)</td>', panel))
    assert counts == {"recent": "2", "6-12": "0", "12+": "4", "never": "1"}


def test_reports_listing_in_the_admin(services, client_for):
    ServiceReport.objects.create(
        service=services["old"], source="visitor", message="Telefonnummer falsch"
    )
    response = client_for("admin").get(reverse("service_reports:index"), {"status": "open"})
    assert response.status_code == 200 and "Telefonnummer falsch" in response.content.decode()
    done = client_for("admin").get(reverse("service_reports:index"), {"status": "done"})
    assert "Telefonnummer falsch" not in done.content.decode()
    # Editors without the permission on reports do not see them.
    editor = client_for("editor").get(reverse("service_reports:index"))
    assert editor.status_code in (302, 403)
    assert get_user_model().objects.filter(username="editor").exists()
