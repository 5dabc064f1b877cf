"""Every patch the portal makes to Wagtail and wagtail-localize, in one place (issue #15).

Written against **Wagtail 7.4** and **wagtail-localize 1.14** (see ``uv.lock``). Each patch
has a contract test in ``tests/portal/test_wagtail_patches.py`` that fails when an upgrade
moves or renames what is patched, so an upgrade cannot silently reopen a leak.

Why patches at all: Wagtail has no "deny" permission and enforces view restrictions only
when a page or document is *served*. The public site's Editors, Moderators and translators
hold their permissions on the whole tree and the root collection, so without these patches
they would read workspace titles, drafts and documents in the admin (docs/privacy.md,
"Who sees what in the admin").

=========================================  ===============================================
patched                                     what it does
=========================================  ===============================================
``PagePermissionPolicy`` (the class)        explorable/permitted pages without the hidden
                                            workspace subtrees: explorer, search, reports,
                                            dashboards, site history and the admin pages
                                            API (which builds its own policy instance)
``PageBulkAction.get_actionable_objects``   bulk-action confirmations drop hidden pages
``PageTypesUsageReportView``                no "last edited" page from a hidden subtree
document and image permission policies      no document/image of a restricted collection
                                            the user may not view; no upload into one
``SubmitTranslationView.dispatch``,         wagtail-localize: submitting/updating needs
``UpdateTranslationsView.dispatch``         edit permission on the object itself; a
                                            subtree is translated without hidden pages
``TranslationsReportView.get_queryset``     the translations report drops hidden sources
``WagtailAdminPageForm.is_valid``           a page cannot be saved with a reference to a
                                            page, document or image its author may not
                                            choose (``portal.references``)
``SpreadsheetExportMixin``                  CSV exports neutralise formulas (``=HYPERLINK``)
=========================================  ===============================================
"""

from django.core.exceptions import PermissionDenied

from ..sanitize import csv_safe

WAGTAIL_VERSION = "7.4"
WAGTAIL_LOCALIZE_VERSION = "1.14"
UPSTREAM = {
    "wagtail.permission_policies.pages:PagePermissionPolicy.explorable_instances": "0f0a78df0dc9c6d6",
    "wagtail.permission_policies.pages:PagePermissionPolicy.instances_user_has_any_permission_for": "1be70f3ea7ef11c6",
    "wagtail.permission_policies.pages:PagePermissionPolicy.user_has_any_permission_for_instance": "9e8ada56e5e22a54",
    "wagtail.admin.api.views:PagesAdminAPIViewSet.get_base_queryset": "71ad37a70f0e0d6c",
    "wagtail.admin.views.bulk_action.base_bulk_action:BulkAction.get_actionable_objects": "e9b03108b7762f2a",
    "wagtail.admin.views.reports.page_types_usage:PageTypesUsageReportView.decorate_paginated_queryset": "0c2c529eb8b04fde",
    "wagtail.permission_policies.collections:CollectionOwnershipPermissionPolicy.user_has_any_permission_for_instance": "a391ebc7fc253766",
    "wagtail.permission_policies.collections:CollectionOwnershipPermissionPolicy.instances_user_has_any_permission_for": "f1425a6ef9b993be",
    "wagtail.permission_policies.collections:CollectionOwnershipPermissionPolicy.collections_user_has_any_permission_for": "d5ee8872463df93f",
    "wagtail_localize.views.submit_translations:SubmitPageTranslationView.get_object": "79eabb22ab7cdceb",
    "wagtail_localize.views.update_translations:UpdateTranslationsView.get_object": "1023e14a7aaf6565",
    "wagtail_localize.operations:translate_page_subtree": "b4478f32f56585e6",
    "wagtail_localize.views.report:TranslationsReportView.get_queryset": "9fedb606e138e38b",
    "wagtail.admin.forms.pages:WagtailAdminPageForm.is_valid": "8cb7436dccf25cbd",
    "wagtail.admin.views.mixins:SpreadsheetExportMixin.preprocess_field_value": "c5ca33c8304b573a",
}
CONTRACT_TEST = "tests/portal/test_wagtail_patches.py"

_APPLIED = "_portal_patched"


def _once(target, name):
    """True the first time ``target.name`` is patched; marks it."""
    marker = f"{_APPLIED}_{name}"
    if getattr(target, marker, False):
        return False
    setattr(target, marker, True)
    return True


def hidden_pages_q(user):
    from ..privacy import admin_hidden_pages_q

    return admin_hidden_pages_q(user)


def page_is_hidden_from(user, page):
    from ..privacy import admin_page_hidden

    return admin_page_hidden(user, page)


# --- Pages: the permission policy class --------------------------------------------------------


def patch_page_permission_policy():
    from wagtail.permission_policies.pages import PagePermissionPolicy

    if not _once(PagePermissionPolicy, "pages"):
        return
    explorable = PagePermissionPolicy.explorable_instances
    instances_for = PagePermissionPolicy.instances_user_has_any_permission_for
    for_instance = PagePermissionPolicy.user_has_any_permission_for_instance

    def _narrow(queryset, user):
        hidden = hidden_pages_q(user)
        return queryset if hidden is None else queryset.exclude(hidden)

    def explorable_instances(self, user):
        return _narrow(explorable(self, user), user)

    def instances_user_has_any_permission_for(self, user, actions):
        return _narrow(instances_for(self, user, actions), user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        if page_is_hidden_from(user, instance):
            return False
        return for_instance(self, user, actions, instance)

    PagePermissionPolicy.explorable_instances = explorable_instances
    PagePermissionPolicy.instances_user_has_any_permission_for = (
        instances_user_has_any_permission_for
    )
    PagePermissionPolicy.user_has_any_permission_for_instance = user_has_any_permission_for_instance


def patch_page_bulk_actions():
    """Bulk-action confirmation pages list neither actionable nor refused hidden pages."""
    from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction

    if not _once(PageBulkAction, "bulk"):
        return
    original = PageBulkAction.get_actionable_objects

    def get_actionable_objects(self):
        objects, extra = original(self)
        user = self.request.user
        objects = [page for page in objects if not page_is_hidden_from(user, page)]
        extra["items_with_no_access"] = [
            page for page in extra["items_with_no_access"] if not page_is_hidden_from(user, page)
        ]
        return objects, extra

    PageBulkAction.get_actionable_objects = get_actionable_objects


def patch_page_types_usage_report():
    from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

    if not _once(PageTypesUsageReportView, "usage"):
        return
    original = PageTypesUsageReportView.decorate_paginated_queryset

    def decorate_paginated_queryset(self, page_types):
        page_types = original(self, page_types)
        user = self.request.user
        for item in page_types:
            page = item.last_edited_page
            if page is not None and page_is_hidden_from(user, page):
                item.last_edited_page = None
        return page_types

    PageTypesUsageReportView.decorate_paginated_queryset = decorate_paginated_queryset


# --- Documents and images: restricted collections ----------------------------------------------


def _narrow_collection_policy(policy):
    """Hide the media of restricted collections the user may not view; refuse uploads there."""

    from ..privacy import admin_hidden_collections, document_visibility

    if not _once(policy, "collections"):
        return
    any_for_instance = policy.user_has_any_permission_for_instance
    instances_for = policy.instances_user_has_any_permission_for
    collections_for = policy.collections_user_has_any_permission_for

    _hidden_collections = admin_hidden_collections

    def user_has_any_permission_for_instance(user, actions, instance):
        if not document_visibility(user)(instance):
            return False
        return any_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(user, actions):
        queryset = instances_for(user, actions)
        hidden = _hidden_collections(user)
        if hidden is not None:
            # By id: the admin search can filter on ids, not on collection paths.
            ids = list(
                queryset.model.objects.filter(collection__in=hidden).values_list("pk", flat=True)
            )
            queryset = queryset.exclude(pk__in=ids)
        return queryset

    def collections_user_has_any_permission_for(user, actions):
        """Upload and "move to" choices: no restricted collection the user may not view."""
        queryset = collections_for(user, actions)
        hidden = _hidden_collections(user)
        if hidden is not None:
            queryset = queryset.exclude(pk__in=hidden.values("pk"))
        return queryset

    policy.user_has_any_permission_for_instance = user_has_any_permission_for_instance
    policy.instances_user_has_any_permission_for = instances_user_has_any_permission_for
    policy.collections_user_has_any_permission_for = collections_user_has_any_permission_for


def patch_media_permission_policies():
    from wagtail.documents.permissions import permission_policy as documents
    from wagtail.images.permissions import permission_policy as images

    _narrow_collection_policy(documents)
    _narrow_collection_policy(images)


# --- wagtail-localize ----------------------------------------------------------------------------


def _require_edit_permission(view):
    """Translating an object needs edit permission on that object, not only the global
    "submit translation" permission."""
    from wagtail.models import Page

    instance = view.object
    user = view.request.user
    if isinstance(instance, Page) and not instance.permissions_for_user(user).can_edit():
        raise PermissionDenied


def patch_localize_submission():
    from wagtail_localize.views import submit_translations, update_translations

    SubmitView = submit_translations.SubmitTranslationView
    UpdateView = update_translations.UpdateTranslationsView
    if not _once(SubmitView, "localize"):
        return

    for view_class in (submit_translations.SubmitPageTranslationView, UpdateView):
        original_get_object = view_class.get_object

        def get_object(self, _original=original_get_object):
            self.object = _original(self)
            _require_edit_permission(self)
            return self.object

        view_class.get_object = get_object

    submit_translations.translate_page_subtree = translate_visible_subtree


def translate_visible_subtree(page_id, locales, components, user):
    """``translate_page_subtree`` of wagtail-localize 1.14 that skips, with their
    descendants, the pages ``user`` may not edit (workspaces below a public page)."""
    from wagtail.models import Page
    from wagtail_localize.operations import TranslationCreator

    translator = TranslationCreator(user, locales)

    def walk(parent):
        for child in parent.get_children().specific():
            if not child.permissions_for_user(user).can_edit():
                continue
            translator.create_translations(child)
            if child.numchild:
                walk(child)

    walk(Page.objects.get(id=page_id))
    if components is not None:
        components.save(translator, sources_and_translations=translator.mappings)


def patch_localize_report():
    from wagtail.models import Page
    from wagtail_localize.views.report import TranslationsReportView

    if not _once(TranslationsReportView, "report"):
        return
    original = TranslationsReportView.get_queryset

    def get_queryset(self):
        queryset = original(self)
        hidden = hidden_pages_q(self.request.user)
        if hidden is not None:
            keys = Page.objects.filter(hidden).values("translation_key")
            queryset = queryset.exclude(source__object_id__in=keys)
        return queryset

    TranslationsReportView.get_queryset = get_queryset


# --- Page forms: references the author may not choose -------------------------------------------


def patch_page_form_references():
    from wagtail.admin.forms.pages import WagtailAdminPageForm

    from ..references import add_reference_errors

    if not _once(WagtailAdminPageForm, "references"):
        return
    original = WagtailAdminPageForm.is_valid

    def is_valid(self):
        valid = original(self)
        if valid and getattr(self, "for_user", None) is not None:
            return add_reference_errors(self, self.for_user)
        return valid

    WagtailAdminPageForm.is_valid = is_valid


# --- Spreadsheet exports: no formula injection -------------------------------------------------


def patch_csv_exports():
    """Every admin report's CSV export (Wagtail's ``SpreadsheetExportMixin``), the login
    report included. XLSX cells are already written as text by Wagtail."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    if not _once(SpreadsheetExportMixin, "csv"):
        return
    original = SpreadsheetExportMixin.preprocess_field_value

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        if export_format == self.FORMAT_CSV:
            value = csv_safe(value)
        return value

    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value


def apply():
    """Called once from ``PortalConfig.ready``."""
    patch_page_permission_policy()
    patch_page_bulk_actions()
    patch_page_types_usage_report()
    patch_media_permission_policies()
    patch_localize_submission()
    patch_localize_report()
    patch_page_form_references()
    patch_csv_exports()
