"""Editor tools: the "verified today" action and the dashboard panel on verification."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.permissions import page_permission_policy

from .models import ServicePage, ServiceReport
from .verification import AGE_BUCKETS
from .viewsets import VERIFIED_CHOICES


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


class VerificationPanel(Component):
    """Dashboard: services counted by how long ago they were last verified, with links."""

    name = "directory_verification"
    template_name = "services_directory/admin/verification_panel.html"
    order = 150

    @staticmethod
    def editable_services(user):
        from .verification import source_services

        services = source_services(public=False)
        if user.is_superuser:
            return services
        allowed = page_permission_policy.instances_user_has_permission_for(user, "change")
        return services.filter(pk__in=allowed.type(ServicePage).values("pk"))

    def get_context_data(self, parent_context):
        from .verification import age_counts

        counts = age_counts(self.editable_services(parent_context["request"].user))
        listing = reverse("services:index")
        labels = dict(VERIFIED_CHOICES)
        return {
            "rows": [
                {
                    "label": labels[bucket],
                    "count": counts[bucket],
                    "url": f"{listing}?verified={bucket}",
                }
                for bucket in AGE_BUCKETS
            ],
            "open_reports": ServiceReport.objects.filter(status=ServiceReport.Status.OPEN).count(),
            "reports_url": reverse("service_reports:index") + "?status=open",
        }

    def render_html(self, parent_context=None):
        """Only for those who maintain services (e.g. not for workspace managers)."""
        user = parent_context["request"].user
        if not (
            user.has_perm("services_directory.view_servicereport")
            or self.editable_services(user).exists()
        ):
            return ""
        return super().render_html(parent_context)
