"""``load_demo`` adds a realistic, idempotent directory marked as example data."""

import re

from django.core.management import call_command

from wagtail.models import Locale

from portal.demo import EXAMPLE_NOTE
from services_directory.models import ServicePage, ServiceType, Town


def test_demo_directory(db, client):
    call_command("load_demo", force=True)
    german = ServicePage.objects.filter(locale=Locale.objects.get(language_code="de"))
    count = german.count()
    assert count >= 60
    assert Town.objects.filter(locale__language_code="de").count() == 10
    for service_type in ServiceType.objects.filter(locale__language_code="de"):
        assert german.filter(service_type=service_type).exists(), service_type
    for page in german:
        assert EXAMPLE_NOTE in page.description
        for contact in page.contacts.all():
            assert contact.phone.startswith("0211 99999")
            assert contact.email.endswith("@example.org")
    call_command("load_demo", force=True)
    assert german.count() == count

    html = client.get("/de/beratung/", {"q": "Ausbildung", "town": "velbert"}).content.decode()
    assert re.search(r'href="/de/beratung/jmd-velbert/">JMD Velbert<', html)
    html = client.get("/de/beratung/", {"q": "Ausbildung", "age": "19"}).content.decode()
    assert "JMD Hilden" in html and "MBE Hilden" not in html
    assert client.get("/de/beratung/jmd-velbert/").status_code == 200
    assert client.get("/ar/beratung/jmd-velbert/").status_code == 200
