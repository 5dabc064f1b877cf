"""The planning report's URL, mounted at ``/admin/reports/angebotsplanung/`` (portal/urls.py)."""

from django.urls import path

from .planning_views import PlanningReportView

urlpatterns = [path("", PlanningReportView.as_view(), name="services_directory_planning")]
