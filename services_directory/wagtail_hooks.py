"""Admin registration: vocabularies, the service listing, the "verified today" button."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from .admin_views import directory_import, import_permissions, verified_today
from .models import ServicePage
from .viewsets import DirectoryViewSetGroup, service_listing_viewset

register_snippet(DirectoryViewSetGroup)


@hooks.register("register_admin_viewset")
def register_service_listing():
    return service_listing_viewset


@hooks.register("register_admin_urls")
def register_directory_admin_urls():
    return [
        path(
            "directory/verified/<int:page_id>/",
            verified_today,
            name="services_directory_verified_today",
        ),
        path("directory/import/", directory_import, name="services_directory_import"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return import_permissions(request.user)[0]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import services"),
        reverse("services_directory_import"),
        icon_name="upload",
        order=245,
    )


def _verified_button(page, user, next_url=None, priority=25):
    if not isinstance(page.specific_deferred, ServicePage):
        return
    if not page.permissions_for_user(user).can_edit():
        return
    url = reverse("services_directory_verified_today", args=[page.id])
    yield Button(
        _("Verified today"),
        url + (f"?next={next_url}" if next_url else ""),
        icon_name="check",
        priority=priority,
        attrs={
            # One click: Wagtail's action controller POSTs with the CSRF token.
            "data-controller": "w-action",
            "data-action": "w-action#post",
            "data-w-action-url-value": url,
        },
    )


@hooks.register("register_page_header_buttons")
def verified_header_button(page, user, view_name=None, next_url=None):
    yield from _verified_button(page, user, next_url)


@hooks.register("register_page_listing_more_buttons")
def verified_listing_button(page, user, next_url=None):
    yield from _verified_button(page, user, next_url)
