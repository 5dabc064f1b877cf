"""Export and import in HSDS form: round trip, validation of every row, drafts, pruning."""

import csv
import io
import json
import zipfile

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from services_directory.factories import contact, language, location, schedule
from services_directory.hsds import exchange
from services_directory.models import (
    Organisation,
    ServiceLocation,
    ServicePage,
    ServiceType,
    TargetGroup,
    Topic,
    Town,
)


@pytest.fixture
def rich(make_service, vocab):
    hilden = vocab["town"]["hilden"]
    jmd = make_service(
        "JMD Hilden",
        towns=["hilden", "velbert"],
        topics=["arbeit", "uebergang"],
        targets=["jung"],
        minimum_age=12,
        maximum_age=27,
        alternate_name="JMD",
        description="<p>Beratung für junge Menschen &amp; Familien.</p><ul><li>Schule</li>"
        "<li>Beruf</li></ul>",
        eligibility_description="12 bis 27 Jahre",
        application_process=ServicePage.ApplicationProcess.BOTH,
        application_process_description="Anruf genügt",
        required_documents="Ausweis\nZeugnisse",
        interpretation_services="Sprachmittlung nach Absprache",
        status=ServicePage.Status.TEMPORARILY_CLOSED,
        alert="Umzug (Beispiel)",
        assurer_email="pruefung@example.org",
        languages=[language("de"), language("fa", "Dari donnerstags")],
        locations=[
            location(
                name="Innenstadt",
                address_1="Beispielstraße 1",
                postal_code="40721",
                city="Hilden",
                town=hilden,
                latitude="51.170000",
                longitude="6.930000",
                accessibility="Stufenloser Zugang",
                transit_note="Bus 741",
            ),
            location(name="Telefonberatung", attending_type="phone"),
        ],
        contacts=[
            contact(
                role="Beratung",
                phone="0211 99999101",
                phone_languages="de,fa",
                email="jmd@example.org",
            ),
            contact(role="Sekretariat", email="sek@example.org"),
        ],
    )
    first_location = jmd.locations.first()
    jmd.schedules = [
        schedule("MO", 9, 12, by_appointment_only=True),
        schedule("TH", 14, "17:30", location=first_location, booking_url="https://example.org/t"),
    ]
    jmd.save_revision().publish()
    mbe = make_service("MBE Velbert", type="mbe", org="awo", towns=["velbert"])
    return [jmd, mbe]


def api_snapshot(client):
    """Everything the API shows, without last_modified (the time of the import)."""

    def strip(value):
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "last_modified"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    listing = client.get("/api/hsds/services?per_page=100").json()
    full = [client.get(f"/api/hsds/services/{s['id']}").json() for s in listing["contents"]]
    others = [
        client.get(url).json()
        for url in (
            "/api/hsds/organizations?per_page=100",
            "/api/hsds/service_at_locations?per_page=100",
            "/api/hsds/taxonomy_terms?per_page=100",
            "/api/hsds/taxonomies",
        )
    ]
    return strip([listing, full, others])


def empty_the_directory():
    for page in ServicePage.objects.all():
        page.delete()
    for model in (Organisation, ServiceType, Topic, TargetGroup, Town):
        model.objects.all().delete()


@pytest.mark.parametrize("form", ["zip", "json"])
def test_round_trip_into_an_empty_directory_gives_identical_api_output(client, rich, form):
    before = api_snapshot(client)
    assert len(before[1]) == 2 and before[1][0]["service_at_locations"]
    data = exchange.export_zip() if form == "zip" else exchange.export_json()
    empty_the_directory()
    assert client.get("/api/hsds/services").json()["total_items"] == 0
    problems, outcome = exchange.import_tables(exchange.read_file(data), publish=True)
    assert problems == []
    assert (outcome.created, outcome.updated) == (2, 0)
    assert api_snapshot(client) == before
    # And once more: importing the same file again only updates, with the same output.
    problems, outcome = exchange.import_tables(exchange.read_file(data), publish=True)
    assert (problems, outcome.created, outcome.updated) == ([], 0, 2)
    assert api_snapshot(client) == before


def test_zip_has_hsds_tables_and_a_datapackage(rich):
    archive = zipfile.ZipFile(io.BytesIO(exchange.export_zip()))
    package = json.loads(archive.read("datapackage.json"))
    assert {r["path"] for r in package["resources"]} >= {"services.csv", "locations.csv"}
    rows = list(csv.DictReader(io.StringIO(archive.read("services.csv").decode())))
    assert [r["name"] for r in rows] == ["JMD Hilden", "MBE Velbert"]
    assert rows[0]["minimum_age"] == "12"
    assert rows[0]["assurer_email"] == "pruefung@example.org"


def _zip(tables):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, rows in tables.items():
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=exchange.TABLES[name], extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: v for k, v in row.items() if not k.startswith("_")})
            archive.writestr(f"{name}.csv", out.getvalue())
    return buffer.getvalue()


def _tables_of(data):
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {
        name.removesuffix(".csv"): list(csv.DictReader(io.StringIO(archive.read(name).decode())))
        for name in archive.namelist()
        if name.endswith(".csv")
    }


def test_ten_bad_rows_are_all_reported_and_nothing_changes(client, rich):
    tables = _tables_of(exchange.export_zip())
    services, schedules = tables["services"], tables["schedules"]
    services[0]["minimum_age"] = "zwölf"  # 1
    services[1]["status"] = "open"  # 2
    services[1]["assured_date"] = "31.12.2026"  # 3
    services[0]["assurer_email"] = "nicht-erreichbar"  # 4
    schedules[0]["byday"] = "Montag"  # 5
    schedules[1]["closes_at"] = "25:00"  # 6
    tables["locations"][0]["latitude"] = "6.93"  # 7: swapped, outside NRW
    tables["languages"][0]["code"] = "xx"  # 8
    tables["phones"][0]["number"] = ""  # 9
    tables["attributes"][0]["taxonomy_term_id"] = "00000000-0000-0000-0000-000000000001"  # 10
    before = api_snapshot(client)
    problems, outcome = exchange.import_tables(exchange.read_file(_zip(tables)), publish=True)
    assert outcome is None
    assert len(problems) == 10, problems
    assert "services.csv row 2: minimum_age 'zwölf' is not a whole number" in problems
    expected = [
        "services.csv row 3: status 'open'",
        "services.csv row 3: assured_date '31.12.2026'",
        "services.csv row 2: assurer_email 'nicht-erreichbar'",
        "schedules.csv row 2: byday 'MONTAG'",
        "schedules.csv row 3: closes_at '25:00'",
        "locations.csv row 2: latitude '6.93'",
        "languages.csv row 2: code 'xx'",
        "phones.csv row 2: number is missing",
        "attributes.csv row 2: taxonomy_term_id",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)
    assert api_snapshot(client) == before
    assert ServicePage.objects.get(pk=rich[0].pk).get_latest_revision().pk == (
        rich[0].get_latest_revision().pk
    )


def test_json_problems_name_the_record(rich):
    records = json.loads(exchange.export_json())
    records["services"][1]["maximum_age"] = "viele"
    problems, _ = exchange.import_tables(exchange.read_file(json.dumps(records).encode(), "x.json"))
    assert problems == ["x.json: services[1]: maximum_age 'viele' is not a whole number"]


def test_import_writes_drafts_unless_published(client, rich):
    data = json.loads(exchange.export_json())
    data["services"][0]["name"] = "JMD Hilden – neu"
    data["services"][0]["service_at_locations"][0]["location"]["name"] = "Neuer Name"
    problems, outcome = exchange.import_tables(exchange.read_file(json.dumps(data).encode()))
    assert problems == [] and outcome.updated == 2
    jmd = ServicePage.objects.get(pk=rich[0].pk)
    assert jmd.title == "JMD Hilden" and jmd.has_unpublished_changes
    assert jmd.get_latest_revision_as_object().title == "JMD Hilden – neu"
    assert "neu" not in client.get("/api/hsds/services").content.decode()
    # The location keeps its id in the draft.
    draft_location = jmd.get_latest_revision_as_object().locations.all()[0]
    assert draft_location.uuid == ServiceLocation.objects.filter(service=jmd).first().uuid
    problems, _ = exchange.import_tables(
        exchange.read_file(json.dumps(data).encode()), publish=True
    )
    assert problems == []
    assert "JMD Hilden – neu" in client.get("/api/hsds/services").content.decode()


def test_new_services_are_drafts_and_nothing_is_removed_without_prune(client, rich, vocab):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = rich[0].copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()
    data = json.loads(exchange.export_json())
    new = json.loads(json.dumps(data["services"][1]))
    new["id"] = "11111111-2222-3333-4444-555555555555"
    new["name"] = "Neue Beratung"
    new["url"] = ""
    data["services"] = [new]
    problems, outcome = exchange.import_tables(exchange.read_file(json.dumps(data).encode()))
    assert problems == [] and outcome.created == 1
    page = ServicePage.objects.get(translation_key=new["id"])
    assert not page.live and page.get_parent().specific_class.__name__ == "ServiceDirectoryPage"
    listed = client.get("/api/hsds/services").json()
    assert listed["total_items"] == 2  # the other two are still there; the new one is a draft
    problems, outcome = exchange.import_tables(
        exchange.read_file(json.dumps(data).encode()), publish=True, prune=True
    )
    assert problems == [] and outcome.pruned == 2
    names = [s["name"] for s in client.get("/api/hsds/services").json()["contents"]]
    assert names == ["Neue Beratung"]
    assert ServicePage.objects.filter(pk__in=[p.pk for p in rich]).count() == 2  # not deleted
    assert not ServicePage.objects.get(pk=translated.pk).live  # translations go offline too


def test_commands(tmp_path, rich, capsys):
    target = tmp_path / "verzeichnis.zip"
    call_command("export_directory", str(target))
    assert zipfile.is_zipfile(target)
    call_command("import_directory", str(target), "--check")
    call_command("import_directory", str(target))
    assert "0 created, 2 updated (saved as drafts)" in capsys.readouterr().out
    bad = tmp_path / "kaputt.json"
    bad.write_text("nicht json")
    with pytest.raises(CommandError, match="neither a zip"):
        call_command("import_directory", str(bad))
    records = json.loads(exchange.export_json())
    records["services"][0]["minimum_age"] = "zwölf"
    bad.write_text(json.dumps(records))
    with pytest.raises(CommandError, match="1 problem"):
        call_command("import_directory", str(bad))
    assert "minimum_age 'zwölf' is not a whole number" in capsys.readouterr().err
