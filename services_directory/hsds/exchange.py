"""Bulk export and import of the directory in HSDS 3.0 form (docs/api.md).

Two forms carry the same data:

- **tabular**: one CSV file per HSDS table (``services.csv``, ``locations.csv`` …, HSDS
  column names) and a ``datapackage.json``, zipped;
- **JSON**: ``{"services": [full HSDS services], "organizations": […], "taxonomies": […],
  "taxonomy_terms": […]}``, the services exactly as ``/api/hsds/services/{id}`` shows them
  plus ``assurer_email``.

An import first reads everything into the tabular form, validates every row and collects
every problem ("services.csv row 14: minimum_age 'zwölf' is not a number"). Only a file
without problems is written, in one transaction: services are created or updated by id as
new draft revisions (or published), never deleted unless ``prune`` is asked for.
"""

import contextlib
import csv
import datetime
import io
import json
import re
import uuid
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.text import slugify

from .. import hsds
from ..models import (
    NRW_LATITUDE,
    NRW_LONGITUDE,
    Organisation,
    ServiceContact,
    ServiceDirectoryPage,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
    language_names,
)

TABLES = {
    "services": [
        "id", "organization_id", "name", "alternate_name", "description", "url", "email",
        "status", "interpretation_services", "application_process", "fees_description",
        "eligibility_description", "minimum_age", "maximum_age", "assured_date",
        "assurer_email", "alert", "last_modified",
    ],
    "organizations": ["id", "name", "description", "email", "website"],
    "locations": ["id", "location_type", "name", "transportation", "latitude", "longitude"],
    "addresses": [
        "id", "location_id", "address_1", "city", "state_province", "postal_code", "country",
        "address_type",
    ],
    "accessibility": ["id", "location_id", "description"],
    "service_at_locations": ["id", "service_id", "location_id"],
    "schedules": [
        "id", "service_id", "service_at_location_id", "location_id", "freq", "wkst", "byday",
        "opens_at", "closes_at", "valid_from", "valid_to", "schedule_link",
    ],
    "contacts": ["id", "service_id", "title", "email"],
    "phones": ["id", "service_id", "contact_id", "number"],
    "languages": ["id", "service_id", "phone_id", "code", "name", "note"],
    "required_documents": ["id", "service_id", "document"],
    "service_areas": ["id", "service_id", "name"],
    "attributes": ["id", "link_id", "link_type", "link_entity", "taxonomy_term_id"],
    "taxonomies": ["id", "name", "description"],
    "taxonomy_terms": ["id", "code", "name", "description", "taxonomy", "taxonomy_id", "language"],
}  # fmt: skip


# --- Export ------------------------------------------------------------------------------


def export_records():
    """The whole public directory as HSDS records (German), with non-public fields."""
    ctx = hsds.Context(private=True)
    pages = hsds.with_parts(hsds.public_services()).order_by("title", "pk")
    services = [hsds.service_record(page, ctx) for page in pages]
    organisations = Organisation.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).order_by("name", "pk")
    terms = []
    for vocabulary in hsds.VOCABULARIES:
        if vocabulary.model is None:
            terms += [hsds.fixed_term_record(t, ctx) for t in hsds.FIXED_TERMS.values()]
        else:
            snippets = vocabulary.model.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE
            ).order_by("name", "pk")
            terms += [hsds.term_record(vocabulary, s, ctx) for s in snippets]
    return {
        "services": services,
        "organizations": [hsds.organization_record(o, ctx) for o in organisations],
        "taxonomies": [hsds.taxonomy_record(v, ctx) for v in hsds.VOCABULARIES],
        "taxonomy_terms": terms,
    }


def export_json(records=None):
    records = records or export_records()
    return json.dumps(records, ensure_ascii=False, indent=1).encode()


def flatten(records, source="directory.json"):
    """Nested HSDS records → tables (lists of row dicts with a ``_where`` label)."""
    tables = {name: [] for name in TABLES}

    def add(table, row, where):
        tables[table].append({**{k: _cell(v) for k, v in row.items()}, "_where": where})

    def attributes(items, where, link_id):
        # In the nested form the nesting says what an attribute describes.
        for n, item in enumerate(items or []):
            if isinstance(item, dict):
                add("attributes", {**item, "link_id": link_id}, f"{where}.attributes[{n}]")

    for i, service in enumerate(records.get("services") or []):
        if not isinstance(service, dict):
            tables["services"].append({"_where": f"{source}: services[{i}]", "_bad": True})
            continue
        where = f"{source}: services[{i}]"
        add("services", {k: service.get(k) for k in TABLES["services"]}, where)
        sid = service.get("id")
        for n, item in enumerate(service.get("languages") or []):
            add("languages", {**item, "service_id": sid}, f"{where}.languages[{n}]")
        for n, item in enumerate(service.get("contacts") or []):
            add("contacts", {**item, "service_id": sid}, f"{where}.contacts[{n}]")
        for n, phone in enumerate(service.get("phones") or []):
            pwhere = f"{where}.phones[{n}]"
            add("phones", {**phone, "service_id": sid}, pwhere)
            for m, item in enumerate(phone.get("languages") or []):
                add("languages", {**item, "phone_id": phone.get("id")}, f"{pwhere}.languages[{m}]")
        for n, item in enumerate(service.get("schedules") or []):
            add("schedules", {**item, "service_id": sid}, f"{where}.schedules[{n}]")
            attributes(item.get("attributes"), f"{where}.schedules[{n}]", item.get("id"))
        for n, sal in enumerate(service.get("service_at_locations") or []):
            swhere = f"{where}.service_at_locations[{n}]"
            location = sal.get("location") or {}
            add(
                "service_at_locations",
                {**sal, "service_id": sid, "location_id": location.get("id")},
                swhere,
            )
            attributes(sal.get("attributes"), swhere, sal.get("id"))
            add("locations", location, f"{swhere}.location")
            attributes(location.get("attributes"), f"{swhere}.location", location.get("id"))
            for m, item in enumerate(location.get("addresses") or []):
                item = {**item, "location_id": location.get("id")}
                add("addresses", item, f"{swhere}.location.addresses[{m}]")
            for m, item in enumerate(location.get("accessibility") or []):
                item = {**item, "location_id": location.get("id")}
                add("accessibility", item, f"{swhere}.location.accessibility[{m}]")
            for m, item in enumerate(sal.get("schedules") or []):
                item = {**item, "service_at_location_id": sal.get("id")}
                add("schedules", item, f"{swhere}.schedules[{m}]")
                attributes(item.get("attributes"), f"{swhere}.schedules[{m}]", item.get("id"))
        for n, item in enumerate(service.get("required_documents") or []):
            add(
                "required_documents",
                {**item, "service_id": sid},
                f"{where}.required_documents[{n}]",
            )
        for n, item in enumerate(service.get("service_areas") or []):
            add("service_areas", {**item, "service_id": sid}, f"{where}.service_areas[{n}]")
        attributes(service.get("attributes"), where, sid)
    for table in ("organizations", "taxonomies", "taxonomy_terms"):
        for n, item in enumerate(records.get(table) or []):
            add(table, item if isinstance(item, dict) else {}, f"{source}: {table}[{n}]")
    for rows in tables.values():
        for row in rows:
            row.pop("taxonomy_term", None)
    return tables


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return value
    return str(value)


def export_zip(records=None):
    """The tabular form: CSV per table plus ``datapackage.json``, zipped."""
    tables = flatten(records or export_records())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        resources = []
        for name, columns in TABLES.items():
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
            writer.writeheader()
            for row in tables[name]:
                writer.writerow({c: row.get(c, "") for c in columns})
            archive.writestr(f"{name}.csv", out.getvalue())
            resources.append(
                {
                    "name": name,
                    "path": f"{name}.csv",
                    "profile": "tabular-data-resource",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "schema": {"fields": [{"name": c, "type": "string"} for c in columns]},
                }
            )
        package = {
            "name": "kim-kreis-mettmann-directory",
            "title": "KIM Kreis Mettmann – Beratungsangebote (HSDS 3.0)",
            "profile": "tabular-data-package",
            "version": hsds.HSDS_VERSION,
            "resources": resources,
        }
        archive.writestr("datapackage.json", json.dumps(package, ensure_ascii=False, indent=1))
    return buffer.getvalue()


# --- Reading -----------------------------------------------------------------------------


class WriteProblem(Exception):
    """Found while writing (needs the database state); the transaction is rolled back."""


class ImportFileError(Exception):
    """The file cannot be read at all (not a zip/JSON, missing services table …)."""


def read_file(data, name=""):
    """Bytes of a zip (tabular form) or JSON file → tables."""
    if data[:2] == b"PK":
        return read_zip(data)
    try:
        records = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ImportFileError(
            f"{name or 'file'}: neither a zip of CSV files nor JSON ({exc})."
        ) from None
    if isinstance(records, list):
        records = {"services": records}
    if not isinstance(records, dict) or not isinstance(records.get("services"), list):
        raise ImportFileError(f'{name or "file"}: the JSON needs a list "services".')
    return flatten(records, source=name or "directory.json")


def read_zip(data):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ImportFileError("The zip file cannot be opened.") from None
    names = {info.filename.rsplit("/", 1)[-1]: info for info in archive.infolist()}
    if "services.csv" not in names:
        raise ImportFileError("The zip file has no services.csv.")
    tables = {name: [] for name in TABLES}
    for table in TABLES:
        info = names.get(f"{table}.csv")
        if info is None:
            continue
        if info.file_size > 50 * 1024 * 1024:
            raise ImportFileError(f"{table}.csv is larger than 50 MB.")
        try:
            text = archive.read(info).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ImportFileError(f"{table}.csv is not UTF-8 text.") from None
        reader = csv.DictReader(io.StringIO(text))
        if "id" not in (reader.fieldnames or []):
            raise ImportFileError(f"{table}.csv has no column 'id'.")
        for number, row in enumerate(reader, start=2):
            row = {k: (v or "").strip() for k, v in row.items() if k}
            row["_where"] = f"{table}.csv row {number}"
            tables[table].append(row)
    return tables


# --- Validation --------------------------------------------------------------------------

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$")
WEEKDAYS = {c for c, _ in ServiceSchedule.Weekday.choices}


@dataclass
class Plan:
    """What a valid file will write; ``problems`` lists every error found."""

    tables: dict
    problems: list = field(default_factory=list)
    services: list = field(default_factory=list)  # service rows in file order
    new_terms: dict = field(default_factory=dict)  # term id → (vocabulary key, row)

    def problem(self, row, column, message):
        self.problems.append(f"{row['_where']}: {column} {message}")


def _str(value):
    return "" if value is None else str(value).strip()


class Validator:
    def __init__(self, tables):
        for rows in tables.values():  # one spelling of every id, for the lookups below
            for row in rows:
                for column, value in list(row.items()):
                    if column == "id" or column.endswith("_id"):
                        with contextlib.suppress(ValueError):
                            row[column] = str(uuid.UUID(_str(value)))
        self.plan = Plan(tables=tables)
        self.tables = tables
        self.existing_terms = self._existing_terms()
        self.fixed = hsds.FIXED_TERMS_BY_ID

    def _existing_terms(self):
        terms = {}
        for vocabulary in hsds.VOCABULARIES:
            if vocabulary.model is None:
                continue
            rows = vocabulary.model.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE
            ).values_list("translation_key", flat=True)
            terms.update({str(key): vocabulary.key for key in rows})
        return terms

    # helpers
    def uuid(self, row, column="id", required=True):
        value = _str(row.get(column))
        if not value:
            if required:
                self.plan.problem(row, column, "is missing")
            return None
        try:
            return str(uuid.UUID(value))
        except ValueError:
            self.plan.problem(row, column, f"'{value[:60]}' is not a UUID")
            return None

    def number(self, row, column, low, high, integer=False):
        value = _str(row.get(column))
        if not value:
            return None
        try:
            number = float(value.replace(",", ".")) if not integer else float(value)
            if integer and not number.is_integer():
                raise ValueError
        except ValueError:
            kind = "a whole number" if integer else "a number"
            self.plan.problem(row, column, f"'{value[:60]}' is not {kind}")
            return None
        if not low <= number <= high:
            self.plan.problem(row, column, f"'{value}' is not between {low} and {high}")
            return None
        return int(number) if integer else number

    def date(self, row, column):
        value = _str(row.get(column))
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.plan.problem(row, column, f"'{value[:60]}' is not a date (YYYY-MM-DD)")
            return None

    def time(self, row, column):
        value = _str(row.get(column))
        if not _TIME.match(value):
            self.plan.problem(row, column, f"'{value[:60]}' is not a time (HH:MM)")
            return None
        return datetime.time.fromisoformat(value[:5])

    def email(self, row, column):
        value = _str(row.get(column))
        if value:
            try:
                validate_email(value)
            except ValidationError:
                self.plan.problem(row, column, f"'{value[:60]}' is not an e-mail address")
                return ""
        return value

    def url(self, row, column):
        value = _str(row.get(column))
        if value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                self.plan.problem(row, column, f"'{value[:60]}' is not a web address")
                return ""
        return value

    def text(self, row, column, max_length=None, required=False):
        value = _str(row.get(column))
        if required and not value:
            self.plan.problem(row, column, "is missing")
        if max_length and len(value) > max_length:
            self.plan.problem(row, column, f"is longer than {max_length} characters")
        return value

    def lookup(self, row, column, known, what):
        """``known[row[column]]``, or report that the file has no such record."""
        value = _str(row.get(column))
        found = known.get(value)
        if found is None:
            self.plan.problem(row, column, f"'{value[:60]}' is not a {what} of this file")
        return found

    def unique(self, table):
        seen = {}
        for row in self.tables[table]:
            key = self.uuid(row)
            if key is None:
                continue
            if key in seen:
                self.plan.problem(row, "id", f"'{key}' appears twice ({seen[key]})")
            seen[key] = row["_where"]
        return seen

    # the tables
    def run(self):
        tables, plan = self.tables, self.plan
        if not tables["services"]:
            plan.problems.append("services: the file contains no services")
        organisations = self.organisations()
        self.terms()
        service_ids = self.unique("services")
        for row in tables["services"]:
            if row.get("_bad"):
                plan.problem(row, "service", "is not an object")
                continue
            self.service(row, organisations)
        by_service = self.parts(service_ids)
        plan.services = [(row, by_service.get(row.get("id"), {})) for row in tables["services"]]
        return plan

    def organisations(self):
        known = {
            str(k)
            for k in Organisation.objects.filter(
                locale__language_code=settings.LANGUAGE_CODE
            ).values_list("translation_key", flat=True)
        }
        self.unique("organizations")
        for row in self.tables["organizations"]:
            row["name"] = self.text(row, "name", 120, required=True)
            row["email"] = self.email(row, "email")
            row["website"] = self.url(row, "website")
            key = _str(row.get("id"))
            known.add(key)
        return known

    def terms(self):
        vocabularies = {v.id: v.key for v in hsds.VOCABULARIES if v.model is not None}
        for row in self.tables["taxonomy_terms"]:
            key = self.uuid(row)
            if key is None or key in self.existing_terms or key in self.fixed:
                continue
            vocabulary = vocabularies.get(_str(row.get("taxonomy_id")))
            if vocabulary is None:
                self.plan.problem(
                    row,
                    "taxonomy_id",
                    f"'{_str(row.get('taxonomy_id'))[:60]}' is not a "
                    "taxonomy of the portal (see /api/hsds/taxonomies)",
                )
                continue
            code = _str(row.get("code"))
            if not code or slugify(code) != code:
                self.plan.problem(row, "code", f"'{code[:60]}' is not a slug (a–z, 0–9, -)")
                continue
            self.text(row, "name", 120, required=True)
            self.existing_terms[key] = vocabulary
            self.plan.new_terms[key] = (vocabulary, row)

    def service(self, row, organisations):
        self.text(row, "name", 255, required=True)
        self.text(row, "alternate_name", 120)
        org = self.uuid(row, "organization_id")
        if org and org not in organisations:
            self.plan.problem(row, "organization_id", f"'{org}' is not a known organization")
        status = _str(row.get("status")) or "active"
        if status not in hsds.STATUS_FROM_HSDS:
            self.plan.problem(
                row, "status", f"'{status[:40]}' is not one of active, temporarily closed, defunct"
            )
        low = self.number(row, "minimum_age", 0, 120, integer=True)
        high = self.number(row, "maximum_age", 0, 120, integer=True)
        if low is not None and high is not None and high < low:
            self.plan.problem(row, "maximum_age", f"'{high}' is lower than minimum_age '{low}'")
        self.date(row, "assured_date")
        self.email(row, "assurer_email")
        self.url(row, "url")
        for column, limit in (
            ("fees_description", 250),
            ("interpretation_services", 250),
            ("alert", 250),
        ):
            self.text(row, column, limit)

    def parts(self, service_ids):
        """Check every part and group it by service id."""
        tables, plan = self.tables, self.plan
        grouped = {key: {"languages": [], "contacts": [], "phones": [], "schedules": [],
                         "locations": [], "documents": [], "attributes": []}
                   for key in service_ids}  # fmt: skip

        def owner(row):
            """The id of the row's service, or None (reported)."""
            if self.uuid(row, "service_id") is None:
                return None
            found = self.lookup(row, "service_id", grouped, "service")
            return _str(row["service_id"]) if found is not None else None

        phones = {}
        for row in tables["phones"]:
            sid = owner(row)
            if not _str(row.get("number")):
                plan.problem(row, "number", "is missing")
            self.text(row, "number", 40)
            key = self.uuid(row)
            if sid and key:
                phones[key] = (sid, row)
                grouped[sid]["phones"].append(row)
                row["_languages"] = []
        contacts = {}
        for row in tables["contacts"]:
            sid = owner(row)
            self.email(row, "email")
            self.text(row, "title", 120)
            key = self.uuid(row)
            if sid and key:
                contacts[key] = row
                grouped[sid]["contacts"].append(row)
        for row in tables["phones"]:
            if _str(row.get("contact_id")):
                self.lookup(row, "contact_id", contacts, "contact")
        names = language_names("de")
        for row in tables["languages"]:
            code = _str(row.get("code")).lower()
            if code not in names:
                plan.problem(row, "code", f"'{code[:20]}' is not an ISO 639-1 language code")
            self.text(row, "note", 120)
            if _str(row.get("phone_id")):
                phone = self.lookup(row, "phone_id", phones, "phone")
                if phone is not None:
                    phone[1]["_languages"].append(code)
            else:
                sid = owner(row)
                if sid:
                    grouped[sid]["languages"].append(row)
        locations = {}
        for row in tables["locations"]:
            key = self.uuid(row)
            self.text(row, "name", 150)
            self.text(row, "transportation", 250)
            lat = self.number(row, "latitude", *NRW_LATITUDE)
            lon = self.number(row, "longitude", *NRW_LONGITUDE)
            if bool(_str(row.get("latitude"))) != bool(_str(row.get("longitude"))):
                plan.problem(row, "longitude", "and latitude go together (both or neither)")
            elif (lat is None) != (lon is None):
                pass  # the other one was reported as not a number or outside NRW
            if key:
                row["_address"], row["_accessibility"], row["_attributes"] = None, "", []
                locations[key] = row
        for table, target in (("addresses", "_address"), ("accessibility", "_accessibility")):
            for row in tables[table]:
                loc = self.lookup(row, "location_id", locations, "location")
                if loc is None:
                    continue
                if table == "addresses":
                    self.text(row, "address_1", 150)
                    self.text(row, "postal_code", 10)
                    self.text(row, "city", 80)
                    loc[target] = row
                else:
                    loc[target] = self.text(row, "description", 250)
        sals = {}
        for row in tables["service_at_locations"]:
            sid = owner(row)
            loc = self.lookup(row, "location_id", locations, "location")
            key = self.uuid(row)
            if sid and loc is not None and key:
                row["_location"] = loc
                row["_attributes"] = []
                sals[key] = row
                grouped[sid]["locations"].append(row)
        schedules = {}
        for row in tables["schedules"]:
            byday = _str(row.get("byday")).upper()
            if byday not in WEEKDAYS:
                plan.problem(row, "byday", f"'{byday[:20]}' is not one weekday (MO, TU … SU)")
            opens, closes = self.time(row, "opens_at"), self.time(row, "closes_at")
            if opens and closes and closes <= opens:
                plan.problem(row, "closes_at", f"'{row['closes_at']}' is not after opens_at")
            start, end = self.date(row, "valid_from"), self.date(row, "valid_to")
            if start and end and end < start:
                plan.problem(row, "valid_to", f"'{row['valid_to']}' is before valid_from")
            self.url(row, "schedule_link")
            sal_key = _str(row.get("service_at_location_id"))
            row["_attributes"] = []
            if sal_key:
                sal = self.lookup(row, "service_at_location_id", sals, "service_at_location")
                if sal is None:
                    continue
                grouped[sal["service_id"]]["schedules"].append(row)
                row["_sal"] = sal
            else:
                sid = owner(row)
                if sid:
                    grouped[sid]["schedules"].append(row)
            key = self.uuid(row)
            if key:
                schedules[key] = row
        for row in tables["required_documents"]:
            sid = owner(row)
            if sid:
                grouped[sid]["documents"].append(self.text(row, "document"))
        links = {**{k: ("service", v) for k, v in grouped.items()},
                 **{k: ("location", v) for k, v in locations.items()},
                 **{k: ("service_at_location", v) for k, v in sals.items()},
                 **{k: ("schedule", v) for k, v in schedules.items()}}  # fmt: skip
        for row in tables["attributes"]:
            term = self.uuid(row, "taxonomy_term_id")
            link = self.lookup(row, "link_id", links, "record")
            if link is None:
                continue
            if term is None:
                continue
            kind = self.existing_terms.get(term) or (self.fixed.get(term) or {}).get("kind")
            if kind is None:
                plan.problem(
                    row,
                    "taxonomy_term_id",
                    f"'{term}' is not a taxonomy term of the portal or of this file",
                )
                continue
            entity, target = link
            allowed = {
                "service": {"service_type", "topic", "target_group", "town",
                            "application_process"},
                "location": {"town"},
                "service_at_location": {"attending_type"},
                "schedule": {"by_appointment_only"},
            }[entity]  # fmt: skip
            if kind not in allowed:
                plan.problem(
                    row, "taxonomy_term_id", f"'{term}' ({kind}) cannot describe a {entity}"
                )
                continue
            if entity == "service":
                target["attributes"].append((kind, term))
            else:
                target["_attributes"].append((kind, term))
        for row in tables["services"]:
            parts = grouped.get(_str(row.get("id")))
            if parts is None or row.get("_bad"):
                continue
            types = [t for kind, t in parts["attributes"] if kind == "service_type"]
            if len(types) != 1:
                plan.problem(
                    row, "attributes", f"need exactly one service_type term (found {len(types)})"
                )
        return grouped


def validate(tables):
    return Validator(tables).run()


# --- Writing -----------------------------------------------------------------------------


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    pruned: int = 0


def import_tables(tables, *, publish=False, prune=False, user=None):
    """Validate, then write in one transaction; returns ``(problems, outcome)``."""
    plan = validate(tables)
    if plan.problems:
        return plan.problems, None
    directory = ServiceDirectoryPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if directory is None:
        return ["The portal has no German service directory page to import into."], None
    try:
        with transaction.atomic():
            outcome = _write(plan, directory, publish=publish, prune=prune, user=user)
    except WriteProblem as exc:
        return [str(exc)], None
    return [], outcome


def _write(plan, directory, *, publish, prune, user):
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    models = {v.key: v.model for v in hsds.VOCABULARIES if v.model is not None}
    for key, (vocabulary, row) in plan.new_terms.items():
        models[vocabulary].objects.create(
            translation_key=key, locale=locale, name=_str(row["name"]), slug=_str(row["code"])
        )
    orgs = {}
    for row in plan.tables["organizations"]:
        org = Organisation.objects.filter(translation_key=row["id"], locale=locale).first()
        if org is None:
            org = Organisation(translation_key=row["id"], locale=locale,
                               slug=_unique_slug(Organisation, row["name"], locale))  # fmt: skip
        org.name, org.email, org.website = row["name"], row["email"], row["website"]
        org.save()
    terms = {}
    for model in models.values():
        for obj in model.objects.filter(locale=locale):
            terms[str(obj.translation_key)] = obj
    for obj in Organisation.objects.filter(locale=locale):
        orgs[str(obj.translation_key)] = obj
    outcome = Outcome()
    seen = set()
    for row, parts in plan.services:
        seen.add(row["id"])
        page = ServicePage.objects.filter(translation_key=row["id"], locale=locale).first()
        created = page is None
        if created:
            page = ServicePage(translation_key=row["id"], locale=locale, live=False)
        _assign(page, row, parts, terms, orgs)
        if created:
            page.slug = _slug_for(row, directory)
            directory.add_child(instance=page)
            outcome.created += 1
        else:
            outcome.updated += 1
        _assign_parts(page, parts, terms, created=created, publish=publish)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
    if prune:
        for page in hsds.public_services().child_of(directory).exclude(translation_key__in=seen):
            page.unpublish(user=user)
            for translation in page.get_translations().live().specific():
                translation.unpublish(user=user)  # aliases follow their source by themselves
            outcome.pruned += 1
    return outcome


def _unique_slug(model, name, locale):
    base = slugify(name.replace("ß", "ss"))[:100] or "eintrag"
    slug, n = base, 1
    while model.objects.filter(slug=slug, locale=locale).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _slug_for(row, directory):
    tail = _str(row.get("url")).rstrip("/").rsplit("/", 1)[-1]
    base = slugify(tail if tail and "." not in tail else _str(row["name"]).replace("ß", "ss"))
    base = base[:200] or "angebot"
    slug, n = base, 1
    while directory.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _assign(page, row, parts, terms, orgs):
    page.title = _str(row["name"])
    page.alternate_name = _str(row.get("alternate_name"))
    text = _str(row.get("description"))
    if hsds.html_to_text(page.description or "") != text:
        page.description = hsds.text_to_html(text)
    page.organisation = orgs[_str(row["organization_id"])]
    attributes = parts["attributes"]
    page.service_type = terms[next(t for kind, t in attributes if kind == "service_type")]
    page.minimum_age = int(row["minimum_age"]) if _str(row.get("minimum_age")) else None
    page.maximum_age = int(row["maximum_age"]) if _str(row.get("maximum_age")) else None
    page.eligibility_description = _str(row.get("eligibility_description"))
    page.application_process_description = _str(row.get("application_process"))
    for kind, term in attributes:
        if kind == "application_process":
            page.application_process = hsds.FIXED_TERMS_BY_ID[term]["value"]
    page.fees_description = _str(row.get("fees_description"))
    page.interpretation_services = _str(row.get("interpretation_services"))
    page.status = hsds.STATUS_FROM_HSDS[_str(row.get("status")) or "active"]
    page.alert = _str(row.get("alert"))
    page.assured_date = (
        datetime.date.fromisoformat(row["assured_date"]) if _str(row.get("assured_date")) else None
    )
    page.assurer_email = _str(row.get("assurer_email"))
    page.required_documents = "\n".join(d for d in parts["documents"] if d)


def _number(*inlines):
    """Rows keep the file's order on every database (ties in sort_order would not), and with
    it the ids derived from their position."""
    for rows in inlines:
        for n, row in enumerate(rows):
            row.sort_order = n


def _assign_parts(page, parts, terms, *, created, publish):
    attributes = parts["attributes"]
    page.topics = [terms[t] for kind, t in attributes if kind == "topic"]
    page.target_groups = [terms[t] for kind, t in attributes if kind == "target_group"]
    page.towns = [terms[t] for kind, t in attributes if kind == "town"]
    languages = [
        ServiceLanguage(code=_str(r["code"]).lower(), note=_str(r.get("note")))
        for r in parts["languages"]
    ]
    page.languages = languages
    phones_by_contact = {}
    loose = []
    for phone in parts["phones"]:
        if _str(phone.get("contact_id")):
            phones_by_contact.setdefault(phone["contact_id"], phone)
        else:
            loose.append(phone)
    contacts = []
    for row in parts["contacts"]:
        phone = phones_by_contact.get(row["id"])
        contacts.append(
            ServiceContact(
                role=_str(row.get("title")),
                email=_str(row.get("email")),
                phone=_str(phone["number"]) if phone else "",
                phone_languages=",".join(phone["_languages"]) if phone else "",
            )
        )
    for phone in loose:
        contacts.append(
            ServiceContact(
                phone=_str(phone["number"]), phone_languages=",".join(phone["_languages"])
            )
        )
    page.contacts = contacts
    _number(languages, contacts)
    existing = {loc.uuid: loc.pk for loc in ServiceLocation.objects.filter(service=page)}
    locations = []
    for sal in parts["locations"]:
        row = sal["_location"]
        address = row["_address"] or {}
        town = next((terms[t] for kind, t in row["_attributes"] if kind == "town"), None)
        attending = next(
            (hsds.FIXED_TERMS_BY_ID[t]["value"] for kind, t in sal["_attributes"]
             if kind == "attending_type"),
            ServiceLocation.AttendingType.IN_PERSON,
        )  # fmt: skip
        loc_uuid = uuid.UUID(row["id"])
        locations.append(
            ServiceLocation(
                pk=existing.get(loc_uuid),
                uuid=loc_uuid,
                name=_str(row.get("name")),
                address_1=_str(address.get("address_1")),
                postal_code=_str(address.get("postal_code")),
                city=_str(address.get("city")),
                town=town,
                latitude=_str(row.get("latitude")) or None,
                longitude=_str(row.get("longitude")) or None,
                accessibility=row["_accessibility"],
                transit_note=_str(row.get("transportation")),
                attending_type=attending,
            )
        )
        sal["_object"] = locations[-1]
    page.locations = locations
    _number(locations)
    if created or publish:
        # New pages are not live yet, and publishing writes everything anyway: saving now
        # gives new locations the primary keys their opening hours point to.
        page.save()
    schedules = []
    for row in parts["schedules"]:
        location = row["_sal"]["_object"] if row.get("_sal") else None
        if location is not None and location.pk is None:
            raise WriteProblem(
                f"{row['_where']}: service_at_location_id opening hours for the new location "
                f"'{location.uuid}' of a published service can only be imported with "
                "publishing (--publish), or after the location itself was published."
            )
        schedules.append(
            ServiceSchedule(
                location_id=location.pk if location is not None else None,
                byday=_str(row["byday"]).upper(),
                opens_at=datetime.time.fromisoformat(row["opens_at"][:5]),
                closes_at=datetime.time.fromisoformat(row["closes_at"][:5]),
                valid_from=datetime.date.fromisoformat(row["valid_from"])
                if _str(row.get("valid_from"))
                else None,
                valid_to=datetime.date.fromisoformat(row["valid_to"])
                if _str(row.get("valid_to"))
                else None,
                by_appointment_only=any(
                    kind == "by_appointment_only" for kind, _t in row["_attributes"]
                ),
                booking_url=_str(row.get("schedule_link")),
            )
        )
    _number(schedules)
    page.schedules = schedules
    if created or publish:
        page.save()
