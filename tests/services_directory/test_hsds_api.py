"""The HSDS API: privacy, filters, bad parameters, languages, conditional requests, queries."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import BaseViewRestriction, Locale, PageViewRestriction

from services_directory import hsds
from services_directory.factories import contact, language, location, schedule
from services_directory.models import ServiceLocation

MARKER = "GEHEIM8812"
ENDPOINTS = [
    "/api/hsds/services",
    "/api/hsds/services?search=Beratung",
    f"/api/hsds/services?search={MARKER}",
    "/api/hsds/organizations",
    "/api/hsds/service_at_locations",
    "/api/hsds/service_at_locations?postcode=40721&proximity=50",
    "/api/hsds/taxonomy_terms?per_page=100",
]


@pytest.fixture
def services(make_service, vocab):
    hilden = vocab["town"]["hilden"]
    jmd = make_service(
        "JMD Hilden",
        towns=["hilden"],
        topics=["arbeit"],
        minimum_age=12,
        maximum_age=27,
        languages=[language("de"), language("ar", "dienstags")],
        locations=[
            location(
                name="JMD Hilden",
                address_1="Beispielstraße 1",
                postal_code="40721",
                city="Hilden",
                town=hilden,
                latitude="51.170000",
                longitude="6.930000",
            )
        ],
        schedules=[schedule("MO", 9, 12, by_appointment_only=True)],
        contacts=[contact(role="Beratung", phone="0211 99999101", phone_languages="de,ar")],
    )
    mbe = make_service(
        "MBE Velbert",
        type="mbe",
        org="awo",
        towns=["velbert"],
        minimum_age=27,
        languages=[language("ru")],
        locations=[
            location(
                name="MBE Velbert",
                postal_code="42551",
                city="Velbert",
                latitude="51.340000",
                longitude="7.043000",
            )
        ],
    )
    return {"jmd": jmd, "mbe": mbe}


@pytest.fixture
def secrets(services, make_service, workspace_a, content_page):
    draft = make_service(
        f"Entwurf {MARKER}",
        live=False,
        description=f"<p>{MARKER}</p>",
        locations=[location(name=f"Ort {MARKER}", postal_code="40721")],
    )
    restricted = make_service(
        f"Intern {MARKER}",
        description=f"<p>{MARKER}</p>",
        locations=[location(name=f"Ort {MARKER}", postal_code="40721")],
    )
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    login_only = make_service(f"Angemeldet {MARKER}", description=f"<p>{MARKER}</p>")
    PageViewRestriction.objects.create(page=login_only, restriction_type=BaseViewRestriction.LOGIN)
    # A live, public service whose newest (unpublished) revision carries the marker.
    services["mbe"].title = f"MBE {MARKER}"
    services["mbe"].save_revision()
    return {"draft": draft, "restricted": restricted, "login_only": login_only}


@pytest.mark.parametrize("role", ["anonymous", "member_a", "member_b", "editor", "admin"])
def test_drafts_and_restricted_services_never_appear(role, client_for, secrets):
    client = client_for(role)
    for url in ENDPOINTS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert MARKER not in response.content.decode(), (role, url)
    listed = client.get("/api/hsds/services").json()
    assert listed["total_items"] == 2
    for page in secrets.values():
        response = client.get(f"/api/hsds/services/{page.translation_key}")
        assert response.status_code == 404
        assert MARKER not in response.content.decode()


def test_a_member_of_the_group_sees_the_page_but_not_in_the_api(client_for, secrets):
    """The API is public data only, even for the workspace's own members (test can fail)."""
    member = client_for("member_a")
    assert MARKER in member.get(secrets["restricted"].url).content.decode()
    assert MARKER not in member.get("/api/hsds/services").content.decode()


def test_restricted_translation_or_alias_stays_hidden(client, secrets, sync_locale):
    sync_locale("ar")
    for url in ENDPOINTS:
        assert (
            MARKER
            not in client.get(url + ("&" if "?" in url else "?") + "lang=ar").content.decode()
        )


def test_full_service_record(client, services):
    jmd = services["jmd"]
    data = client.get(f"/api/hsds/services/{jmd.translation_key}").json()
    assert data["id"] == str(jmd.translation_key)
    assert data["name"] == "JMD Hilden"
    assert data["minimum_age"] == 12 and data["maximum_age"] == 27
    assert data["organization"]["name"] == "Caritas (Beispiel)"
    assert [lang["code"] for lang in data["languages"]] == ["de", "ar"]
    assert data["languages"][1]["note"] == "dienstags"
    assert data["phones"][0]["number"] == "0211 99999101"
    assert [lang["code"] for lang in data["phones"][0]["languages"]] == ["de", "ar"]
    sal = data["service_at_locations"][0]
    loc = ServiceLocation.objects.get(service=jmd)
    assert sal["location"]["id"] == str(loc.uuid)
    assert sal["location"]["addresses"][0]["postal_code"] == "40721"
    assert sal["location"]["latitude"] == 51.17
    assert sal["schedules"] == [] and data["schedules"][0]["byday"] == "MO"
    alone = client.get(f"/api/hsds/service_at_locations/{sal['id']}").json()
    assert alone["location"] == sal["location"] and alone["service"]["id"] == data["id"]
    assert data["schedules"][0]["attributes"][0]["taxonomy_term"]["code"] == (
        "by_appointment_only:yes"
    )
    assert [a["name"] for a in data["service_areas"]] == ["Hilden"]
    codes = {a["taxonomy_term"]["code"] for a in data["attributes"]}
    assert {"jmd", "arbeit", "hilden", "application_process:appointment"} <= codes
    # Ids are stable: a second request gives the same ids.
    again = client.get(f"/api/hsds/services/{jmd.translation_key}").json()
    assert again == data


def ids(response):
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["contents"]]


def test_filters(client, services, vocab):
    assert ids(client.get("/api/hsds/services")) == ["JMD Hilden", "MBE Velbert"]
    assert ids(client.get("/api/hsds/services?search=velbert")) == ["MBE Velbert"]
    assert ids(client.get("/api/hsds/services?town=hilden")) == ["JMD Hilden"]
    town_key = vocab["town"]["velbert"].translation_key
    assert ids(client.get(f"/api/hsds/services?town={town_key}")) == ["MBE Velbert"]
    assert ids(client.get("/api/hsds/services?language=ru")) == ["MBE Velbert"]
    assert ids(client.get("/api/hsds/services?age=15")) == ["JMD Hilden"]
    assert ids(client.get("/api/hsds/services?age=40")) == ["MBE Velbert"]
    topic = vocab["topic"]["arbeit"].translation_key
    assert ids(client.get(f"/api/hsds/services?taxonomy_term_id={topic}")) == ["JMD Hilden"]
    org = vocab["org"]["awo"].translation_key
    assert ids(client.get(f"/api/hsds/services?organization_id={org}")) == ["MBE Velbert"]
    assert ids(client.get("/api/hsds/services?modified_after=2000-01-01")) == [
        "JMD Hilden",
        "MBE Velbert",
    ]
    services["mbe"].save_revision().publish()
    assert ids(client.get("/api/hsds/services?modified_after=2999-01-01T00:00:00Z")) == [
        "JMD Hilden"
    ]  # never published through a revision: no time known, always included
    page = client.get("/api/hsds/services?per_page=1&page=2").json()
    assert page["contents"][0]["name"] == "MBE Velbert"
    assert (page["total_items"], page["total_pages"], page["page_number"], page["size"]) == (
        2,
        2,
        2,
        1,
    )
    assert not page["first_page"] and page["last_page"] and not page["empty"]


def test_postcode_and_proximity(client, services):
    def names(url):
        response = client.get(url)
        assert response.status_code == 200, response.content
        return [item["service"]["name"] for item in response.json()["contents"]]

    assert names("/api/hsds/service_at_locations?postcode=40721") == ["JMD Hilden"]
    assert names("/api/hsds/service_at_locations?postcode=40721&proximity=5") == ["JMD Hilden"]
    # Hilden to Velbert is about 20 km.
    assert names("/api/hsds/service_at_locations?postcode=40721&proximity=30") == [
        "JMD Hilden",
        "MBE Velbert",
    ]
    assert names("/api/hsds/service_at_locations?postcode=42551&proximity=1") == ["MBE Velbert"]


BAD = [
    ("/api/hsds/services?per_page=100000", 400),
    ("/api/hsds/services?per_page=0", 400),
    ("/api/hsds/services?page=0", 400),
    ("/api/hsds/services?page=abc", 400),
    ("/api/hsds/services?modified_after=garbage", 400),
    ("/api/hsds/services?modified_after=2026-13-45", 400),
    ("/api/hsds/services?taxonomy_term_id=not-a-uuid", 400),
    ("/api/hsds/services?organization_id=123", 400),
    ("/api/hsds/services?town=atlantis", 400),
    ("/api/hsds/services?language=xx", 400),
    ("/api/hsds/services?age=-1", 400),
    ("/api/hsds/services?age=zwölf", 400),
    ("/api/hsds/services?lang=xx", 400),
    ("/api/hsds/services/not-a-uuid", 404),
    ("/api/hsds/services/00000000-0000-0000-0000-000000000000", 404),
    ("/api/hsds/organizations/42", 404),
    ("/api/hsds/organizations/00000000-0000-0000-0000-000000000000", 404),
    ("/api/hsds/service_at_locations/00000000-0000-0000-0000-000000000000", 404),
    ("/api/hsds/service_at_locations?postcode=40721&proximity=-5", 400),
    ("/api/hsds/service_at_locations?postcode=40721&proximity=nan", 400),
    ("/api/hsds/service_at_locations?postcode=40721&proximity=abc", 400),
    ("/api/hsds/service_at_locations?postcode=10115", 400),
    ("/api/hsds/service_at_locations?proximity=5", 400),
    ("/api/hsds/taxonomies/xyz", 404),
    ("/api/hsds/taxonomy_terms/00000000-0000-0000-0000-000000000000", 404),
    ("/api/hsds/taxonomy_terms?taxonomy_id=x", 400),
    ("/api/hsds/nothing", 404),
]


@pytest.mark.parametrize(("url", "status"), BAD)
def test_bad_parameters_answer_json_errors(client, services, url, status):
    response = client.get(url)
    assert response.status_code == status
    if url != "/api/hsds/nothing":
        assert response["Content-Type"] == "application/json"
        assert response.json()["message"]
        assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "trace"])
def test_only_get_a_json_405_with_allow_never_the_csrf_page(method, services):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)("/api/hsds/services")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "status": 405,
        "message": "Only GET is supported: this API is read-only.",
    }
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
    response = client.generic("QUERY", "/api/hsds/services/x")
    assert response.status_code == 405 and response["Allow"] == "GET, HEAD, OPTIONS"


def test_head_and_options(client, services):
    get = client.get("/api/hsds/services")
    head = client.head("/api/hsds/services")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"] and head["Content-Type"] == "application/json"
    assert int(head["Content-Length"]) == len(get.content)
    assert client.head("/api/hsds/services", HTTP_IF_NONE_MATCH=get["ETag"]).status_code == 304
    assert client.head("/api/hsds/services/nope").status_code == 404
    # A browser's CORS preflight.
    options = client.options(
        "/api/hsds/services",
        HTTP_ORIGIN="https://finder.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert options.status_code == 204 and options.content == b""
    assert options["Allow"] == "GET, HEAD, OPTIONS"
    assert options["Access-Control-Allow-Origin"] == "*"
    assert options["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in options["Access-Control-Allow-Headers"]


def test_format_other_than_json_is_not_acceptable(client, services):
    assert client.get("/api/hsds/services?format=json").status_code == 200
    assert client.get("/api/hsds/services?format=").status_code == 200
    response = client.get("/api/hsds/taxonomies?format=ndjson")
    assert response.status_code == 406
    assert response.json()["message"] == "format: 'ndjson' is not offered, only json."


def test_a_nul_character_is_a_bad_parameter(client, services):
    for url in ("/api/hsds/services?search=a%00b", "/api/hsds/services?town=hil%00den"):
        response = client.get(url)
        assert response.status_code == 400
        assert "NUL" in response.json()["message"]


def test_cors_and_conditional_requests(client, services):
    first = client.get("/api/hsds/services")
    assert first["Access-Control-Allow-Origin"] == "*"
    etag, modified = first["ETag"], first["Last-Modified"]
    assert client.get("/api/hsds/services", HTTP_IF_NONE_MATCH=etag).status_code == 304
    not_modified = client.get("/api/hsds/services", HTTP_IF_MODIFIED_SINCE=modified)
    assert not_modified.status_code == 304 and not_modified.content == b""
    # The validators a 200 would carry, and CORS (RFC 9110, 15.4.5).
    assert (not_modified["ETag"], not_modified["Last-Modified"]) == (etag, modified)
    assert not_modified["Access-Control-Allow-Origin"] == "*"
    failed = client.get("/api/hsds/services", HTTP_IF_MATCH='"another"')
    assert failed.status_code == 412 and failed["Access-Control-Allow-Origin"] == "*"
    # Another query string is another resource.
    assert client.get("/api/hsds/services?page=1", HTTP_IF_NONE_MATCH=etag).status_code == 200
    # Publishing a change gives a new ETag.
    services["jmd"].title = "JMD Hilden (neu)"
    services["jmd"].save_revision().publish()
    changed = client.get("/api/hsds/services", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag
    assert "JMD Hilden (neu)" in changed.content.decode()


def test_cached_answers_follow_every_change(client, services):
    """Answers are cached per directory version: a repeat costs one query, and a service
    made private or unpublished leaves the very next answer."""
    url = "/api/hsds/services?per_page=100"
    first = client.get(url)
    assert "JMD Hilden" in first.content.decode()
    with CaptureQueriesContext(connection) as captured:
        again = client.get(url)
    assert again.content == first.content and len(captured) == 1
    assert again["Content-Type"] == "application/json"

    restriction = PageViewRestriction.objects.create(
        page=services["jmd"], restriction_type=BaseViewRestriction.LOGIN
    )
    assert "JMD Hilden" not in client.get(url).content.decode()
    restriction.delete()
    assert "JMD Hilden" in client.get(url).content.decode()
    services["jmd"].unpublish()
    assert "JMD Hilden" not in client.get(url).content.decode()


def test_a_restricted_directory_hides_all_its_services(client, services):
    """Only the hidden subtrees that can hold services are written into the SQL; one that
    holds the directory itself must still hide every service in it."""
    url = "/api/hsds/services?per_page=100"
    assert client.get(url).json()["total_items"] >= len(services)
    PageViewRestriction.objects.create(
        page=services["jmd"].get_parent(), restriction_type=BaseViewRestriction.LOGIN
    )
    assert client.get(url).json()["total_items"] == 0


def test_lang_gives_translations_with_german_fallback(client, services, vocab):
    english = Locale.objects.get_or_create(language_code="en")[0]
    jmd = services["jmd"]
    translated = jmd.copy_for_translation(english, copy_parents=True)
    translated.title = "Youth Migration Service Hilden"
    translated.save_revision().publish()
    topic = vocab["topic"]["arbeit"].copy_for_translation(english)
    topic.name = "Work and training"
    topic.save()
    data = client.get(f"/api/hsds/services/{jmd.translation_key}?lang=en").json()
    assert data["name"] == "Youth Migration Service Hilden"
    assert data["url"].endswith(translated.url)
    assert "Work and training" in {a["taxonomy_term"]["name"] for a in data["attributes"]}
    assert data["languages"][1]["name"] == "Arabic"
    access = {a["taxonomy_term"]["code"]: a["taxonomy_term"]["name"] for a in data["attributes"]}
    assert access["application_process:appointment"] == "by appointment"
    german = client.get(f"/api/hsds/services/{jmd.translation_key}").json()
    access = {a["taxonomy_term"]["code"]: a["taxonomy_term"]["name"] for a in german["attributes"]}
    assert access["application_process:appointment"] == "nach Vereinbarung"
    listed = ids(client.get("/api/hsds/services?lang=en"))
    assert listed == ["Youth Migration Service Hilden", "MBE Velbert"]  # MBE: no translation
    # An unpublished translation is not used.
    translated.refresh_from_db()
    translated.unpublish()
    data = client.get(f"/api/hsds/services/{jmd.translation_key}?lang=en").json()
    assert data["name"] == "JMD Hilden"


def _count(client, url):
    client.get(url)
    # Another URL misses the answer cache (which costs one query) but finds the fragments warm.
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url + ("&" if "?" in url else "?") + "uncached=1")
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url",
    [
        "/api/hsds/services?per_page=100",
        "/api/hsds/services?per_page=100&lang=en",
        "/api/hsds/service_at_locations?per_page=100",
        "/api/hsds/service_at_locations?postcode=40721&proximity=30&per_page=100",
        "/api/hsds/organizations?per_page=100",
    ],
)
def test_query_count_does_not_grow(client, make_service, vocab, url):
    def add(start, count):
        for n in range(start, start + count):
            make_service(
                f"Beratung {n:03d}",
                towns=["hilden"],
                topics=["arbeit"],
                languages=[language("de")],
                locations=[location(postal_code="40721", latitude="51.17", longitude="6.93")],
                schedules=[schedule("MO", 9, 12)],
                contacts=[contact(phone="0211 99999000", email="x@example.org")],
            )

    add(0, 3)
    few = _count(client, url)
    add(3, 27)
    assert _count(client, url) == few
    assert few <= 12


def test_full_record_query_count_is_constant(client, make_service):
    def service(n, parts):
        return make_service(
            f"Beratung {n}",
            towns=["hilden", "velbert"][:parts],
            languages=[language(c) for c in ["de", "ar", "fa"][:parts]],
            locations=[location(postal_code="40721") for _ in range(parts)],
            schedules=[schedule(d, 9, 12) for d in ["MO", "TU", "WE"][:parts]],
            contacts=[contact(phone="0211 99999000") for _ in range(parts)],
        )

    small, big = service(1, 1), service(2, 3)
    assert _count(client, f"/api/hsds/services/{small.translation_key}") == _count(
        client, f"/api/hsds/services/{big.translation_key}"
    )


def test_root_and_openapi(client, db):
    root = client.get("/api/hsds/").json()
    assert root["version"] == "3.0"
    assert root["openapi_url"].endswith("/api/hsds/openapi.json")
    spec = client.get("/api/hsds/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    assert "/services/{id}" in spec["paths"]
    place = spec["components"]["parameters"]["place"]["schema"]
    assert place["dependentRequired"] == {"proximity": ["postcode"]}


def test_fixed_term_ids_are_stable():
    """Ids the portal derives are fixed values, not random per process."""
    term = hsds.FIXED_TERMS[("application_process", "open")]
    assert term["id"] == str(
        __import__("uuid").uuid5(hsds.NAMESPACE, "kim:application_process:open")
    )
