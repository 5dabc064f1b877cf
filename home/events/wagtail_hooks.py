"""Admin registration: registrations listing, the events overview and the message form."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .viewsets import registration_viewset


@hooks.register("register_admin_viewset")
def register_registrations():
    return registration_viewset


@hooks.register("register_admin_urls")
def register_events_admin_urls():
    return [
        path("events/", admin_views.overview, name="events_admin_overview"),
        path("events/<int:event_id>/message/", admin_views.message, name="events_admin_message"),
    ]


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("events.view_registration")


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return OverviewMenuItem(
        _("Events and registrations"), reverse("events_admin_overview"), icon_name="date", order=259
    )
