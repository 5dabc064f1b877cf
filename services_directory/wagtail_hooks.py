"""Admin registration: vocabularies, the service listing, the "verified today" button,
the reports on entries and the dashboard panel on verification."""

from django.http import HttpResponseForbidden
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet

from .admin_views import VerificationPanel, directory_import, import_permissions, verified_today
from .models import DirectoryTeamScope, ServicePage
from .planning_views import user_may_see_planning
from .start import start_search_panel, start_topics_panel
from .viewsets import DirectoryViewSetGroup, service_listing_viewset, service_report_viewset

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


@hooks.register("register_admin_viewset")
def register_service_reports():
    return service_report_viewset


@hooks.register("construct_homepage_panels")
def add_verification_panel(request, panels):
    panels.append(VerificationPanel())


@hooks.register("register_freshness_sections")
def directory_freshness(user, limit):
    from .verification import freshness_sections

    return freshness_sections(user, limit)


# --- Town limits of directory groups (DirectoryTeamScope) ------------------------------------


def _outside_town_limit(request, page):
    specific = page.specific_deferred
    if isinstance(specific, ServicePage) and not DirectoryTeamScope.user_may_maintain(
        request.user, specific
    ):
        return HttpResponseForbidden(_("This service is outside the towns your group maintains."))
    return None


@hooks.register("before_edit_page")
def town_limit_edit(request, page):
    return _outside_town_limit(request, page)


@hooks.register("before_delete_page")
def town_limit_delete(request, page):
    return _outside_town_limit(request, page)


@hooks.register("before_copy_page")
def town_limit_copy(request, page):
    return _outside_town_limit(request, page)


@hooks.register("before_move_page")
def town_limit_move(request, page, destination):
    return _outside_town_limit(request, page)


@hooks.register("register_log_actions")
def register_verification_log_action(actions):
    # Written by verification.confirm: the provider confirmed the entry by the mailed link.
    actions.register_action(
        "services_directory.provider_verified",
        _("Verified by provider"),
        _("Confirmed as still correct by the provider (link in the verification e-mail)"),
    )


@hooks.register("start_page_panels")
def directory_start_panel(request, home_page):
    return start_search_panel(request, home_page)


@hooks.register("start_page_more_panels")
def directory_topics_panel(request, home_page):
    return start_topics_panel(request, home_page)


class PlanningMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_see_planning(request.user)


@hooks.register("register_reports_menu_item")
def register_planning_menu_item():
    return PlanningMenuItem(
        _("Offer planning"), reverse("services_directory_planning"), icon_name="table", order=60
    )
