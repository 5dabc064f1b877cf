"""Admin: registrations per event, exports (CSV/XLSX) and attendance (docs/events.md)."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale

from portal.security.sanitize import csv_safe

from .models import EventPage, Registration


def _source_events(request):
    return EventPage.objects.filter(locale=Locale.get_default()).order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Event"), queryset=_source_events)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Registration.Status.choices, empty_label=_("All")
    )
    attended = django_filters.BooleanFilter(label=_("Attended"))

    class Meta:
        model = Registration
        fields = []


class RegistrationIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        return csv_safe(super().preprocess_field_value(field, value, export_format))

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event")

    def get_filename(self):
        return "anmeldungen"


class RegistrationViewSet(ModelViewSet):
    """Registrations come from the public form only: editors see, export, mark attendance.

    Redaktion and Moderation get view and change permissions (migration 0002), not add.
    """

    model = Registration
    icon = "group"
    menu_label = _("Event registrations")
    menu_order = 260
    add_to_admin_menu = True
    url_namespace = "event_registrations"
    url_prefix = "events/registrations"
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    list_display = ["name", "email", "organisation", "event", "status", "attended", "created_at"]
    list_export = [
        "event",
        "name",
        "email",
        "organisation",
        "role",
        "accessibility_needs",
        "language",
        "status",
        "attended",
        "created_at",
        "confirmed_at",
    ]
    search_fields = ["name", "email", "organisation"]
    ordering = ["event", "status", "confirmed_at", "created_at"]
    form_fields = ["attended"]
    copy_view_enabled = False
    inspect_view_enabled = True
    list_per_page = 50


registration_viewset = RegistrationViewSet("event_registrations")
