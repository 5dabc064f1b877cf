import re

import pytest

from django.core import mail

from home.events.factories import EventIndexPageFactory, EventPageFactory

FORM = {
    "name": "Ada Beispiel",
    "email": "ada@example.org",
    "organisation": "Beispielträger e. V.",
    "role": "Beraterin",
    "accessibility_needs": "",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def event(event_index):
    return EventPageFactory(
        parent=event_index, title="Fachtag Aufenthaltsrecht", slug="fachtag", capacity=2
    )


def link_in_last_mail(kind):
    """The confirm or cancel link (path only) of the newest mail."""
    body = mail.outbox[-1].body
    match = re.search(rf"https?://[^/\s]+(/\w\w/veranstaltungen/{kind}/[^\s]+/)", body)
    assert match, body
    return match.group(1)


def register(client, event, **values):
    """Post the form, follow the confirm link from the mail, press the button."""
    response = client.post(f"/de/veranstaltungen/anmeldung/{event.pk}/", {**FORM, **values})
    assert response.status_code == 302, response.content.decode()[:2000]
    confirm = link_in_last_mail("bestaetigen")
    assert client.get(confirm).status_code == 200
    return client.post(confirm)
