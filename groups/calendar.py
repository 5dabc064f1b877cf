"""iCalendar (RFC 5545) output: one meeting, or every meeting a member may see."""

from icalendar import Calendar, Event

from django.utils import timezone

PRODID = "-//KIM Kreis Mettmann//Gremien//DE"


def _event(meeting, request):
    event = Event()
    event.add("uid", f"{meeting.translation_key}@kim-portal")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(meeting.start))
    event.add("dtend", timezone.localtime(meeting.effective_end))
    event.add("summary", meeting.title)
    location = meeting.place or meeting.video_url
    if location:
        event.add("location", location)
    event.add("url", request.build_absolute_uri(meeting.get_url(request)))
    if meeting.video_url:
        event.add("description", meeting.video_url)
    return event


def build_calendar(meetings, request, name):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(_event(meeting, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()
