"""Registration without JavaScript: double opt-in, waiting list, cancellation, bad input."""

import pytest

from django.core import mail
from django.test import Client

from home.events.models import Registration
from home.events.registration import make_token

from .conftest import FORM, link_in_last_mail, register

URL = "/de/veranstaltungen/anmeldung/{}/"


def test_double_opt_in_confirms_a_place_and_mails_the_details(client, event):
    event.join_url = "https://meet.example.org/geheimer-raum"
    event.attendance_mode = "mixed"
    event.save_revision().publish()
    page = client.get(event.url).content.decode()
    assert "geheimer-raum" not in page  # the join link is for registered people only
    response = client.post(URL.format(event.pk), FORM)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == "pending" and registration.email == "ada@example.org"
    assert "geheimer-raum" not in mail.outbox[-1].body  # not before confirming
    confirm = link_in_last_mail("bestaetigen")
    # Opening the link (as a mail scanner would) books nothing; the button does.
    assert client.get(confirm).status_code == 200
    assert Registration.objects.get().status == "pending"
    assert client.post(confirm).status_code == 200
    assert Registration.objects.get().status == "confirmed"
    assert "geheimer-raum" in mail.outbox[-1].body
    assert mail.outbox[-1].to == ["ada@example.org"]
    html = client.get(event.url).content.decode()  # the cached page was made stale: 2 → 1
    assert 'event-availability--available">1 Platz frei' in html
    # A second click changes nothing and sends nothing.
    count = len(mail.outbox)
    client.post(confirm)
    assert len(mail.outbox) == count and Registration.objects.get().status == "confirmed"


def test_full_event_puts_people_on_the_waiting_list_and_cancel_moves_up(client, event):
    for n in range(3):
        register(client, event, email=f"p{n}@example.org", name=f"Person {n}")
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses == {
        "p0@example.org": "confirmed",
        "p1@example.org": "confirmed",
        "p2@example.org": "waiting",
    }
    html = client.get(event.url).content.decode()
    assert 'event-availability--waiting">Ausgebucht – Warteliste' in html
    first = Registration.objects.get(email="p0@example.org")
    cancel = f"/de/veranstaltungen/abmelden/{make_token(first, 'cancel')}/"
    mail.outbox.clear()
    assert client.post(cancel).status_code == 200
    statuses = dict(Registration.objects.values_list("email", "status"))
    assert statuses["p0@example.org"] == "cancelled"
    assert statuses["p2@example.org"] == "confirmed"
    assert sorted(m.to[0] for m in mail.outbox) == ["p0@example.org", "p2@example.org"]
    moved = next(m for m in mail.outbox if m.to == ["p2@example.org"])
    assert moved.subject == "Sie haben einen Platz: Fachtag Aufenthaltsrecht"


def test_mails_are_in_the_language_of_the_registration(client, event):
    client.post(f"/en/veranstaltungen/anmeldung/{event.pk}/", FORM)
    assert "/en/veranstaltungen/bestaetigen/" in mail.outbox[-1].body
    assert mail.outbox[-1].subject.startswith("Please confirm your registration")
    client.post(f"/ar/veranstaltungen/anmeldung/{event.pk}/", {**FORM, "email": "b@example.org"})
    assert "/ar/veranstaltungen/bestaetigen/" in mail.outbox[-1].body
    assert not mail.outbox[-1].subject.startswith("Please confirm")
    assert Registration.objects.get(email="b@example.org").language == "ar"


def test_the_same_address_cannot_hold_two_places(client, event):
    register(client, event)
    response = client.post(URL.format(event.pk), {**FORM, "email": "ADA@example.org"})
    assert response.status_code == 302  # the same answer as for a new address …
    assert Registration.objects.count() == 1  # … but no second registration
    assert "bestaetigen" not in mail.outbox[-1].body  # the state mail, with a cancel link
    assert "abmelden" in mail.outbox[-1].body


def test_honeypot_is_answered_like_a_success_and_stores_nothing(client, event):
    response = client.post(URL.format(event.pk), {**FORM, "website": "http://spam.example"})
    assert response.status_code == 302
    assert Registration.objects.count() == 0 and mail.outbox == []


def test_rate_limit_per_client_address(client, event):
    for n in range(5):
        client.post(URL.format(event.pk), {**FORM, "email": f"r{n}@example.org"})
    response = client.post(URL.format(event.pk), {**FORM, "email": "r9@example.org"})
    assert response.status_code == 429
    assert Registration.objects.count() == 5


@pytest.mark.parametrize(
    "values",
    [
        {"email": "not-an-address"},
        {"name": "   "},
        {"consent": ""},
        {"name": "x" * 5000},
        {"email": "a" * 300 + "@example.org"},
        {"organisation": "\x00"},
    ],
)
def test_bad_input_is_a_form_error_and_nothing_is_saved(client, event, values):
    response = client.post(URL.format(event.pk), {**FORM, **values})
    assert response.status_code == 400
    assert 'class="form-errors"' in response.content.decode()
    assert Registration.objects.count() == 0 and mail.outbox == []


def test_registration_closes_after_the_deadline(client, event):
    from django.utils import timezone

    event.registration_deadline = timezone.now()
    event.save_revision().publish()
    response = client.post(URL.format(event.pk), FORM)
    assert response.status_code == 400
    assert Registration.objects.count() == 0


@pytest.mark.parametrize("action", ["bestaetigen", "abmelden"])
@pytest.mark.parametrize("token", ["forged", "eyJyIjoxfQ:1u:abc", "x" * 500])
def test_forged_links_are_a_readable_400(client, event, action, token):
    response = client.get(f"/de/veranstaltungen/{action}/{token}/")
    assert response.status_code == 400
    assert "Dieser Link ist nicht gültig" in response.content.decode()
    assert client.post(f"/de/veranstaltungen/{action}/{token}/").status_code == 400


def test_a_cancel_link_does_not_confirm_and_an_expired_link_is_refused(client, event):
    import time
    from unittest import mock

    client.post(URL.format(event.pk), FORM)
    registration = Registration.objects.get()
    cancel_token = make_token(registration, "cancel")
    assert Client().post(f"/de/veranstaltungen/bestaetigen/{cancel_token}/").status_code == 400
    eight_days_ago = time.time() - 8 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=eight_days_ago):
        old = make_token(registration, "confirm")
    assert client.post(f"/de/veranstaltungen/bestaetigen/{old}/").status_code == 400
    assert Registration.objects.get().status == "pending"
