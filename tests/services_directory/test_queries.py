"""The number of SQL queries per directory request does not grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from services_directory.factories import ServicePageFactory, language, location, schedule

# The target is 15. The page frame shared by every page (routing, the view-restriction
# check, locale, menu, breadcrumbs, language switcher, footer settings) costs 14 of them; the
# directory itself adds three: the data-version token, the visible matching ids, and the
# privacy helper's restriction rows (which the menu would load anyway). See docs/directory.md.
# On PostgreSQL one more query asks Wagtail's full-text index (German stemming).
MAX_QUERIES = 17 + (connection.vendor == "postgresql")
PARAMS = {"q": "Beratung", "town": "hilden", "language": "ar"}


def _add_services(directory_page, vocab, count, start=0):
    towns = list(vocab["town"].values())
    for n in range(start, start + count):
        ServicePageFactory(
            parent=directory_page,
            title=f"Beratung {n:04d}",
            slug=f"beratung-{n:04d}",
            service_type=vocab["type"]["jmd" if n % 2 else "mbe"],
            organisation=vocab["org"]["caritas"],
            towns=[towns[n % len(towns)], towns[0]],
            topics=[vocab["topic"]["arbeit"]],
            target_groups=[vocab["target"]["jung"]],
            languages=[language("de"), language("ar")],
            locations=[location(city="Hilden", town=towns[0])],
            schedules=[schedule("MO", 9, 12), schedule("TH", 14, 17)],
        )


def _queries(client, params):
    client.get("/de/beratung/", params)  # warm-up: this process loads the facet data
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/de/beratung/", params)
    assert response.status_code == 200
    return len(captured), response


def test_queries_stay_constant_from_10_to_500_services(client, directory_page, vocab):
    _add_services(directory_page, vocab, 10)
    few, response = _queries(client, PARAMS)
    assert response.content.decode().count('class="service-card"') == 10
    cold_few = _cold_queries(client)
    _add_services(directory_page, vocab, 490, start=10)
    many, response = _queries(client, PARAMS)
    assert response.content.decode().count('class="service-card"') == 20  # one page
    assert few == many <= MAX_QUERIES
    # Right after a change each process reloads its facet data once: still constant.
    assert _cold_queries(client) == cold_few
    # The last page of results costs the same as the first.
    last, _response = _queries(client, {**PARAMS, "page": 25})
    assert last == many


def _cold_queries(client):
    from services_directory.models import DirectoryVersion

    DirectoryVersion.bump()
    with CaptureQueriesContext(connection) as captured:
        client.get("/de/beratung/", PARAMS)
    return len(captured)
