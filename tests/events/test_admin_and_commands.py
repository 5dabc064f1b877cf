"""Editors: registrations per event, exports with formula injection neutralised, attendance,
message to all; the reminder and retention commands."""

import datetime
import io

from openpyxl import load_workbook

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from home.events.factories import RegistrationFactory
from home.events.models import Registration

INDEX = "/admin/events/registrations/"


def test_editor_sees_counts_exports_and_marks_attendance(client, event, users):
    RegistrationFactory(event=event, name='=HYPERLINK("http://evil")', email="a@example.org")
    RegistrationFactory(event=event, status="waiting", organisation="+cmd|' /C calc'!A0")
    client.force_login(users["editor"])
    overview = client.get("/admin/events/").content.decode()
    assert "Fachtag Aufenthaltsrecht" in overview
    listing = client.get(INDEX, {"event": event.pk})
    assert listing.status_code == 200 and "a@example.org" in listing.content.decode()
    csv_text = b"".join(client.get(INDEX, {"event": event.pk, "export": "csv"}).streaming_content)
    csv_text = csv_text.decode()
    assert "'=HYPERLINK" in csv_text and "'+cmd" in csv_text
    assert ",=HYPERLINK" not in csv_text and ",+cmd" not in csv_text
    response = client.get(INDEX, {"event": event.pk, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert '\'=HYPERLINK("http://evil")' in values
    assert not any(isinstance(v, str) and v.startswith(("=", "+")) for v in values)
    person = Registration.objects.get(email="a@example.org")
    edit = client.post(f"{INDEX}edit/{person.pk}/", {"attended": "on"})
    assert edit.status_code == 302
    assert Registration.objects.get(pk=person.pk).attended


def test_registrations_are_closed_to_visitors_and_members(client, event, users):
    RegistrationFactory(event=event, email="hidden@example.org")
    assert client.get(INDEX).status_code == 302  # to the admin login
    client.force_login(users["member_a"])
    for url in [INDEX, "/admin/events/", f"/admin/events/{event.pk}/message/"]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"hidden@example.org" not in response.content


def test_message_to_all_goes_to_confirmed_people_in_their_language(client, event, users):
    RegistrationFactory(event=event, email="de@example.org", language="de")
    RegistrationFactory(event=event, email="en@example.org", language="en")
    RegistrationFactory(event=event, email="wait@example.org", status="waiting")
    client.force_login(users["editor"])
    response = client.post(
        f"/admin/events/{event.pk}/message/",
        {"subject": "Raumänderung", "message": "Wir treffen uns in Raum 2."},
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["de@example.org", "en@example.org"]
    english = next(m for m in mail.outbox if m.to == ["en@example.org"])
    assert "Raum 2" in english.body and "/en/veranstaltungen/abmelden/" in english.body


def test_reminder_the_day_before_once(event):
    event.start = timezone.now() + datetime.timedelta(hours=20)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save_revision().publish()
    RegistrationFactory(event=event, email="come@example.org")
    RegistrationFactory(event=event, email="wait@example.org", status="waiting")
    call_command("send_event_reminders", stdout=io.StringIO())
    assert [m.to for m in mail.outbox] == [["come@example.org"]]
    assert mail.outbox[0].subject == "Morgen: Fachtag Aufenthaltsrecht"
    call_command("send_event_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1


def test_registrations_are_deleted_after_the_retention_period(event, settings):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 90
    RegistrationFactory(event=event, email="keep@example.org")
    old = RegistrationFactory(event=event, email="stale@example.org", status="pending")
    Registration.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    call_command("purge_event_registrations", stdout=io.StringIO())
    assert list(Registration.objects.values_list("email", flat=True)) == ["keep@example.org"]
    event.start = timezone.now() - datetime.timedelta(days=92)
    event.end = timezone.now() - datetime.timedelta(days=91)
    event.save_revision().publish()
    call_command("purge_event_registrations", stdout=io.StringIO())
    assert not Registration.objects.exists()
