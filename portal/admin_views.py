"""Admin views of the portal: the freshness report for editors (freshness.py)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .freshness import sections, user_may_see_report


class FreshnessReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Freshness")
    page_subtitle = _("stale, broken or incomplete content")
    header_icon = "time"
    template_name = "portal/admin/freshness.html"

    def dispatch(self, request, *args, **kwargs):
        if not user_may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections(self.request.user)
        return context
