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
``DeleteBulkAction.post``, ``check_perm``   bulk delete needs the typed site name when many
                                            pages go (also when the field is not sent) and
                                            skips pages locked by someone else
``PagePermissionTester.can_delete``,        no deleting, and no copying with subpages, of a
``can_copy_to``                             page whose subtree holds hidden workspace pages
child-page counts (bulk publish, unpublish,  count only the pages the user may see, so no
move; unpublish view; dashboard summary)     number reveals hidden workspace pages
``PageTypesUsageReportView``                no "last edited" page from a hidden subtree
document and image permission policies      no document/image of a restricted collection
                                            the user may not view; no upload into one
images' bulk "add to collection" form       no restricted collection to move images into
                                            (images are public files; #15 item 6)
``SubmitTranslationView.dispatch``,         wagtail-localize: submitting/updating needs
``UpdateTranslationsView.dispatch``         edit permission on the object itself; a
                                            subtree is translated without hidden pages
``TranslationsReportView.get_queryset``     the translations report drops hidden sources
``WagtailAdminPageForm.is_valid``           a page cannot be saved with a reference to a
                                            page, document or image its author may not
                                            choose (``portal.security.references``)
``SpreadsheetExportMixin``                  CSV exports neutralise formulas (``=HYPERLINK``)
=========================================  ===============================================
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from ..security.sanitize import csv_safe

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


def has_hidden_descendants(user, page):
    """True when ``page``'s subtree holds pages hidden from ``user`` (never for superusers)."""
    hidden = hidden_pages_q(user)
    return hidden is not None and page.get_descendants().filter(hidden).exists()


def visible_descendants(user, page):
    """``page``'s descendants without the subtrees hidden from ``user``."""
    descendants = page.get_descendants()
    hidden = hidden_pages_q(user)
    return descendants if hidden is None else descendants.exclude(hidden)


def patch_destructive_subtree_actions():
    """A user who may not see all of a subtree may not delete it or copy it with its
    subpages: deleting would destroy workspace pages they cannot see, and the confirmation
    would print how many there are."""
    from wagtail.models import PagePermissionTester

    if not _once(PagePermissionTester, "subtree"):
        return
    can_delete = PagePermissionTester.can_delete
    can_copy_to = PagePermissionTester.can_copy_to

    def patched_can_delete(self, ignore_bulk=False):
        if not can_delete(self, ignore_bulk=ignore_bulk):
            return False
        return not has_hidden_descendants(self.user, self.page)

    def patched_can_copy_to(self, destination, recursive=False):
        if recursive and has_hidden_descendants(self.user, self.page):
            return False
        return can_copy_to(self, destination, recursive=recursive)

    PagePermissionTester.can_delete = patched_can_delete
    PagePermissionTester.can_copy_to = patched_can_copy_to


def patch_bulk_delete_confirmation():
    """Bulk delete (#15 item 4, as for the single delete view in ``portal.wagtail_hooks``):
    with ``WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT`` pages or more the site name must be
    typed, also when a crafted request leaves the field out (Wagtail only checks a value that
    is sent); a page locked by someone else is not deletable in bulk either."""
    from django.conf import settings
    from django.utils.translation import gettext as _

    from wagtail.admin import messages
    from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction

    if not _once(DeleteBulkAction, "confirm"):
        return
    check_perm = DeleteBulkAction.check_perm

    def patched_check_perm(self, page):
        lock = page.get_lock()
        if lock is not None and lock.for_user(self.request.user):
            return False
        return check_perm(self, page)

    def post(self, request):
        site_name = getattr(settings, "WAGTAIL_SITE_NAME", "wagtail")
        context = self.get_context_data()
        if context["type_to_confirm_before_delete"] and (
            request.POST.get("confirm_site_name") != site_name
        ):
            messages.error(request, _("Please type “%(name)s” to confirm.") % {"name": site_name})
            return self.render_to_response(context)
        return super(DeleteBulkAction, self).post(request)

    DeleteBulkAction.check_perm = patched_check_perm
    DeleteBulkAction.post = post


def patch_descendant_counts():
    """Counts of child pages shown in the admin leave out the pages hidden from the user."""
    from wagtail.admin.site_summary import PagesSummaryItem
    from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
    from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
    from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
    from wagtail.admin.views.pages.unpublish import Unpublish

    if not _once(PublishBulkAction, "counts"):
        return

    def recount(view_class, key, count):
        original = view_class.object_context

        def object_context(self, page):
            context = original(self, page)
            context[key] = count(visible_descendants(self.request.user, page))
            return context

        view_class.object_context = object_context

    recount(PublishBulkAction, "draft_descendant_count", lambda pages: pages.not_live().count())
    recount(UnpublishBulkAction, "live_descendant_count", lambda pages: pages.live().count())
    recount(MoveBulkAction, "child_pages", lambda pages: pages.count())

    unpublish_context = Unpublish.get_context_data

    def get_context_data(self, **kwargs):
        context = unpublish_context(self, **kwargs)
        user = self.request.user
        context["live_descendant_count"] = visible_descendants(user, self.object).live().count()
        context["translation_descendant_count"] = sum(
            visible_descendants(user, page).filter(alias_of__isnull=True).live().count()
            for page in self.objects_to_unpublish[1:]
        )
        return context

    Unpublish.get_context_data = get_context_data

    summary_context = PagesSummaryItem.get_context_data

    def summary_get_context_data(self, parent_context):
        from wagtail.models import Page

        context = summary_context(self, parent_context)
        hidden = hidden_pages_q(self.request.user)
        root = context["root_page"]
        if hidden is not None and root is not None:
            hidden_count = Page.objects.filter(hidden).descendant_of(root, inclusive=True)
            context["total_pages"] -= hidden_count.count()
        return context

    PagesSummaryItem.get_context_data = summary_get_context_data


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


def restricted_collections():
    """Collections under a view restriction, with their descendants (restrictions apply to
    the whole subtree)."""
    from wagtail.models import Collection, CollectionViewRestriction

    q = Q(pk__in=[])
    for path in Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection")
    ).values_list("path", flat=True):
        q |= Q(path__startswith=path)
    return Collection.objects.filter(q)


def patch_image_bulk_collection_choices():
    """The image form refuses private collections (``home.forms.ImageForm``); the bulk
    "add to collection" action has its own form, which must not offer them either."""
    from wagtail.images.views.bulk_actions.add_to_collection import CollectionForm

    if not _once(CollectionForm, "images"):
        return
    original = CollectionForm.__init__

    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        field = self.fields["collection"]
        field.queryset = field.queryset.exclude(pk__in=restricted_collections().values("pk"))

    CollectionForm.__init__ = __init__


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

    from ..security.references import add_reference_errors

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
    patch_destructive_subtree_actions()
    patch_bulk_delete_confirmation()
    patch_descendant_counts()
    patch_page_types_usage_report()
    patch_media_permission_policies()
    patch_image_bulk_collection_choices()
    patch_localize_submission()
    patch_localize_report()
    patch_page_form_references()
    patch_csv_exports()
