"""Every HSDS API response validates against the HSDS 3.0 schemas, for every demo service."""

import json
import os
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from services_directory.demo import demo_directory

# The HSDS 3.0 schemas are read where the workplace keeps them, next to the project
# (../shared/hsds/, as its README asks: not copied into the project). HSDS_SCHEMA_DIR
# points elsewhere.
SCHEMAS = Path(os.environ.get("HSDS_SCHEMA_DIR", Path(__file__).parents[3] / "shared" / "hsds"))
COMPILED = {
    "service.json",
    "service_list.json",
    "organization.json",
    "organization_list.json",
    "service_at_location.json",
    "service_at_location_list.json",
}
if not (SCHEMAS / "compiled" / "service.json").exists():
    pytest.skip(f"HSDS schemas not found in {SCHEMAS}", allow_module_level=True)
_cache = {}


def validator(name):
    if name not in _cache:
        resources = []
        for file in ("taxonomy.json", "taxonomy_term.json", "metadata.json"):
            schema = json.loads((SCHEMAS / file).read_text())
            resources.append(
                (file, Resource.from_contents(schema, default_specification=DRAFT202012))
            )
        registry = Registry().with_resources(resources)
        path = SCHEMAS / "compiled" / name if name in COMPILED else SCHEMAS / name
        schema = json.loads(path.read_text())
        _cache[name] = Draft202012Validator(
            schema, registry=registry, format_checker=FormatChecker()
        )
    return _cache[name]


def assert_valid(name, instance):
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


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
    return context["directory"]


def test_every_endpoint_validates_for_every_demo_service(client, demo):
    services = get_page(client, "/api/hsds/services?per_page=100")
    assert services["total_items"] == 62
    for item in services["contents"]:
        assert_valid("service_list.json", item)
    for n, item in enumerate(services["contents"]):
        if n % 10 == 0:  # other languages too (fallbacks, translated labels)
            for lang in ("ar", "uk"):
                assert_valid(
                    "service.json",
                    client.get(f"/api/hsds/services/{item['id']}?lang={lang}").json(),
                )
        full = client.get(f"/api/hsds/services/{item['id']}").json()
        assert_valid("service.json", full)
        assert full["service_at_locations"] and full["phones"] and full["attributes"]
    orgs = get_page(client, "/api/hsds/organizations?per_page=100")
    for item in orgs["contents"]:
        assert_valid("organization_list.json", item)
        assert_valid(
            "organization.json", client.get(f"/api/hsds/organizations/{item['id']}").json()
        )
    sals = get_page(client, "/api/hsds/service_at_locations?per_page=100")
    assert sals["total_items"] == 62
    for item in sals["contents"]:
        assert_valid("service_at_location_list.json", item)
        assert_valid(
            "service_at_location.json",
            client.get(f"/api/hsds/service_at_locations/{item['id']}").json(),
        )
    for item in get_page(client, "/api/hsds/taxonomies")["contents"]:
        assert_valid("taxonomy.json", item)
        assert_valid("taxonomy.json", client.get(f"/api/hsds/taxonomies/{item['id']}").json())
    terms = get_page(client, "/api/hsds/taxonomy_terms?per_page=100")
    for item in terms["contents"]:
        assert_valid("taxonomy_term.json", item)
    assert terms["total_items"] > 30


def test_the_validation_can_fail():
    """The schemas are really applied (formats included), so the test above can fail."""
    good = {"id": "6f3f0c38-5d2e-4b8e-9d4a-2f1b7c2f6a11", "name": "x", "status": "active"}
    assert validator("service.json").is_valid(good)
    assert not validator("service.json").is_valid({**good, "id": "not-a-uuid"})
    assert not validator("service.json").is_valid({**good, "status": "inactiv"})
    assert not validator("service.json").is_valid({**good, "minimum_age": None})


def test_the_demo_directory_survives_export_and_import(client, demo):
    """The round trip of test_exchange.py, on all 62 demo services (tabular form)."""
    from services_directory import exchange

    from .test_exchange import api_snapshot, empty_the_directory

    before = api_snapshot(client)
    data = exchange.export_zip()
    empty_the_directory()
    problems, outcome = exchange.import_tables(exchange.read_file(data), publish=True)
    assert problems == [] and outcome.created == 62
    assert api_snapshot(client) == before
