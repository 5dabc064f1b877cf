"""Admin registration of the portal's own tools: the freshness report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import FreshnessReportView
from .freshness import user_may_see_report


@hooks.register("register_admin_urls")
def register_freshness_url():
    return [path("freshness/", FreshnessReportView.as_view(), name="portal_freshness")]


class FreshnessMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_freshness_menu_item():
    return FreshnessMenuItem(
        _("Freshness"), reverse("portal_freshness"), icon_name="time", order=50
    )
