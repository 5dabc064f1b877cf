"""Calendars (RFC 5545), the Atom feed and schema.org ``Event`` data of events.

Only what the page shows publicly goes out: never the join link, never registrations.
"""

import json

from icalendar import Calendar, Event

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.safestring import mark_safe

from .models import AttendanceMode, EventStatus

PRODID = "-//KIM Kreis Mettmann//Veranstaltungen//DE"
AUTHOR = "Kreis Mettmann – Kommunales Integrationsmanagement (KIM)"


def place_text(event):
    parts = [event.place_name, event.street_address, f"{event.postal_code} {event.town_name}"]
    return ", ".join(part.strip() for part in parts if part and part.strip())


def _vevent(event, request):
    url = event.get_full_url(request)
    item = Event()
    item.add("uid", f"{event.translation_key}@kim-portal-events")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", timezone.localtime(event.start))
    item.add("dtend", timezone.localtime(event.end))
    item.add("summary", event.title)
    item.add("description", f"{event.teaser}\n\n{url}")
    item.add("url", url)
    item.add("organizer", f"{event.organiser}", parameters={"CN": event.organiser})
    location = place_text(event) if event.attendance_mode != AttendanceMode.ONLINE else "Online"
    if location:
        item.add("location", location)
    if event.event_status == EventStatus.CANCELLED:
        item.add("status", "CANCELLED")
    else:
        item.add("status", "CONFIRMED")
    if event.last_published_at:
        item.add("last-modified", event.last_published_at)
    return item


def calendar_response(events, request, name, filename):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for event in events:
        calendar.add_component(_vevent(event, request))
    # Dates are written in Europe/Berlin with TZID; this adds the matching VTIMEZONE.
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def atom_response(index, request):
    """Atom feed of the public upcoming events under ``index``, soonest first."""
    events = list(index.feed_events().filter(end__gte=timezone.now()).order_by("start")[:50])
    feed_url = index.get_full_url(request) + "feed/"
    code = index.locale.language_code
    feed = Atom1Feed(
        title=f"{index.title} – KIM Kreis Mettmann",
        link=index.get_full_url(request),
        description=index.intro,
        language=settings.PORTAL_HTML_LANG.get(code, code),  # Leichte Sprache: "de"
        feed_url=feed_url,
        feed_guid=feed_url,
        author_name=AUTHOR,
    )
    for event in events:
        url = event.get_full_url(request)
        when = timezone.localtime(event.start).strftime("%d.%m.%Y %H:%M")
        feed.add_item(
            title=f"{when} – {event.title}",
            link=url,
            description=event.teaser,
            unique_id=url,
            pubdate=event.first_published_at,
            updateddate=event.last_published_at or event.first_published_at,
            author_name=event.organiser,
            categories=[event.get_topic_display()],
        )
    if not events:
        feed.latest_post_date = lambda: timezone.now()
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


MODES = {
    AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
}
STATUSES = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


def event_json_ld(event, request, confirmed):
    url = event.get_full_url(request)
    locations = []
    if event.attendance_mode != AttendanceMode.ONLINE:
        locations.append(
            {
                "@type": "Place",
                "name": event.place_name or event.town_name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.street_address,
                    "postalCode": event.postal_code,
                    "addressLocality": event.town_name,
                    "addressRegion": "Kreis Mettmann",
                    "addressCountry": "DE",
                },
            }
        )
    if event.attendance_mode != AttendanceMode.OFFLINE:
        # The join link is for registered people only: the page address stands in for it.
        locations.append({"@type": "VirtualLocation", "url": url})
    left = event.free_places(confirmed)
    if not event.registration_open():
        availability = (
            "https://schema.org/SoldOut" if left == 0 else "https://schema.org/Discontinued"
        )
    elif left == 0:
        availability = "https://schema.org/LimitedAvailability"  # waiting list
    else:
        availability = "https://schema.org/InStock"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.teaser,
        "url": url,
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventStatus": STATUSES.get(event.event_status, STATUSES[EventStatus.SCHEDULED]),
        "eventAttendanceMode": MODES[event.attendance_mode],
        "location": locations[0] if len(locations) == 1 else locations,
        "inLanguage": event.language_codes,
        "organizer": {"@type": "Organization", "name": event.organiser},
        "isAccessibleForFree": event.is_free,
        "offers": {
            "@type": "Offer",
            "url": url,
            "price": str(event.price),
            "priceCurrency": "EUR",
            "availability": availability,
            "validThrough": timezone.localtime(event.deadline).isoformat(),
        },
    }
    if event.capacity is not None:
        data["maximumAttendeeCapacity"] = event.capacity
        data["remainingAttendeeCapacity"] = left
    text = json.dumps(data, ensure_ascii=False)
    # Safe inside <script>: no "</script>" or HTML comment can close the element.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308
