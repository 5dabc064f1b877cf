"""Admin registration of the portal's own tools: the freshness report, the translation status
report and its "Mark as reviewed" action."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import FreshnessReportView
from .freshness import user_may_see_report
from .translation_admin import mark_translation_reviewed, translation_status
from .translation_status import REVIEW_ACTION


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
