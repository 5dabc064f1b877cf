"""Phone-first parts of the directory (issue #22): the top of the service page (today's
status, call, route, slip), the filters in a disclosure with the count visible, and the
error summary of the feedback form."""

import datetime
import re

import pytest

from django.urls import reverse

from services_directory import directory
from services_directory.factories import contact, location, schedule


@pytest.fixture
def wednesday_9am(monkeypatch):
    monkeypatch.setattr(
        directory, "clock", lambda: datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    )


@pytest.fixture
def service(make_service, vocab):
    return make_service(
        "JMD Hilden",
        towns=["hilden"],
        locations=[
            location(
                name="Beratungsstelle Mitte",
                address_1="Mittelstraße 1",
                postal_code="40721",
                city="Hilden",
                town=vocab["town"]["hilden"],
            )
        ],
        schedules=[schedule("WE", 9, 12), schedule("WE", 14, 16)],
        contacts=[contact(role="Beratung", phone="0211 99999-123")],
    )


def actions_of(html):
    block = re.search(r'<div class="service-actions no-print">(.*?)</ul>\s*</div>', html, re.S)
    assert block, "no service actions on the page"
    return block.group(1)


def test_service_page_starts_with_today_call_route_and_slip(client, service, wednesday_9am):
    html = client.get(service.url).content.decode()
    actions = actions_of(html)
    # Before the description: the first thing on a phone after the title.
    assert html.index('class="service-actions') < html.index('class="rich-text"')
    assert "Heute" in actions and "09:00–12:00" in actions and "14:00–16:00" in actions
    assert 'href="tel:+4921199999123"' in actions and "Anrufen" in actions
    # No coordinates: the route is an address search on OpenStreetMap, written out.
    assert (
        'href="https://www.openstreetmap.org/search?query=Mittelstra%C3%9Fe%201%2040721%20Hilden"'
        in actions
    )
    # The slip link jumps to the slip's language choice further down the same page.
    anchor = re.search(r'href="#(slip-heading-\d+)"', actions).group(1)
    assert f'id="{anchor}"' in html


def test_closed_day_says_so(client, service, monkeypatch):
    monkeypatch.setattr(  # a Thursday: no hours
        directory, "clock", lambda: datetime.datetime(2026, 11, 26, 9, 0, tzinfo=datetime.UTC)
    )
    actions = actions_of(client.get(service.url).content.decode())
    assert "service-today--closed" in actions and "geschlossen" in actions


def test_service_without_contact_or_location_offers_the_slip_only(client, make_service):
    bare = make_service("Ohne Kontakt", towns=["hilden"])
    actions = actions_of(client.get(bare.url).content.decode())
    assert "tel:" not in actions and "openstreetmap" not in actions
    assert "#slip-heading-" in actions and "Heute" not in actions


def test_directory_filters_fold_with_the_count_outside(client, service, directory_page):
    html = client.get(directory_page.url, {"town": "hilden"}).content.decode()
    disclosure = re.search(r'<details class="directory-filters">(.*?)</details>', html, re.S)
    assert disclosure, "filters are not in a disclosure"
    assert "<summary" in disclosure.group(1) and 'name="town"' in disclosure.group(1)
    # The query field and the result count stay outside (visible with the filters closed).
    assert 'name="q"' not in disclosure.group(1)
    assert "1 Angebot" in html.split("</details>", 1)[1]
    # The summary says how many filters are chosen.
    assert "ausgewählt: 1" in disclosure.group(1)


def test_feedback_errors_are_summarised_with_links_to_the_fields(client, service):
    response = client.post(reverse("services_directory:feedback", args=[service.pk]), {})
    assert response.status_code == 400
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary[^"]*" role="alert".*?</ul>', html, re.S)
    assert summary, "no error summary"
    assert "Bitte korrigieren Sie die markierten Felder." in summary.group(0)
    links = re.findall(r'<a href="#([\w-]+)">', summary.group(0))
    assert links == ["id_message"]
    assert 'id="id_message"' in html and 'aria-invalid="true"' in html
    # The summary comes before the form's fields.
    assert html.index("error-summary") < html.index('id="id_message"')
