"""Every HSDS API response and every entity the export writes (JSON and each CSV table)
validates against the HSDS 3.0 schemas the portal ships and serves
(``services_directory/hsds_schemas/schema/``, CC BY-SA 4.0, Open Referral), for every demo
service. The schemas are loaded the way a consumer loads them: from the API, following
their relative ``$ref``s (docs/api.md, "The contract, and how to check it yourself")."""

import csv
import io
import json
import zipfile

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from django.db import connection
from django.test import Client

from services_directory.demo import demo_directory
from services_directory.hsds import openapi
from services_directory.models import ServicePage

BASE = "http://testserver/api/hsds/schema/"
_cache = {}


def _retrieve(uri):
    """Fetch a schema from the API itself (Django's test client: no network)."""
    assert uri.startswith(BASE), uri
    response = Client().get(uri.removeprefix("http://testserver"))
    assert response.status_code == 200, uri
    return Resource.from_contents(response.json(), default_specification=DRAFT202012)


def validator(name):
    """``name``: a served schema, "compiled/service.json" or "taxonomy.json"."""
    if name not in _cache:
        registry = Registry(retrieve=_retrieve)
        schema = {"$ref": BASE + name}
        _cache[name] = Draft202012Validator(
            schema, registry=registry, format_checker=FormatChecker()
        )
    return _cache[name]


def assert_valid(name, instance, where=""):
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{where}{list(e.path)}: {e.message}" for e in errors[:10])


PAGE_KEYS = {
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
}


def get_page(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    data = response.json()
    assert set(data) >= PAGE_KEYS
    return data


@pytest.fixture
def demo(home):
    context = {"home": home}
    demo_directory(context)
    if connection.vendor == "postgresql":
        # Planner statistics for the rows this test's transaction just wrote (ANALYZE sees
        # them): without, PostgreSQL takes the tables for empty and picks nested loops that
        # cost seconds per API request.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return context["directory"]


def demo_count():
    """The live German demo services (every one of them is public)."""
    count = ServicePage.objects.live().filter(locale__language_code="de").count()
    assert count >= 60
    return count


def test_every_endpoint_validates_for_every_demo_service(client, demo):
    services = get_page(client, "/api/hsds/services?per_page=100")
    assert services["total_items"] == demo_count()
    for item in services["contents"]:
        assert_valid("compiled/service_list.json", item)
    for n, item in enumerate(services["contents"]):
        if n % 10 == 0:  # other languages too (fallbacks, translated labels)
            for lang in ("ar", "uk"):
                assert_valid(
                    "compiled/service.json",
                    client.get(f"/api/hsds/services/{item['id']}?lang={lang}").json(),
                )
        full = client.get(f"/api/hsds/services/{item['id']}").json()
        assert_valid("compiled/service.json", full)
        assert full["service_at_locations"] and full["phones"] and full["attributes"]
    orgs = get_page(client, "/api/hsds/organizations?per_page=100")
    for item in orgs["contents"]:
        assert_valid("compiled/organization_list.json", item)
        assert_valid(
            "compiled/organization.json", client.get(f"/api/hsds/organizations/{item['id']}").json()
        )
    sals = get_page(client, "/api/hsds/service_at_locations?per_page=100")
    assert sals["total_items"] >= demo_count()  # one or more locations each
    for item in sals["contents"]:
        assert_valid("compiled/service_at_location_list.json", item)
        assert_valid(
            "compiled/service_at_location.json",
            client.get(f"/api/hsds/service_at_locations/{item['id']}").json(),
        )
    for item in get_page(client, "/api/hsds/taxonomies")["contents"]:
        assert_valid("taxonomy.json", item)
        assert_valid("taxonomy.json", client.get(f"/api/hsds/taxonomies/{item['id']}").json())
    terms = get_page(client, "/api/hsds/taxonomy_terms?per_page=100")
    for item in terms["contents"]:
        assert_valid("taxonomy_term.json", item)
    assert terms["total_items"] > 30


def test_the_validation_can_fail(db):
    """The schemas are really applied (formats included), so the test above can fail."""
    good = {"id": "6f3f0c38-5d2e-4b8e-9d4a-2f1b7c2f6a11", "name": "x", "status": "active"}
    service = validator("compiled/service.json")
    assert service.is_valid(good)
    assert not service.is_valid({**good, "id": "not-a-uuid"})
    assert not service.is_valid({**good, "status": "inactiv"})
    assert not service.is_valid({**good, "minimum_age": None})
    # … also deep inside, through the relative references (service → phone → language).
    phone = {"id": good["id"], "number": "1", "languages": [{"id": "x"}]}
    assert not service.is_valid({**good, "phones": [phone]})
    assert not validator("compiled/organization.json").is_valid(
        {"id": good["id"], "name": "x", "description": "", "services": [{"id": "x"}]}
    )


# The export's CSV tables and the HSDS schema of their rows (each schema names its file in
# ``path``; upstream names service_at_location.csv in the singular, the portal's file is
# the plural like every other table).
def table_schemas():
    names = {}
    for name, content in openapi.schema_files().items():
        if "/" not in name:
            path = json.loads(content).get("path", "")
            names[path.removesuffix(".csv")] = name
    names["service_at_locations"] = names.pop("service_at_location")
    return names


def typed(row, schema):
    """A CSV row as HSDS reads it: numbers are numbers; an empty cell is absent, except in
    a column the schema requires, where it is the empty string the JSON form has too (an
    organization's or term's empty ``description``)."""
    definition = json.loads(openapi.schema_files()[schema])
    properties, required = definition["properties"], definition.get("required", [])
    record = {}
    for column, value in row.items():
        assert column in properties, f"column {column} is not an HSDS field of {schema}"
        if value == "" and column not in required:
            continue
        kind = properties[column].get("type")
        record[column] = float(value) if kind == "number" else value
    return record


def test_every_entity_the_export_writes_validates_and_survives_a_round_trip(client, demo):
    """Export (both forms) validated entity by entity; then the round trip of
    test_exchange.py on all demo services (tabular form)."""
    from services_directory.hsds import exchange

    from .test_exchange import api_snapshot, empty_the_directory

    records = exchange.export_records()
    total = demo_count()
    assert len(records["services"]) == total
    for n, service in enumerate(records["services"]):
        assert_valid("compiled/service.json", service, f"services[{n}]")
    for key, schema in (
        ("organizations", "organization.json"),
        ("taxonomies", "taxonomy.json"),
        ("taxonomy_terms", "taxonomy_term.json"),
    ):
        for n, item in enumerate(records[key]):
            assert_valid(schema, item, f"{key}[{n}]")
    schemas = table_schemas()
    archive = zipfile.ZipFile(io.BytesIO(exchange.export_zip(records)))
    tables = [name for name in archive.namelist() if name.endswith(".csv")]
    assert len(tables) == len(exchange.TABLES) == 15
    counted = 0
    for file in tables:
        schema = schemas[file.removesuffix(".csv")]
        required = json.loads(openapi.schema_files()[schema]).get("tabular_required", [])
        rows = list(csv.DictReader(io.StringIO(archive.read(file).decode("utf-8"))))
        for n, row in enumerate(rows, start=2):  # row 1 is the header
            record = typed(row, schema)
            assert_valid(schema, record, f"{file} row {n}: ")
            missing = [column for column in required if not record.get(column)]
            assert not missing, f"{file} row {n}: {missing} are required in tabular form"
        counted += len(rows)
    assert counted > total * 10

    before = api_snapshot(client)
    data = exchange.export_zip()
    empty_the_directory()
    problems, outcome = exchange.import_tables(exchange.read_file(data), publish=True)
    assert problems == [] and outcome.created == total
    assert api_snapshot(client) == before
