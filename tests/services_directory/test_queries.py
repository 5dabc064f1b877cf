"""The number of SQL queries per directory request does not grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from services_directory.factories import ServicePageFactory, language, location, schedule
from tests.conftest import QUERY_BUDGET

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


def test_queries_stay_constant_from_10_to_500_services(
    client, directory_page, vocab, count_queries
):
    _add_services(directory_page, vocab, 10)
    few, response = count_queries(client, "/de/beratung/", PARAMS)
    assert response.content.decode().count('class="service-card"') == 10
    cold_few = _cold_queries(client)
    _add_services(directory_page, vocab, 490, start=10)
    many, response = count_queries(client, "/de/beratung/", PARAMS)
    assert response.content.decode().count('class="service-card"') == 20  # one page
    assert few == many <= QUERY_BUDGET
    # Right after a change each process reloads its facet data once: still constant.
    assert _cold_queries(client) == cold_few
    # The last page of results costs the same as the first.
    last, _response = count_queries(client, "/de/beratung/", {**PARAMS, "page": 25})
    assert last == many


def _cold_queries(client):
    from services_directory.models import DirectoryVersion

    DirectoryVersion.bump()
    with CaptureQueriesContext(connection) as captured:
        client.get("/de/beratung/", PARAMS)
    return len(captured)


def test_service_page_queries_do_not_grow_with_its_details(client, make_service, count_queries):
    """A service page with one location costs the same as one with many details."""
    from services_directory.factories import contact

    towns = ["hilden", "velbert"]
    small = make_service(
        "Kleine Beratung", towns=towns[:1], languages=[language("de")], locations=[location()]
    )
    few, _ = count_queries(client, small.url)
    big = make_service(
        "Große Beratung",
        towns=towns,
        topics=["arbeit"],
        targets=["jung"],
        languages=[language(code) for code in ("de", "ar", "fa", "tr", "uk")],
        locations=[location(city=f"Ort {n}") for n in range(4)],
        schedules=[schedule(day, 9, 12) for day in ("MO", "TU", "WE", "TH", "FR")],
        contacts=[contact(role=f"Beratung {n}", phone="02104 0000") for n in range(3)],
    )
    many, response = count_queries(client, big.url)
    assert "Ort 3" in response.content.decode()
    assert few == many <= QUERY_BUDGET
