"""What the service page shows: opening hours per location, languages, JSON-LD."""

import datetime
import json

from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from . import directory
from .closures import closure_on, school_holiday
from .models import ServiceSchedule, language_names

SCHEMA_DAYS = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}
# Like Django's json_script: nothing in the data can close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def local_now():
    return directory.clock().astimezone(directory.BERLIN)


# The "open now / closed now" line at the top of a service page depends on the time of day:
# it is rendered outside the page's fragments on every request, and no cache keeps a service
# page longer than this (``Cache-Control: max-age``, honoured by the anonymous page cache;
# docs/design.md). The line says when it was computed ("As of 09:41").
LIVE_STATUS_SECONDS = 60


def service_fragments(page, request):
    """The page's cached parts: the article's header, the rest of the article (opening hours
    with today marked) and the JSON-LD, for anonymous visitors, per content version and local
    date. The live opening status between header and article is never part of them."""
    from portal.cache import PageFragments

    names = ("head", "article", "json_ld")
    return PageFragments(request, page, names, day=local_now().date())


def live_status(page, request):
    """The service's opening state now, as on the directory's cards (``views._opening``):
    ``{"state": "open"|"today"|"later"|"appointment"|"closed", "start", "end", "closure",
    "as_of"}`` or None (no hours, temporarily closed, a preview).

    Read from the directory's facet data (schedules, own closures, public and school
    holidays), which the request has loaded anyway: no query once a process has it.
    """
    from .views import _opening

    if getattr(request, "is_preview", False):
        return None  # a draft's hours are not in the facet data
    index = directory.get_index(request)
    entry = index.entries.get(page.pk)
    if entry is None:
        return None
    now = local_now()
    state = _opening(entry, now, index.school_holidays)
    return state and {**state, "as_of": now}


def service_context(page, request):
    now = local_now()
    today = now.date()
    language = translation.get_language() or "de"
    names = language_names(language)
    locations = list(page.locations.all())
    schedules = [s for s in page.schedules.all() if s.is_valid_on(today) or _future(s, today)]
    monday = today - datetime.timedelta(days=today.weekday())
    calendar = closure_calendar(page, request, language)
    groups = hours_by_location(locations, schedules, monday, 7, today, calendar)
    languages = [
        {"code": lang.code, "name": names.get(lang.code, lang.code), "note": lang.note}
        for lang in page.languages.all()
    ]
    contacts = list(page.contacts.all())
    service_type, organisation = localized_all([page.service_type, page.organisation])
    towns = localized_all(page.towns.all())
    return {
        "locations_with_hours": groups,
        "service_languages": languages,
        "service_contacts": [
            {
                "contact": contact,
                "languages": [names.get(code, code) for code in contact.language_codes],
            }
            for contact in contacts
        ],
        "service_type": service_type,
        "organisation": organisation,
        "town_names": [t.name for t in towns],
        "topic_names": [t.name for t in localized_all(page.topics.all())],
        "target_group_names": [t.name for t in localized_all(page.target_groups.all())],
        "required_document_lines": [
            line.strip() for line in page.required_documents.splitlines() if line.strip()
        ],
        "json_ld": json_ld(
            page,
            request,
            locations=locations,
            schedules=schedules,
            service_type=service_type,
            organisation=organisation,
            towns=towns,
            language_codes=[lang["code"] for lang in languages],
            contacts=contacts,
        ),
        "today": today,
    }


def localized_all(objects):
    """The active language's translations of ``objects`` (snippets), one query per model.

    Like ``obj.localized`` for each object, without a query per object; an object without a
    translation stays as it is. In the default language this costs no query at all.
    """
    from wagtail.models import Locale

    objects = list(objects)
    locale = Locale.get_active()
    missing = [obj for obj in objects if obj is not None and obj.locale_id != locale.pk]
    translations = {}
    for model in {type(obj) for obj in missing}:
        keys = [obj.translation_key for obj in missing if type(obj) is model]
        for translated in model.objects.filter(translation_key__in=keys, locale=locale):
            translations[(model, translated.translation_key)] = translated
    return [
        translations.get((type(obj), getattr(obj, "translation_key", None)), obj) for obj in objects
    ]


def _future(schedule, today):
    return schedule.valid_from is not None and schedule.valid_from > today


def closure_calendar(page, request, language):
    """Everything :func:`closures.closure_on` needs for ``page``: own periods, school holidays.

    School holidays come with the directory's facet data (no query when it is loaded).
    """
    return {
        "own": [(c.starts_on, c.ends_on, c.reason) for c in page.closures.all()],
        "school_closed": page.closed_in_school_holidays,
        "school_holidays": directory.get_index(request).school_holidays,
        "language": language,
    }


def hours_by_location(locations, schedules, first_day, count, today, calendar):
    """Opening hours per location (or once, for a service without locations).

    Each group is ``{"location", "days"}``; see :func:`days_with_hours`.
    """
    groups = []
    for location in [*locations, None]:
        rows = [s for s in schedules if s.location_id == (location.pk if location else None)]
        if location is not None:
            rows += [s for s in schedules if s.location_id is None]
        if location is None and (locations or not rows):
            continue
        groups.append(
            {"location": location, "days": days_with_hours(rows, first_day, count, today, calendar)}
        )
    return groups


def days_with_hours(rows, first_day, count, today, calendar):
    """``count`` days from ``first_day``: their ranges, closure and school holidays.

    On a closed day ``ranges`` is empty and ``closure`` says why (closures.py); ``school``
    names the school holidays a day falls in even when the service stays open.
    """
    days = []
    for offset in range(count):
        day = first_day + datetime.timedelta(days=offset)
        code = directory.WEEKDAYS[day.weekday()]
        closure = closure_on(day, **calendar)
        ranges = []
        if closure is None:
            ranges = sorted(
                (s for s in rows if s.byday == code and s.is_valid_on(day)),
                key=lambda s: s.opens_at,
            )
        days.append(
            {
                "code": code,
                "name": WEEKDAYS[day.weekday()],
                "date": day,
                "ranges": ranges,
                "closure": closure,
                "school": school_holiday(day, calendar["school_holidays"]),
                "is_today": day == today,
            }
        )
    return days


def json_ld(
    page,
    request,
    *,
    locations,
    schedules,
    service_type,
    organisation,
    towns,
    language_codes,
    contacts,
):
    """schema.org ``GovernmentService`` with places and OpeningHoursSpecification.

    Takes what ``service_context`` has already loaded, so it adds no query.
    """
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": page.title,
        "url": page.get_full_url(request),
        "description": strip_tags(page.description or "").strip(),
        "serviceType": service_type.name,
        "provider": {"@type": "Organization", "name": organisation.name},
        "areaServed": [{"@type": "City", "name": town.name} for town in towns],
        "availableLanguage": language_codes,
    }
    if page.alternate_name:
        data["alternateName"] = page.alternate_name
    places = []
    for location in locations:
        place = {
            "@type": "Place",
            "name": str(location),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": location.address_1,
                "postalCode": location.postal_code,
                "addressLocality": location.city,
                "addressCountry": "DE",
            },
        }
        if location.latitude is not None and location.longitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(location.latitude),
                "longitude": float(location.longitude),
            }
        hours = [_opening_spec(s) for s in schedules if s.location_id in (None, location.pk)]
        if hours:
            place["openingHoursSpecification"] = hours
        places.append(place)
    if places:
        data["availableChannel"] = {"@type": "ServiceChannel", "serviceLocation": places}
    elif schedules:
        data["hoursAvailable"] = [_opening_spec(s) for s in schedules]
    phones = [c.phone for c in contacts if c.phone]
    if phones:
        data["telephone"] = phones[0]
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES))  # noqa: S308


def _opening_spec(schedule: ServiceSchedule):
    spec = {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[schedule.byday]}",
        "opens": schedule.opens_at.strftime("%H:%M"),
        "closes": schedule.closes_at.strftime("%H:%M"),
    }
    if schedule.valid_from:
        spec["validFrom"] = schedule.valid_from.isoformat()
    if schedule.valid_to:
        spec["validThrough"] = schedule.valid_to.isoformat()
    return spec
