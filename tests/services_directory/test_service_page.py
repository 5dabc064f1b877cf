"""The service page: all fields, opening hours with today marked, JSON-LD, languages."""

import datetime
import json
import re

import pytest

from services_directory import directory
from services_directory.factories import contact, language, location, schedule


@pytest.fixture
def service(make_service, vocab):
    hilden = vocab["town"]["hilden"]
    return make_service(
        "JMD Hilden",
        alternate_name="JMD",
        towns=["hilden"],
        topics=["arbeit"],
        targets=["jung"],
        minimum_age=12,
        maximum_age=27,
        eligibility_description="Junge Menschen mit Migrationsgeschichte.",
        application_process="both",
        application_process_description="Anruf genügt.",
        required_documents="Ausweis\nAufenthaltstitel",
        interpretation_services="Sprachmittlung nach Absprache",
        alert="Am 24.12. geschlossen </script><b>x</b>",
        assured_date=datetime.date(2026, 11, 2),
        languages=[language("de"), language("fa", "Dari donnerstags")],
        locations=[
            location(
                name="Beratungsstelle Mitte",
                address_1="Mittelstraße 1",
                postal_code="40721",
                city="Hilden",
                town=hilden,
                latitude="51.168000",
                longitude="6.939000",
                accessibility="Stufenloser Zugang",
                transit_note="Bus 741, Haltestelle Markt",
            )
        ],
        schedules=[schedule("WE", 9, 12), schedule("WE", 14, 16), schedule("FR", 9, 12)],
        contacts=[contact(role="Beratung", phone="0211 99999-123", phone_languages="de, fa")],
    )


def test_service_page_shows_everything(client, service, monkeypatch):
    monkeypatch.setattr(
        directory, "clock", lambda: datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
    )
    response = client.get(service.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in [
        "JMD Hilden",
        "Junge Menschen mit Migrationsgeschichte.",
        "Anruf genügt.",
        "<li>Aufenthaltstitel</li>",
        "Dari donnerstags",
        "Stufenloser Zugang",
        "Bus 741",
        "Mittelstraße 1",
        'href="tel:+4921199999123"',
        "https://www.openstreetmap.org/?mlat=51.168000&amp;mlon=6.939000",
        "Sprachmittlung nach Absprache",
    ]:
        assert text in html, text
    # Today (Wednesday) is marked, with both ranges.
    today = re.search(r'<tr class="is-today" aria-current="date">(.*?)</tr>', html, re.S).group(1)
    assert '<time datetime="09:00">09:00</time>' in today
    assert '<time datetime="14:00">14:00</time>' in today
    assert html.count('class="is-today"') == 1
    assert "2. November 2026" in html or "Nov. 2, 2026" in html or "2 November 2026" in html
    # No embedded map tiles.
    assert "tile.openstreetmap" not in html and "<iframe" not in html


def _json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.mark.parametrize(("code", "direction"), [("de", "ltr"), ("ar", "rtl")])
def test_service_page_in_german_and_arabic(client, service, sync_locale, code, direction):
    sync_locale("ar")
    url = service.url if code == "de" else service.url.replace("/de/", "/ar/", 1)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in html
    data = _json_ld(html)
    assert data["@type"] == "GovernmentService"
    assert data["name"] == "JMD Hilden"
    assert data["availableLanguage"] == ["de", "fa"]
    place = data["availableChannel"]["serviceLocation"][0]
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 51.168, "longitude": 6.939}
    days = {spec["dayOfWeek"] for spec in place["openingHoursSpecification"]}
    assert days == {"https://schema.org/Wednesday", "https://schema.org/Friday"}
    # The alert text cannot close the script element.
    assert "</script><b>" not in html.split("application/ld+json")[1].split("</script>")[0]


def test_directory_links_to_the_service_in_arabic(client, service, sync_locale):
    sync_locale("ar")
    html = client.get("/ar/beratung/").content.decode()
    assert 'href="/ar/beratung/' in html and "JMD Hilden" in html


def test_json_ld_cannot_be_broken_out_of(client, service):
    service.alternate_name = "JMD </script><script>alert(1)</script>"
    service.save_revision().publish()
    html = client.get(service.url).content.decode()
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert _json_ld(html)["alternateName"] == service.alternate_name
    assert "<" not in script


def test_left_to_right_data_keeps_its_order_in_arabic(client, service, sync_locale):
    """Phone numbers, e-mail addresses, times, addresses and German names in RTL pages."""
    from services_directory.factories import contact

    service.contacts.add(contact(role="Beratung", email="jmd-hilden@example.org"))
    service.save_revision().publish()
    sync_locale("ar")
    html = client.get(service.url.replace("/de/", "/ar/", 1)).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'dir="ltr">0211 99999-123</a>' in html
    assert 'dir="ltr">jmd-hilden@example.org</a>' in html
    assert '<bdi dir="ltr"><time datetime="09:00">09:00</time>–' in html
    assert '<bdi dir="ltr">Mittelstraße 1</bdi>' in html
    assert '<bdi dir="ltr">40721 Hilden</bdi>' in html
    assert "<h2><bdi>Beratungsstelle Mitte</bdi></h2>" in html
    assert "(<bdi>JMD</bdi>)" in html
