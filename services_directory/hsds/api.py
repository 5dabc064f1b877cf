"""The read-only, public HSDS 3.0 API at ``/api/hsds/`` (docs/api.md).

Only live services that an anonymous visitor may see are ever shown
(``hsds.public_services`` → ``portal.privacy.public_pages``), whoever asks. Every answer is
JSON, including errors (400/404/405/406 with a message); CORS is open for GET; ETag and
Last-Modified come from the directory's version token, so unchanged data answers 304. What it
answers is published in ``openapi.json`` (``openapi.py``), with the HSDS schemas it serves.
"""

import functools
import hashlib
import json
import math
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotModified, JsonResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from portal.search import clean_query

from .. import hsds
from ..directory import search_ids
from ..models import (
    DirectoryVersion,
    Organisation,
    ServiceLocation,
    ServicePage,
    Town,
    language_names,
)
from ..postcodes import POSTCODES, centroid, distance_km
from . import openapi as contract

# Answers are cached under their ETag (the directory's version token and the URL), which
# every change of a service, a snippet or a view restriction renews.
RESPONSE_TIMEOUT = 3600


class ApiError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = contract.ALLOW
    response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified"
    return response


def error(status, message):
    return _cors(JsonResponse({"status": status, "message": message}, status=status))


def _validators(response, etag, last_modified):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=60"
    return response


def endpoint(view):
    """JSON errors, CORS, GET/HEAD/OPTIONS only, and conditional requests for every endpoint.

    Exempt from CSRF: the API never changes anything, and a POST must get the JSON 405 (with
    ``Allow``), not Django's HTML page about a missing CSRF token.
    """

    @csrf_exempt
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method == "OPTIONS":  # also the CORS preflight
            response = _cors(HttpResponse(status=204))
            response["Allow"] = contract.ALLOW
            response["Access-Control-Max-Age"] = "86400"
            return response
        if request.method not in ("GET", "HEAD"):
            response = error(405, "Only GET is supported: this API is read-only.")
            response["Allow"] = contract.ALLOW
            return response
        token, changed_at = DirectoryVersion.state()
        raw = f"{token}|{request.get_full_path()}"
        etag = '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'
        last_modified = int(changed_at.timestamp())
        conditional = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if conditional is not None and conditional.status_code == 304:
            # 304 with the validators a 200 would carry (RFC 9110, 15.4.5).
            return _cors(_validators(HttpResponseNotModified(), etag, last_modified))
        if conditional is not None:  # 412: an If-Match or If-Unmodified-Since failed
            return _cors(conditional)
        # The same version, path and host: the same answer (absolute URLs name the host).
        cache_key = f"hsds:response:{etag}:{request.get_host()}"
        stored = cache.get(cache_key)
        try:
            for name, value in request.GET.items():
                if "\x00" in value:  # also keeps it from PostgreSQL, which refuses it
                    raise ApiError(400, f"{name[:40]}: contains a NUL character.")
            data = stored if stored is not None else view(request, *args, **kwargs)
        except ApiError as exc:
            response = error(exc.status, exc.message)
        except Http404 as exc:
            response = error(404, str(exc) or "Not found.")
        else:
            if isinstance(data, HttpResponse):
                response = data
            elif isinstance(data, bytes):  # from the cache: the same version, the same URL
                response = HttpResponse(data, content_type="application/json")
            else:
                response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
                cache.set(cache_key, response.content, RESPONSE_TIMEOUT)
            _validators(response, etag, last_modified)
            _cors(response)
        if request.method == "HEAD":
            # The headers of GET, without the body.
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    return wrapper


# --- Parameters --------------------------------------------------------------------------


def _context(request):
    lang = (request.GET.get("lang") or settings.LANGUAGE_CODE).strip().lower()
    if lang not in hsds.languages():
        raise ApiError(400, f"lang: unknown language, use one of {', '.join(hsds.languages())}.")
    return hsds.Context(request, lang)


def _integer(request, name, default, low, high):
    raw = request.GET.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(400, f"{name}: '{raw[:40]}' is not a whole number.") from None
    if not low <= value <= high:
        raise ApiError(400, f"{name}: must be between {low} and {high}.")
    return value


def _uuid(raw, name):
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        raise ApiError(400, f"{name}: '{str(raw)[:40]}' is not a UUID.") from None


def _path_uuid(raw, what):
    try:
        return uuid.UUID(str(raw))
    except ValueError:
        raise ApiError(404, f"No {what} with id '{str(raw)[:40]}'.") from None


def paginate(request, items_or_queryset, build):
    """The HSDS Page object; ``build(items)`` turns one page of items into records."""
    fmt = (request.GET.get("format") or "json").strip().lower()
    if fmt not in contract.FORMATS:
        raise ApiError(406, f"format: '{fmt[:20]}' is not offered, only json.")
    page = _integer(request, "page", 1, 1, contract.MAX_PAGE)
    per_page = _integer(request, "per_page", contract.DEFAULT_PER_PAGE, 1, contract.MAX_PER_PAGE)
    if hasattr(items_or_queryset, "count") and not isinstance(items_or_queryset, list):
        total = items_or_queryset.count()
    else:
        total = len(items_or_queryset)
    total_pages = max(1, math.ceil(total / per_page))
    start = (page - 1) * per_page
    chunk = _slice(items_or_queryset, start, per_page) if start < total else []
    contents = build(chunk)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _slice(items_or_queryset, start, size):
    """One page of items. A queryset is sorted on its keys alone, then the page's rows are
    read whole: sorting 10,000 full rows (with their text columns and joins) for 20 of them
    cost SQLite ~70 ms (issue #21)."""
    if isinstance(items_or_queryset, list):
        return items_or_queryset[start : start + size]
    ids = list(items_or_queryset.values_list("pk", flat=True)[start : start + size])
    rows = {row.pk: row for row in items_or_queryset.order_by().filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


# --- Services ----------------------------------------------------------------------------


def _filter_services(request, queryset):
    params = request.GET
    query = clean_query(params.get("search") or "")
    if query:
        ids, _terms = search_ids(queryset.select_related(None), query)
        queryset = queryset.filter(pk__in=ids)
    if params.get("organization_id"):
        key = _uuid(params["organization_id"], "organization_id")
        queryset = queryset.filter(organisation__translation_key=key)
    if params.get("taxonomy_term_id"):
        key = _uuid(params["taxonomy_term_id"], "taxonomy_term_id")
        term = hsds.FIXED_TERMS_BY_ID.get(str(key))
        if term is not None and term["kind"] == "application_process":
            queryset = queryset.filter(application_process=term["value"])
        else:
            queryset = queryset.filter(
                Q(service_type__translation_key=key)
                | Q(
                    pk__in=ServicePage.topics.through.objects.filter(
                        topic__translation_key=key
                    ).values("servicepage_id")
                )
                | Q(
                    pk__in=ServicePage.target_groups.through.objects.filter(
                        targetgroup__translation_key=key
                    ).values("servicepage_id")
                )
                | Q(
                    pk__in=ServicePage.towns.through.objects.filter(
                        town__translation_key=key
                    ).values("servicepage_id")
                )
            )
    if params.get("modified_after"):
        raw = params["modified_after"].strip()
        try:
            moment = parse_datetime(raw)
            if moment is None and parse_date(raw):
                moment = parse_datetime(raw + "T00:00:00")
        except ValueError:
            moment = None
        if moment is None:
            raise ApiError(
                400, f"modified_after: '{raw[:40]}' is not an ISO 8601 date or date-time."
            )
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, timezone.get_default_timezone())
        # A live page without a publication time (created by code) counts as modified: a
        # client that syncs with modified_after must not miss it.
        queryset = queryset.filter(
            Q(last_published_at__gte=moment) | Q(last_published_at__isnull=True)
        )
    if params.get("town"):
        raw = params["town"].strip().lower()
        try:
            lookup = {"translation_key": uuid.UUID(raw)}
        except ValueError:
            lookup = {"slug": raw}
        towns = Town.objects.filter(**lookup)
        if not towns.exists():
            raise ApiError(400, f"town: '{raw[:40]}' is not a town of the directory.")
        through = ServicePage.towns.through.objects.filter(town__in=towns)
        queryset = queryset.filter(pk__in=through.values("servicepage_id"))
    if params.get("language"):
        code = params["language"].strip().lower()
        if code not in language_names("de"):
            raise ApiError(400, f"language: '{code[:40]}' is not an ISO 639-1 language code.")
        queryset = queryset.filter(languages__code=code).distinct()
    age = _integer(request, "age", None, 0, contract.MAX_AGE)
    if age is not None:
        queryset = queryset.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
        )
    return queryset


def _ordered(queryset):
    return queryset.order_by("title", "pk")


@endpoint
def root(request):
    return {
        "version": hsds.HSDS_VERSION,
        "profile": "https://docs.openreferral.org/en/latest/hsds/",
        "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
    }


@endpoint
def services(request):
    ctx = _context(request)
    queryset = _ordered(_filter_services(request, hsds.public_services()))

    def build(pages):
        ctx.load_translations(pages)
        return [hsds.service_summary(page, ctx) for page in pages]

    return paginate(request, queryset.prefetch_related("contacts"), build)


@endpoint
def service_detail(request, id):
    ctx = _context(request)
    key = _path_uuid(id, "service")
    page = hsds.with_parts(hsds.public_services()).filter(translation_key=key).first()
    if page is None:
        raise ApiError(404, f"No service with id '{key}'.")
    ctx.load_translations([page])
    return hsds.service_record(page, ctx)


def _organisations():
    return Organisation.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by(
        "name", "pk"
    )


@endpoint
def organizations(request):
    ctx = _context(request)
    return paginate(
        request, _organisations(), lambda orgs: [hsds.organization_record(o, ctx) for o in orgs]
    )


@endpoint
def organization_detail(request, id):
    ctx = _context(request)
    key = _path_uuid(id, "organization")
    org = _organisations().filter(translation_key=key).first()
    if org is None:
        raise ApiError(404, f"No organization with id '{key}'.")
    pages = list(
        _ordered(hsds.public_services().filter(organisation=org)).prefetch_related("contacts")
    )
    ctx.load_translations(pages)
    record = hsds.organization_record(org, ctx)
    record["services"] = [hsds.service_summary(page, ctx) for page in pages]
    return record


def _public_locations():
    return (
        ServiceLocation.objects.filter(service__in=hsds.public_services())
        .select_related("service__organisation", "service__service_type", "town")
        .prefetch_related("service__contacts", "service__schedules")
        .order_by("service__title", "service_id", "sort_order", "pk")
    )


@endpoint
def service_at_locations(request):
    ctx = _context(request)
    queryset = _public_locations()
    postcode = (request.GET.get("postcode") or "").strip()
    raw_proximity = request.GET.get("proximity")
    if raw_proximity not in (None, "") and not postcode:
        raise ApiError(400, "proximity: needs a postcode to measure from.")
    if postcode:
        origin = centroid(postcode)
        if origin is None:
            raise ApiError(
                400, f"postcode: '{postcode[:10]}' is not a postcode of the district of Mettmann."
            )
        if raw_proximity in (None, ""):
            town = POSTCODES[postcode][0]
            queryset = queryset.filter(Q(postal_code=postcode) | Q(town__slug=town))
        else:
            try:
                proximity = float(raw_proximity)
            except ValueError:
                raise ApiError(400, "proximity: must be a number of kilometres.") from None
            if not 0 <= proximity <= contract.MAX_PROXIMITY_KM or math.isnan(proximity):
                raise ApiError(
                    400,
                    f"proximity: must be between 0 and {contract.MAX_PROXIMITY_KM} kilometres.",
                )
            rows = queryset.values_list("pk", "latitude", "longitude", "postal_code")
            near = []
            for pk, lat, lon, own_postcode in rows:
                point = (float(lat), float(lon)) if lat is not None else centroid(own_postcode)
                if point is not None and distance_km(origin, point) <= proximity:
                    near.append(pk)
            queryset = queryset.filter(pk__in=near)

    def build(locations):
        pages = [loc.service for loc in locations]
        ctx.load_translations(pages)
        return [
            hsds.service_at_location_record(loc.service, loc, ctx, with_service=True)
            for loc in locations
        ]

    return paginate(request, queryset, build)


@endpoint
def service_at_location_detail(request, id):
    ctx = _context(request)
    key = str(_path_uuid(id, "service_at_location"))
    # The id is derived from the location's UUID: find it among the public locations' UUIDs
    # (one light query), then load that one location with its service.
    locations = _public_locations()
    for pk, location_uuid in locations.values_list("pk", "uuid"):
        if hsds.derived_id(location_uuid, "service_at_location") == key:
            loc = locations.get(pk=pk)
            ctx.load_translations([loc.service])
            return hsds.service_at_location_record(loc.service, loc, ctx, with_service=True)
    raise ApiError(404, f"No service_at_location with id '{key}'.")


def _terms(ctx):
    terms = []
    for vocabulary in hsds.VOCABULARIES:
        if vocabulary.model is None:
            terms += [hsds.fixed_term_record(t, ctx) for t in hsds.FIXED_TERMS.values()]
            continue
        snippets = vocabulary.model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        terms += [hsds.term_record(vocabulary, s, ctx) for s in snippets.order_by("name", "pk")]
    return terms


@endpoint
def taxonomies(request):
    ctx = _context(request)
    records = [hsds.taxonomy_record(v, ctx) for v in hsds.VOCABULARIES]
    return paginate(request, records, lambda chunk: chunk)


@endpoint
def taxonomy_detail(request, id):
    ctx = _context(request)
    key = str(_path_uuid(id, "taxonomy"))
    for vocabulary in hsds.VOCABULARIES:
        if vocabulary.id == key:
            return hsds.taxonomy_record(vocabulary, ctx)
    raise ApiError(404, f"No taxonomy with id '{key}'.")


@endpoint
def taxonomy_terms(request):
    ctx = _context(request)
    terms = _terms(ctx)
    if request.GET.get("taxonomy_id"):
        key = str(_uuid(request.GET["taxonomy_id"], "taxonomy_id"))
        terms = [t for t in terms if t["taxonomy_id"] == key]
    return paginate(request, terms, lambda chunk: chunk)


@endpoint
def taxonomy_term_detail(request, id):
    ctx = _context(request)
    key = str(_path_uuid(id, "taxonomy term"))
    for term in _terms(ctx):
        if term["id"] == key:
            return term
    raise ApiError(404, f"No taxonomy term with id '{key}'.")


@endpoint
def openapi(request):
    return contract.document(
        request.build_absolute_uri(reverse("hsds:root")).rstrip("/"),
        getattr(settings, "PORTAL_CONTACT_EMAIL", ""),
    )


@endpoint
def schema_file(request, name):
    """One of the HSDS 3.0 JSON Schemas the API description references (CC BY-SA 4.0).

    Served as stored, with its own absolute URL as ``$id``: every client then resolves the
    schema's relative ``$ref``s against the schema's place, whatever it loaded first.
    """
    content = contract.schema_files().get(name)
    if content is None:
        raise ApiError(404, f"No schema '{name[:60]}'.")
    schema = {"$id": request.build_absolute_uri(request.path), **json.loads(content)}
    response = JsonResponse(schema, content_type="application/schema+json")
    response["Link"] = f'<{contract.SCHEMA_LICENCE}>; rel="license"'
    return response


app_name = "hsds"
urlpatterns = [
    path("", root, name="root"),
    path("openapi.json", openapi, name="openapi"),
    path("schema/<path:name>", schema_file, name="schema"),
    path("services", services, name="services"),
    path("services/<str:id>", service_detail, name="service"),
    path("organizations", organizations, name="organizations"),
    path("organizations/<str:id>", organization_detail, name="organization"),
    path("service_at_locations", service_at_locations, name="service_at_locations"),
    path("service_at_locations/<str:id>", service_at_location_detail, name="service_at_location"),
    path("taxonomies", taxonomies, name="taxonomies"),
    path("taxonomies/<str:id>", taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:id>", taxonomy_term_detail, name="taxonomy_term"),
]
