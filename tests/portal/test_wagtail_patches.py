"""Contract tests for ``portal/patches/admin_privacy.py``: each fails when an upgrade of Wagtail or
wagtail-localize moves, renames or changes what a patch relies on, so the patch is re-checked
instead of silently doing nothing. The behaviour itself is tested through real admin requests
in ``tests/groups/test_admin_privacy.py`` and ``tests/portal/test_hardening.py``."""

import inspect

import wagtail
import wagtail_localize

from portal.patches import admin_privacy as wagtail_patches


def test_versions_the_patches_were_written_for():
    assert wagtail.__version__.startswith(wagtail_patches.WAGTAIL_VERSION + "."), (
        "Wagtail was upgraded: re-read every patch in portal/patches/admin_privacy.py against the "
        "new source, then update WAGTAIL_VERSION."
    )
    assert wagtail_localize.__version__.startswith(wagtail_patches.WAGTAIL_LOCALIZE_VERSION)


def _patched(target, name):
    return getattr(target, f"{wagtail_patches._APPLIED}_{name}", False)


def test_page_policy_class_is_patched_and_the_admin_api_still_builds_its_own():
    from wagtail.admin.api import views
    from wagtail.permission_policies.pages import PagePermissionPolicy

    assert _patched(PagePermissionPolicy, "pages")
    # The reason the class (not the shared instance) is patched:
    assert "PagePermissionPolicy().explorable_instances" in inspect.getsource(
        views.PagesAdminAPIViewSet.get_base_queryset
    )
    for name in (
        "explorable_instances",
        "instances_user_has_any_permission_for",
        "user_has_any_permission_for_instance",
    ):
        assert getattr(PagePermissionPolicy, name).__module__ == "portal.patches.admin_privacy", (
            name
        )
    # instances_user_has_permission_for goes through the patched "any" variant.
    assert "instances_user_has_any_permission_for" in inspect.getsource(
        PagePermissionPolicy.__mro__[1].instances_user_has_permission_for
    )


def test_bulk_actions_and_usage_report():
    from wagtail.admin.views.bulk_action.base_bulk_action import BulkAction
    from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
    from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

    assert _patched(PageBulkAction, "bulk") and _patched(PageTypesUsageReportView, "usage")
    source = inspect.getsource(BulkAction.get_context_data)
    assert "self.get_actionable_objects()" in source
    assert "last_edited_page" in inspect.getsource(PageTypesUsageReportView.get_queryset) + (
        inspect.getsource(PageTypesUsageReportView.decorate_paginated_queryset)
    )


def test_media_policies():
    from wagtail.admin.forms.collections import BaseCollectionMemberForm
    from wagtail.documents.permissions import permission_policy as documents
    from wagtail.images.permissions import permission_policy as images

    for policy in (documents, images):
        assert _patched(policy, "collections")
        assert policy.collections_user_has_any_permission_for.__module__ == (
            "portal.patches.admin_privacy"
        )
    # Upload forms take their collection choices from the (patched) policy.
    assert "collections_user_has_permission_for" in inspect.getsource(
        BaseCollectionMemberForm.__init__
    )


def test_localize_submission_and_report():
    from wagtail_localize import operations
    from wagtail_localize.views import report, submit_translations, update_translations

    assert _patched(submit_translations.SubmitTranslationView, "localize")
    assert submit_translations.translate_page_subtree is wagtail_patches.translate_visible_subtree
    # Our replacement mirrors the original's signature and use of TranslationCreator.
    original = inspect.signature(operations.translate_page_subtree)
    assert list(original.parameters) == ["page_id", "locales", "components", "user"]
    assert "TranslationCreator" in inspect.getsource(operations.translate_page_subtree)
    for view in (
        submit_translations.SubmitPageTranslationView,
        update_translations.UpdateTranslationsView,
    ):
        assert "self.get_object()" in inspect.getsource(view.dispatch) or (
            "self.get_object()" in inspect.getsource(view.__mro__[1].dispatch)
        )
        assert view.get_object.__module__ == "portal.patches.admin_privacy"
    assert _patched(report.TranslationsReportView, "report")


def test_page_form_and_csv_exports():
    from wagtail.admin.forms.pages import WagtailAdminPageForm
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    assert _patched(WagtailAdminPageForm, "references")
    assert _patched(SpreadsheetExportMixin, "csv")
    assert "preprocess_field_value" in inspect.getsource(SpreadsheetExportMixin.write_csv_row)


def test_wagtail_still_skips_the_checks_the_hooks_add():
    """Item 4: if Wagtail starts to enforce these itself, the hook can go."""
    from wagtail.admin.views.pages import delete, utils

    source = inspect.getsource(utils.type_to_delete_confirmation)
    assert 'request.POST.get("confirm_site_name")\n        and' in source
    assert "get_lock" not in inspect.getsource(delete.delete)


def test_subtree_counts_and_bulk_delete():
    """What the count, subtree and bulk-delete patches rely on (issue #15, items 1 and 4)."""
    from wagtail.admin.site_summary import PagesSummaryItem
    from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
    from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
    from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
    from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
    from wagtail.admin.views.pages.unpublish import Unpublish
    from wagtail.models import PagePermissionTester

    assert _patched(PagePermissionTester, "subtree") and _patched(DeleteBulkAction, "confirm")
    assert _patched(PublishBulkAction, "counts")
    # Moving needs delete rights, so the can_delete patch also covers moving a subtree.
    assert "self.can_delete(" in inspect.getsource(PagePermissionTester.can_move)
    # Wagtail still only checks a site name that is sent, and counts with these keys.
    source = inspect.getsource(DeleteBulkAction.get_context_data)
    assert '"type_to_confirm_before_delete"' in source and "descendant_count" in source
    for view, key in [
        (PublishBulkAction, "draft_descendant_count"),
        (UnpublishBulkAction, "live_descendant_count"),
        (MoveBulkAction, "child_pages"),
    ]:
        assert view.object_context.__module__ == "portal.patches.admin_privacy"
        assert f'"{key}"' in inspect.getsource(view)
    assert '"live_descendant_count"' in inspect.getsource(Unpublish)
    assert "total_pages" in inspect.getsource(PagesSummaryItem)
