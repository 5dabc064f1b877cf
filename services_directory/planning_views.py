"""The admin report "Angebotsplanung" at ``/admin/reports/angebotsplanung/``.

Readers: superusers, Redaktion and the steering group (``PLANNING_REPORT_GROUPS``). The
steering group has no other admin rights: the URL is mounted beside Wagtail's admin URLs
(``portal/urls.py``), not through ``register_admin_urls`` (which demands "access admin"),
and checks its readers itself; everyone else gets the admin's refusal (403).
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.privacy import mark_private

from . import planning_charts, planning_export
from .planning import build_report, thin_limit

DEFAULT_READER_GROUPS = (
    "Redaktion",
    "Gremium: Lenkungsgruppe",
    "Gremium: Lenkungsgruppe – Leitung",
)


def reader_groups():
    return tuple(getattr(settings, "PLANNING_REPORT_GROUPS", DEFAULT_READER_GROUPS))


def user_may_see_planning(user):
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name__in=reader_groups()).exists()


def charts(report):
    """The SVG pictures of a report, by section key."""
    pictures = {matrix.key: planning_charts.heatmap(matrix) for matrix in report.matrices}
    pictures["age_bands"] = planning_charts.age_bands(report)
    pictures["change"] = planning_charts.change_bars(report)
    pictures["unmet"] = planning_charts.term_bars(report)
    return pictures


class PlanningReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Offer planning")
    page_subtitle = _("coverage, freshness and unmet needs")
    header_icon = "table"
    template_name = "services_directory/admin/planning.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if not user_may_see_planning(request.user):
            raise PermissionDenied
        self.report = build_report(request.GET)
        export = request.GET.get("export")
        if export == "csv":
            return planning_export.csv_response(self.report)
        if export == "xlsx":
            return planning_export.xlsx_response(self.report)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(report_context(self.report))
        query = self.request.GET.copy()
        query.pop("export", None)
        for kind in ("csv", "xlsx"):
            query["export"] = kind
            context[f"{kind}_url"] = "?" + query.urlencode()
        return context

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        return mark_private(response)


def report_context(report):
    """What the HTML report and the PDF template both need."""
    pictures = charts(report)
    return {
        "report": report,
        "charts": pictures,
        "matrices": [(matrix, pictures[matrix.key]) for matrix in report.matrices],
        "thin_limit": thin_limit(),
    }
