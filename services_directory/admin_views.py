"""Editor tools: the "verified today" action for a service."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from wagtail.admin import messages

from .models import ServicePage


def mark_verified(page, user):
    """Set ``assured_date`` to today and the assurer to ``user``; publish if allowed.

    Returns ``"published"`` or ``"draft"``. A user without publish permission saves a new
    draft revision instead, which then goes through moderation like any other change.
    """
    page = page.get_latest_revision_as_object()
    page.assured_date = timezone.localdate()
    page.assurer = user.get_full_name() or user.get_username()
    revision = page.save_revision(user=user, log_action=True)
    if page.permissions_for_user(user).can_publish():
        revision.publish(user=user)
        return "published"
    return "draft"


def verified_today(request, page_id):
    """GET: a confirmation form (works without JavaScript); POST: mark verified."""
    page = get_object_or_404(ServicePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = ""
    if request.method == "POST":
        outcome = mark_verified(page, request.user)
        if outcome == "published":
            messages.success(
                request, _("“%(title)s” is marked as verified today.") % {"title": page.title}
            )
        else:
            messages.success(
                request,
                _("“%(title)s”: verification saved as a draft for moderation.")
                % {"title": page.title},
            )
        return redirect(
            next_url or "wagtailadmin_explore", *([] if next_url else [page.get_parent().id])
        )
    return TemplateResponse(
        request,
        "services_directory/admin/verified_today_confirm.html",
        {"page": page, "next": next_url},
    )
