"""Admin registration of the portal's own tools: the freshness report, the translation status
report and its "Mark as reviewed" action."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .admin_views import FreshnessReportView, easy_language_help
from .editorial.freshness import user_may_see_report
from .i18n.admin_views import mark_translation_reviewed, translation_status
from .i18n.status import REVIEW_ACTION


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


@hooks.register("register_admin_urls")
def register_translation_admin_urls():
    return [
        path("translations/", translation_status, name="portal_translation_status"),
        path(
            "translations/<int:page_id>/reviewed/",
            mark_translation_reviewed,
            name="portal_translation_reviewed",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"), reverse("portal_translation_status"), icon_name="site", order=50
    )


@hooks.register("register_admin_urls")
def register_easy_language_help_url():
    return [path("leichte-sprache/", easy_language_help, name="portal_easy_language_help")]


@hooks.register("register_help_menu_item")
def register_easy_language_help_menu_item():
    return MenuItem(
        _("Leichte Sprache: checklist"),
        reverse("portal_easy_language_help"),
        icon_name="help",
        order=900,
    )


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(REVIEW_ACTION, _("Translation reviewed"), _("Translation reviewed"))


@hooks.register("after_edit_page")
def say_when_publish_only_saved(request, page):
    """Wagtail answers "Publish" without the publish permission by saving a draft and saying
    "updated"; say plainly that nothing went live and what to do instead."""
    if request.method != "POST" or not request.POST.get("action-publish"):
        return None
    if page.permissions_for_user(request.user).can_publish():
        return None
    messages.warning(
        request,
        _(
            "Nothing was published: you may not publish this page. Your change is saved "
            "as a draft; submit it for moderation to have it approved."
        ),
    )
    return None


@hooks.register("before_delete_page")
def delete_needs_confirmation_and_no_lock(request, page):
    """Server-side rules for deleting a page (#15 item 4), which Wagtail 7.4 leaves to the form:

    - a page with many descendants (``WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT``) is deleted
      only when the site name was typed, also when the field is simply not sent;
    - a page locked by someone else is not deleted (Wagtail only refuses editing it).
    """
    if request.method != "POST":
        return None
    from django.conf import settings
    from django.contrib import messages
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _

    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        messages.error(request, _("This page is locked by someone else and cannot be deleted."))
        return redirect("wagtailadmin_pages:delete", page.pk)
    limit = getattr(settings, "WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT", 10)
    site_name = getattr(settings, "WAGTAIL_SITE_NAME", "wagtail")
    too_many = page.get_descendant_count() + 1 >= limit
    if too_many and request.POST.get("confirm_site_name") != site_name:
        messages.error(request, _("Please type “%(name)s” to confirm.") % {"name": site_name})
        return redirect("wagtailadmin_pages:delete", page.pk)
    return None


class ScheduledPublishingPanel(Component):
    """Dashboard, superusers only: a warning when ``publish_scheduled`` has stopped running."""

    name = "scheduled_publishing"
    template_name = "portal/admin/scheduled_publishing_panel.html"
    order = 10

    def get_context_data(self, parent_context):
        from .operations import heartbeat

        age = heartbeat.age_seconds()
        return {"age_minutes": None if age is None else age // 60, "stale": heartbeat.is_stale()}


@hooks.register("construct_homepage_panels")
def add_scheduled_publishing_panel(request, panels):
    from .operations import heartbeat

    if request.user.is_superuser and heartbeat.is_stale():
        panels.append(ScheduledPublishingPanel())
