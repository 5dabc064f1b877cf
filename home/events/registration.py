"""Registering, confirming (double opt-in) and cancelling, with exact capacity.

Places are handed out only when a registration is confirmed from its mail. The event's row
is locked (``SELECT … FOR UPDATE`` on PostgreSQL) while the confirmed places are counted and
the new status is written, so two people taking the last place at once end up one confirmed
and one on the waiting list. On SQLite the whole database is locked for a write anyway.

Mails go out after the transaction, each in the language the person registered in.
"""

import logging

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.cache import bump_content_version

from .models import EventPage, Registration, source_event

logger = logging.getLogger(__name__)

SALT = "events.registration"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # a confirmation link works for seven days
CANCEL_MAX_AGE = 400 * 24 * 3600  # a cancellation link until long after any event


class InvalidLink(Exception):
    """A forged, expired or misdirected confirm/cancel link."""


def make_token(registration, action):
    return signing.dumps({"r": registration.pk, "a": action}, salt=SALT, compress=True)


def read_token(token, action):
    """The registration a link names, or :class:`InvalidLink`."""
    max_age = CONFIRM_MAX_AGE if action == "confirm" else CANCEL_MAX_AGE
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise InvalidLink(str(error)) from error
    if not isinstance(data, dict) or data.get("a") != action or not isinstance(data.get("r"), int):
        raise InvalidLink("wrong link")
    registration = Registration.objects.select_related("event").filter(pk=data["r"]).first()
    if registration is None:
        raise InvalidLink("registration deleted")
    return registration


# --- the three steps ------------------------------------------------------------------------


def register(page, data, language, request=None):
    """Store a pending registration for ``page`` and mail the confirmation link.

    An address that already holds an active registration for this event gets its current
    state mailed again instead (the page says the same either way, so nobody learns from it
    who else registered).
    """
    event = source_event(page)
    email = data["email"].strip().lower()
    fields = {
        "name": data["name"].strip(),
        "organisation": data.get("organisation", "").strip(),
        "role": data.get("role", "").strip(),
        "accessibility_needs": data.get("accessibility_needs", "").strip(),
        "language": language,
    }
    existing = _active(event, email)
    if existing is None:
        try:
            with transaction.atomic():
                registration = Registration.objects.create(event=event, email=email, **fields)
        except IntegrityError:  # the same address, a moment earlier, in another request
            existing = _active(event, email)
            if existing is None:
                raise
        else:
            send_status_mail(registration, "request", request)
            return registration
    kind = "request" if existing.status == Registration.Status.PENDING else existing.status
    send_status_mail(existing, kind, request)
    return existing


def _active(event, email):
    return Registration.objects.filter(
        event=event, email=email, status__in=Registration.ACTIVE
    ).first()


def confirm(registration, request=None):
    """Double opt-in: give the registration a place, or a place on the waiting list."""
    with transaction.atomic():
        event = _lock_event(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status != Registration.Status.PENDING:
            return registration, False  # a second click changes nothing
        confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
        has_place = event.capacity is None or confirmed < event.capacity
        registration.status = (
            Registration.Status.CONFIRMED if has_place else Registration.Status.WAITING
        )
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at"])
        if has_place:
            bump_content_version()  # the free places shown on cached pages change
    send_status_mail(registration, registration.status, request)
    return registration, True


def cancel(registration, request=None):
    """Free the place; the first person on the waiting list moves up (with a mail)."""
    with transaction.atomic():
        event = _lock_event(registration.event_id)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            return registration, [], False
        registration.status = Registration.Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        moved = fill_from_waiting_list(event)
        bump_content_version()
    send_status_mail(registration, "cancelled", request)
    for person in moved:
        send_status_mail(person, "moved_up", request)
    return registration, moved, True


def fill_from_waiting_list(event):
    """Confirm people from the waiting list while places are free (caller holds the lock)."""
    if event.capacity is None:
        waiting = list(event.registrations.filter(status=Registration.Status.WAITING))
    else:
        confirmed = event.registrations.filter(status=Registration.Status.CONFIRMED).count()
        free = max(0, event.capacity - confirmed)
        waiting = list(
            event.registrations.filter(status=Registration.Status.WAITING).order_by(
                "confirmed_at", "pk"
            )[:free]
        )
    for person in waiting:
        person.status = Registration.Status.CONFIRMED
        person.save(update_fields=["status"])
    return waiting


def _lock_event(event_id):
    # ``of=("self",)`` locks the event's own row only, not the shared wagtailcore_page row
    # that editors write to.
    queryset = EventPage.objects.filter(pk=event_id)
    if transaction.get_connection().features.has_select_for_update_of:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.get()


# --- mails ----------------------------------------------------------------------------------

SUBJECTS = {
    "request": lambda: _("Please confirm your registration: %(title)s"),
    "confirmed": lambda: _("Registration confirmed: %(title)s"),
    "waiting": lambda: _("Waiting list: %(title)s"),
    "moved_up": lambda: _("You have a place: %(title)s"),
    "cancelled": lambda: _("Registration cancelled: %(title)s"),
    "reminder": lambda: _("Tomorrow: %(title)s"),
}


def site_root(event, request=None):
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    site = event.get_site()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def localized_event(registration):
    """The event page in the registrant's language when it is translated, else the source."""
    from wagtail.models import Locale

    event = registration.event
    locale = Locale.objects.filter(language_code=registration.language).first()
    if locale is None or locale.pk == event.locale_id:
        return event
    return event.get_translation_or_none(locale) or event


def mail_context(registration, kind, request=None):
    event = localized_event(registration)
    root = site_root(registration.event, request)
    parts = event.get_url_parts(request)
    path = parts[2] if parts else "/"
    context = {
        "registration": registration,
        "event": event,
        "kind": kind,
        "event_url": root + path,
        "calendar_url": root + path + "kalender/",
        "has_place": kind in ("confirmed", "moved_up", "reminder"),
    }
    if kind == "request":
        token = make_token(registration, "confirm")
        context["confirm_url"] = root + reverse("events:confirm", args=[token])
    if kind != "cancelled":
        token = make_token(registration, "cancel")
        context["cancel_url"] = root + reverse("events:cancel", args=[token])
    return context


def send_status_mail(registration, kind, request=None, subject=None, message=None):
    """Mail ``registration`` about ``kind`` (request, confirmed, waiting, moved_up, …)."""
    with translation.override(registration.language):
        context = mail_context(registration, kind, request)
        context["message"] = message
        title = context["event"].title
        subject = subject or SUBJECTS[kind]() % {"title": title}
        body = render_to_string("events/email/registration.txt", context)
    send_mail(subject, body, None, [registration.email])
