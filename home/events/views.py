"""Registration on the event page, and the signed confirm/cancel links from the mails."""

from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from portal.privacy import mark_private, page_is_visible
from portal.security.ratelimit import rate_limited

from . import registration as service
from .forms import RegistrationForm
from .models import EventPage

RATE_LIMIT = 5  # registrations per client address …
RATE_WINDOW = 60 * 60  # … per hour


_private = mark_private


def _event(request, page_id):
    page = EventPage.objects.filter(pk=page_id).first()
    if page is None or not page_is_visible(request, page):
        raise Http404(_("This event does not exist (any more)."))
    return page


@csrf_exempt
def register(request, page_id):
    """POST from the form on the event page; GET leads back to the page.

    The event page sits in the shared page cache for anonymous visitors, so its form carries
    no CSRF token (as the directory's feedback form). A forged request can only make the
    portal mail a confirmation link to an address, which the honeypot and the rate limit
    per client address keep rare; nothing is booked without that link.
    """
    page = _event(request, page_id)
    if request.method != "POST":
        return redirect(page.url)
    form = RegistrationForm(request.POST)
    if rate_limited(request, "events:register", RATE_LIMIT, RATE_WINDOW):
        return _private(
            TemplateResponse(request, "events/rate_limited.html", {"page": page}, status=429)
        )
    if not page.registration_open():
        form.is_valid()
        form.add_error(None, _("Registration for this event is closed."))
    elif form.is_valid():
        if not form.is_spam:
            service.register(page, form.cleaned_data, get_language(), request)
        return redirect("events:registered", page_id=page.pk)
    context = page.get_context(request, form=form)
    return _private(TemplateResponse(request, page.get_template(request), context, status=400))


def registered(request, page_id):
    page = _event(request, page_id)
    return TemplateResponse(request, "events/registered.html", {"page": page})


def _link_view(request, token, action):
    try:
        registration = service.read_token(token, action)
    except service.InvalidLink:
        return _private(TemplateResponse(request, "events/link_invalid.html", {}, status=400))
    event = service.localized_event(registration)
    context = {"registration": registration, "event": event, "action": action, "done": False}
    if request.method == "POST":
        if action == "confirm":
            registration, context["done"] = service.confirm(registration, request)
        else:
            registration, _moved, context["done"] = service.cancel(registration, request)
        context["registration"] = registration
        context["done"] = True
    return _private(TemplateResponse(request, "events/registration_link.html", context))


def confirm(request, token):
    """GET shows a button, POST confirms: mail scanners that open links book nothing."""
    return _link_view(request, token, "confirm")


def cancel(request, token):
    return _link_view(request, token, "cancel")
