"""The HSDS API keeps its published contract, as a third-party client checks it (issue #24).

schemathesis reads only ``/api/hsds/openapi.json`` and the HSDS schemas it references
(served by the API itself, relative ``$ref``s), generates requests from them and runs every
check, response-schema conformance included. It runs the way a consumer runs it
(``schemathesis run http://…/api/hsds/openapi.json``), against Django's WSGI application
served by pytest-django's live server: loading the document over HTTP is what resolves its
relative references (loaded in-process, schemathesis would look for them on disk). Bounded
and repeatable: deterministic generation (the same cases every run), few examples, a small
directory. The coverage phase tries every value of each enum (languages, towns, postcodes):
about 1,050 requests in all.
"""

import json
import os
import subprocess
import sys

import pytest

from services_directory.factories import contact, language, location, schedule
from services_directory.hsds import openapi

EXAMPLES = 5  # per operation and phase; deterministic generation stands for a fixed seed


@pytest.fixture
def small_directory(make_service, vocab):
    """Three services with every kind of part, at two postcodes."""
    hilden = vocab["town"]["hilden"]
    make_service(
        "JMD Hilden (Beispiel)",
        towns=["hilden"],
        topics=["arbeit"],
        targets=["jung"],
        minimum_age=12,
        maximum_age=27,
        required_documents="Aufenthaltstitel\nPass",
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
                accessibility="Aufzug vorhanden",
            )
        ],
        schedules=[schedule("MO", 9, 12, by_appointment_only=True)],
        contacts=[contact(role="Beratung", phone="0211 99999101", phone_languages="de,ar")],
    )
    make_service(
        "MBE Velbert (Beispiel)",
        type="mbe",
        org="awo",
        towns=["velbert"],
        minimum_age=27,
        languages=[language("ru")],
        locations=[location(name="MBE Velbert", postal_code="42551", city="Velbert")],
        contacts=[contact(email="mbe@example.org")],
    )
    make_service("Flüchtlingsberatung online (Beispiel)", type="fb", status="inactive")


def schemathesis_run(url, workdir):
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        url,
        "--checks=all",
        f"--max-examples={EXAMPLES}",
        "--generation-deterministic",
        "--workers=1",
        "--no-color",
        "--request-timeout=30",
    ]
    env = {**os.environ, "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"}
    return subprocess.run(  # noqa: S603 – our own interpreter, fixed arguments
        command, cwd=workdir, env=env, capture_output=True, text=True, timeout=900, check=False
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_schemathesis_finds_no_contract_failure(live_server, small_directory, tmp_path):
    result = schemathesis_run(f"{live_server.url}/api/hsds/openapi.json", tmp_path)
    report = result.stdout + result.stderr
    print(report)  # shown with -s or on failure: phases, cases, timings
    assert result.returncode == 0, report[-12000:]
    assert "Unresolvable references" not in report
    # It really ran every phase on every operation.
    assert "11 selected / 11 total" in report
    assert "Coverage" in report and "Fuzzing" in report and "Stateful" in report


def test_the_document_references_nothing_outside_the_api(client, db):
    spec = client.get("/api/hsds/openapi.json").json()
    text = json.dumps(spec)
    assert openapi.UPSTREAM_SCHEMAS not in text and "://" not in "".join(_refs(spec))
    for ref in _refs(spec):
        if not ref.startswith("#"):
            response = client.get(f"/api/hsds/{ref}")
            assert response.status_code == 200, ref
            assert response["Access-Control-Allow-Origin"] == "*"
            assert "creativecommons.org/licenses/by-sa/4.0" in response["Link"]
            assert response.json()["$id"] == f"http://testserver/api/hsds/{ref}"
            # Each served schema's own references resolve beside it.
            base = ref.rsplit("/", 1)[0]
            for inner in _refs(response.json()):
                target = os.path.normpath(f"{base}/{inner}")
                assert client.get(f"/api/hsds/{target}").status_code == 200, (ref, inner)
    assert client.get("/api/hsds/schema/../settings.py").status_code == 404
    assert client.get("/api/hsds/schema/nothing.json").json()["status"] == 404


def test_every_status_the_api_answers_is_documented(client, db):
    spec = client.get("/api/hsds/openapi.json").json()
    for path, item in spec["paths"].items():
        responses = item["get"]["responses"]
        assert {"200", "304", "405"} <= set(responses), path
        assert ("404" in responses) == ("{id}" in path), path
        assert ("400" in responses) == bool(item["get"].get("parameters")), path
    parameters = spec["components"]["parameters"]
    assert parameters["per_page"]["schema"]["maximum"] == openapi.MAX_PER_PAGE
    assert parameters["page"]["schema"]["minimum"] == 1
    assert parameters["format"]["schema"]["enum"] == ["json"]
    assert "de" in parameters["lang"]["schema"]["enum"]
    assert "40721" in parameters["place"]["schema"]["properties"]["postcode"]["enum"]
    allow = spec["components"]["headers"]["Allow"]
    assert allow["required"] and allow["schema"]["const"] == "GET, HEAD, OPTIONS"


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)
