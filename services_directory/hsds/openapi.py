"""The HSDS API's published contract: ``openapi.json`` and the HSDS 3.0 schemas it references.

The document is built at run time from Open Referral's HSDS 3.0 API description
(``hsds_schemas/openapi.json``) and says exactly what ``api.py`` does: only the parameters
the API reads, with the bounds and values it accepts; every status it answers (200, 304,
400, 404, 405, 406) with the error schema and the headers (``Allow``, ``ETag`` …). Response
schemas are relative references to the HSDS 3.0 JSON Schemas the API serves itself under
``schema/`` (``hsds_schemas/schema/``, CC BY-SA 4.0, Open Referral), so a client validates
every answer offline. Checked by schemathesis in ``tests/services_directory/test_hsds_contract.py``.
"""

import copy
import json
from functools import cache
from pathlib import Path

from django.conf import settings

from ..models import Town, language_names
from ..postcodes import POSTCODES
from . import languages

SCHEMA_DIR = Path(__file__).parent.parent / "hsds_schemas"
UPSTREAM_SCHEMAS = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_PAGE = 1_000_000
MAX_AGE = 120
MAX_PROXIMITY_KM = 1000
FORMATS = ["json"]
ALLOW = "GET, HEAD, OPTIONS"
SCHEMA_LICENCE = "https://creativecommons.org/licenses/by-sa/4.0/"


@cache
def schema_files():
    """Served name ("service.json", "compiled/service.json") → file, read once."""
    root = SCHEMA_DIR / "schema"
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.rglob("*.json"))}


@cache
def _upstream():
    return json.loads((SCHEMA_DIR / "openapi.json").read_text())


def _ref(name):
    return {"$ref": f"#/components/{name}"}


# A query parameter given empty (``?town=``) counts as not given: allowEmptyValue says so.
def _query(name, description, schema):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "description": description,
        "schema": schema,
    }


NO_NUL = "^[^\\x00]*$"  # a NUL character is refused (400) in free text


def parameters():
    towns = Town.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("slug")
    town_values = sorted(
        {
            value
            for slug, key in towns.values_list("slug", "translation_key")
            for value in (slug, str(key))
        }
    )
    return {
        "search": _query(
            "search",
            "Words, matched like the directory's search (word parts, umlauts as ae/oe/ue).",
            {"type": "string", "pattern": NO_NUL},
        ),
        "page": _query(
            "page",
            "Page number of the paginated result, from 1. A page past the end is empty.",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1},
        ),
        "per_page": _query(
            "per_page",
            "Number of results in a single page.",
            {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_PER_PAGE,
                "default": DEFAULT_PER_PAGE,
            },
        ),
        "format": _query(
            "format",
            "Format of the result: only `json` (paginated) is offered; anything else, "
            "`ndjson` included, is answered with 406.",
            {"type": "string", "enum": FORMATS, "default": "json"},
        ),
        "lang": _query(
            "lang",
            "Language of names and descriptions; German where no published translation exists.",
            {"type": "string", "enum": languages()},
        ),
        "taxonomy_term_id": _query(
            "taxonomy_term_id",
            "Services with this term of any vocabulary (type, topic, target group, town, access).",
            {"type": "string", "format": "uuid"},
        ),
        "taxonomy_id": _query(
            "taxonomy_id",
            "Only the terms of this taxonomy.",
            {"type": "string", "format": "uuid"},
        ),
        "organization_id": _query(
            "organization_id",
            "Services of this organization.",
            {"type": "string", "format": "uuid"},
        ),
        "modified_after": _query(
            "modified_after",
            "Services published on or after this date or date-time (without a zone: "
            "Europe/Berlin). Services never published through a revision are always included.",
            {
                "anyOf": [
                    {"type": "string", "format": "date-time"},
                    {"type": "string", "format": "date"},
                ]
            },
        ),
        "town": _query(
            "town",
            "Services in this town: its slug (e.g. `hilden`) or the id of its taxonomy term.",
            {"type": "string", "enum": town_values},
        ),
        "language": _query(
            "language",
            "ISO 639-1 code of a language spoken in counselling.",
            {"type": "string", "enum": sorted(language_names("de"))},
        ),
        "age": _query(
            "age",
            "Age of the client in years; services without age limits match.",
            {"type": "integer", "minimum": 0, "maximum": MAX_AGE},
        ),
        # Two query keys in one parameter (form style, exploded: ``?postcode=…&proximity=…``),
        # so that the schema can say that proximity needs a postcode.
        "place": {
            "name": "place",
            "in": "query",
            "required": False,
            "style": "form",
            "explode": True,
            "description": "`postcode`: a postcode of the district of Mettmann, locations with "
            "that postcode or in its town. `proximity` (needs `postcode`, 400 without it): "
            "locations within this many **kilometres** (not metres) of the postcode's centroid.",
            "schema": {
                "type": "object",
                "properties": {
                    "postcode": {"type": "string", "enum": sorted(POSTCODES)},
                    "proximity": {"type": "number", "minimum": 0, "maximum": MAX_PROXIMITY_KM},
                },
                "dependentRequired": {"proximity": ["postcode"]},
            },
        },
    }


# Which parameters each operation reads (upstream lists some the portal does not offer).
OPERATIONS = {
    "/": [],
    "/services": [
        "search",
        "page",
        "per_page",
        "format",
        "taxonomy_term_id",
        "organization_id",
        "modified_after",
        "town",
        "language",
        "age",
        "lang",
    ],
    "/services/{id}": ["lang"],
    "/organizations": ["page", "per_page", "format", "lang"],
    "/organizations/{id}": ["lang"],
    "/service_at_locations": ["page", "per_page", "format", "place", "lang"],
    "/service_at_locations/{id}": ["lang"],
    "/taxonomies": ["page", "per_page", "format", "lang"],
    "/taxonomies/{id}": ["lang"],
    "/taxonomy_terms": ["page", "per_page", "format", "taxonomy_id", "lang"],
    "/taxonomy_terms/{id}": ["lang"],
}
# Response schema of each operation: relative to openapi.json, so served by the API itself.
RESPONSE_SCHEMAS = {
    "/services/{id}": "compiled/service.json",
    "/services": "compiled/service_list.json",
    "/organizations/{id}": "compiled/organization.json",
    "/organizations": "compiled/organization_list.json",
    "/service_at_locations/{id}": "compiled/service_at_location.json",
    "/service_at_locations": "compiled/service_at_location_list.json",
    "/taxonomies/{id}": "taxonomy.json",
    "/taxonomies": "taxonomy.json",
    "/taxonomy_terms/{id}": "taxonomy_term.json",
    "/taxonomy_terms": "taxonomy_term.json",
}


def _header(description, schema=None, required=True):
    return {
        "description": description,
        "required": required,
        "schema": schema or {"type": "string"},
    }


HEADERS = {
    "ETag": _header("Version of this answer (the directory's version and the URL)."),
    "Last-Modified": _header("When the directory last changed."),
    "Cache-Control": _header("`public, max-age=60`."),
    "Access-Control-Allow-Origin": _header("`*`: any web page may read the API.", {"const": "*"}),
    "Allow": _header("The methods the API supports.", {"const": ALLOW}),
}


def _json(description, schema, headers=()):
    response = {
        "description": description,
        "content": {"application/json": {"schema": schema}},
    }
    if headers:
        response["headers"] = {name: _ref(f"headers/{name}") for name in headers}
    return response


def _error(description, headers=("Access-Control-Allow-Origin",)):
    return _json(description, _ref("schemas/Error"), headers)


RESPONSES = {
    "NotModified": {
        "description": "Not modified: the `If-None-Match` or `If-Modified-Since` of the request "
        "still holds. No body.",
        "headers": {
            name: _ref(f"headers/{name}")
            for name in ("ETag", "Last-Modified", "Cache-Control", "Access-Control-Allow-Origin")
        },
    },
    "PreconditionFailed": {
        "description": "An `If-Match` or `If-Unmodified-Since` of the request failed. No body.",
        "headers": {"Access-Control-Allow-Origin": _ref("headers/Access-Control-Allow-Origin")},
    },
    "BadRequest": _error("A parameter is not valid; `message` says which and why."),
    "NotFound": _error("No public record with this id (also for a malformed id)."),
    "MethodNotAllowed": _error(
        "The API is read-only: only GET, HEAD and OPTIONS.",
        headers=("Allow", "Access-Control-Allow-Origin"),
    ),
    "NotAcceptable": _error("The `format` asked for is not offered (only `json`)."),
}
ERROR_SCHEMA = {
    "type": "object",
    "required": ["status", "message"],
    "properties": {
        "status": {"type": "integer", "description": "The HTTP status code."},
        "message": {"type": "string", "description": "What was wrong, in English."},
    },
}
# A list's first item leads to its full record (clients and schemathesis follow these).
LINKS = {
    "/services": ("/services/{id}", "getFullyNestedServiceById"),
    "/organizations": ("/organizations/{id}", "getOrganizationById"),
    "/service_at_locations": (
        "/service_at_locations/{id}",
        "getServiceAtLocationWithNestedDataById",
    ),
    "/taxonomies": ("/taxonomies/{id}", "getTaxonomyById"),
    "/taxonomy_terms": ("/taxonomy_terms/{id}", "getTaxonomyTermById"),
}


def document(server_url, contact_email=""):
    """The OpenAPI 3.1 description of the API as it is (``server_url``: the API's root)."""
    spec = copy.deepcopy(_upstream())
    spec["info"] = {
        "title": "KIM Portal – HSDS API (Kreis Mettmann)",
        "version": "1.1",
        "summary": "Counselling services for migrants and refugees in the district of Mettmann.",
        "description": "Read-only Open Referral HSDS 3.0 API of the KIM service directory. "
        "Only live, public services. Errors are JSON (`Error`). Conditional requests "
        "(`If-None-Match`, `If-Modified-Since`) are answered with 304 while nothing changed. "
        "The response schemas are Open Referral's HSDS 3.0 JSON Schemas (CC BY-SA 4.0, "
        "https://openreferral.org), served under `schema/` beside this document. "
        "See docs/api.md in the portal's repository.",
        "contact": {"name": "KIM Kreis Mettmann", "email": contact_email}
        if contact_email
        else {"name": "KIM Kreis Mettmann"},
        "license": {
            "name": "Datenlizenz Deutschland – Namensnennung – 2.0",
            "url": "https://www.govdata.de/dl-de/by-2-0",
        },
    }
    spec["servers"] = [{"url": server_url}]
    # The upstream description names these two operation ids the other way round.
    spec["paths"]["/taxonomy_terms/{id}"]["get"]["operationId"] = "getTaxonomyTermById"
    spec["paths"]["/taxonomy_terms"]["get"]["operationId"] = "getPaginatedListOfTaxonomyTerms"
    for path, names in OPERATIONS.items():
        item = spec["paths"][path]
        get = item["get"]
        get["parameters"] = [_ref(f"parameters/{name}") for name in names]
        if not get["parameters"]:
            del get["parameters"]
        for parameter in item.get("parameters", []):
            if parameter.get("in") == "path":
                parameter["description"] += " Malformed or unknown ids are answered with 404."
        responses = get["responses"]
        ok = responses["200"]
        ok["headers"] = {
            name: _ref(f"headers/{name}")
            for name in ("ETag", "Last-Modified", "Cache-Control", "Access-Control-Allow-Origin")
        }
        schema = ok["content"]["application/json"]["schema"]
        if path in RESPONSE_SCHEMAS:
            target = {"$ref": "schema/" + RESPONSE_SCHEMAS[path]}
            if "allOf" in schema:  # a page of records
                schema["properties"]["contents"]["items"] = target
                schema["required"] = ["contents"]
            else:
                ok["content"]["application/json"]["schema"] = target
        responses["304"] = _ref("responses/NotModified")
        responses["412"] = _ref("responses/PreconditionFailed")
        if names:
            responses["400"] = _ref("responses/BadRequest")
        if "{id}" in path:
            responses["404"] = _ref("responses/NotFound")
        responses["405"] = _ref("responses/MethodNotAllowed")
        if "format" in names:
            responses["406"] = _ref("responses/NotAcceptable")
        if path in LINKS:
            target_path, operation_id = LINKS[path]
            ok["links"] = {
                "first_item": {
                    "operationId": operation_id,
                    "parameters": {"id": "$response.body#/contents/0/id"},
                    "description": f"The full record of the list's first item ({target_path}).",
                }
            }
    components = spec["components"]
    components["parameters"] = parameters()
    components["schemas"]["Error"] = ERROR_SCHEMA
    components["schemas"]["Page"]["required"] = [
        "total_items",
        "total_pages",
        "page_number",
        "size",
        "first_page",
        "last_page",
        "empty",
    ]
    components["responses"] = RESPONSES
    components["headers"] = HEADERS
    return spec
