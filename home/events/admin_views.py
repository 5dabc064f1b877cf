"""Admin: the events with their registration counts, and a message to everyone registered."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Locale

from . import registration as service
from .forms import MessageForm
from .models import EventPage, Registration

S = Registration.Status


def _require(request, action):
    if not request.user.has_perm(f"events.{action}_registration"):
        raise PermissionDenied


def overview(request):
    """Every event (source language) with confirmed, waiting, pending, cancelled counts."""
    _require(request, "view")
    counts = {
        status: Count("registrations", filter=Q(registrations__status=status)) for status in S
    }
    events = (
        EventPage.objects.filter(locale=Locale.get_default())
        .annotate(**{f"n_{status}": count for status, count in counts.items()})
        .order_by("-start")
    )
    page = Paginator(events, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "events/admin/overview.html",
        {"events": page, "can_write": request.user.has_perm("events.change_registration")},
    )


def message(request, event_id):
    """Write to all confirmed people of one event (optionally the waiting list too)."""
    _require(request, "change")
    event = get_object_or_404(EventPage, pk=event_id)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        statuses = [S.CONFIRMED] + ([S.WAITING] if form.cleaned_data["include_waiting"] else [])
        people = list(event.registrations.filter(status__in=statuses))
        for person in people:
            service.send_status_mail(
                person,
                "message",
                request,
                subject=form.cleaned_data["subject"],
                message=form.cleaned_data["message"],
            )
        messages.success(request, _("Sent to %(count)s people.") % {"count": len(people)})
        return redirect("events_admin_overview")
    recipients = event.registrations.filter(status=S.CONFIRMED).count()
    return TemplateResponse(
        request,
        "events/admin/message.html",
        {"event": event, "form": form, "recipients": recipients},
    )
