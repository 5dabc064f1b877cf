"""Editor tools: the "verified today" action and the dashboard panel on verification."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.permissions import page_permission_policy

from .models import ServicePage, ServiceReport
from .verification import AGE_BUCKETS
from .viewsets import VERIFIED_CHOICES


def mark_verified(page, user):
    """Set ``assured_date`` to today and the assurer to ``user``; publish if allowed.

    Returns ``"published"`` or ``"draft"``. A user without publish permission saves a new
    draft revision instead, which then goes through moderation like any other change.
    """
    page = page.get_latest_revision_as_object()
    page.assured_date = timezone.localdate()
    page.assurer = user.get_full_name() or user.get_username()
    revision = page.save_revision(user=user, log_action=True)
    if page.permissions_for_user(user).can_publish():
        revision.publish(user=user)
        return "published"
    return "draft"


def verified_today(request, page_id):
    """GET: a confirmation form (works without JavaScript); POST: mark verified."""
    page = get_object_or_404(ServicePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = ""
    if request.method == "POST":
        outcome = mark_verified(page, request.user)
        if outcome == "published":
            messages.success(
                request, _("“%(title)s” is marked as verified today.") % {"title": page.title}
            )
        else:
            messages.success(
                request,
                _("“%(title)s”: verification saved as a draft for moderation.")
                % {"title": page.title},
            )
        return redirect(
            next_url or "wagtailadmin_explore", *([] if next_url else [page.get_parent().id])
        )
    return TemplateResponse(
        request,
        "services_directory/admin/verified_today_confirm.html",
        {"page": page, "next": next_url},
    )


class VerificationPanel(Component):
    """Dashboard: services counted by how long ago they were last verified, with links."""

    name = "directory_verification"
    template_name = "services_directory/admin/verification_panel.html"
    order = 150

    @staticmethod
    def editable_services(user):
        from .verification import source_services

        services = source_services(public=False)
        if user.is_superuser:
            return services
        allowed = page_permission_policy.instances_user_has_permission_for(user, "change")
        return services.filter(pk__in=allowed.type(ServicePage).values("pk"))

    def get_context_data(self, parent_context):
        from .verification import age_counts

        user = parent_context["request"].user
        counts = age_counts(self.editable_services(user))
        listing = reverse("services:index")
        labels = dict(VERIFIED_CHOICES)
        # Each link only for those who may open it: the reports are Verzeichnispflege's.
        may_read_reports = user.has_perm("services_directory.view_servicereport")
        return {
            "rows": [
                {
                    "label": labels[bucket],
                    "count": counts[bucket],
                    "url": f"{listing}?verified={bucket}",
                }
                for bucket in AGE_BUCKETS
            ],
            "open_reports": ServiceReport.objects.filter(status=ServiceReport.Status.OPEN).count()
            if may_read_reports
            else None,
            "reports_url": reverse("service_reports:index") + "?status=open"
            if may_read_reports
            else None,
        }

    def render_html(self, parent_context=None):
        """Only for those who maintain services (e.g. not for workspace managers)."""
        user = parent_context["request"].user
        if not (
            user.has_perm("services_directory.view_servicereport")
            or self.editable_services(user).exists()
        ):
            return ""
        return super().render_html(parent_context)


# --- Bulk import (HSDS zip or JSON): upload → report → confirm -----------------------------

IMPORT_PREFIX = "directory-imports/"
IMPORT_MAX_BYTES = 20 * 1024 * 1024
IMPORT_MAX_AGE = 24 * 3600  # seconds an uploaded file waits for confirmation


def import_permissions(user):
    """``(may_import, may_publish)`` on the German directory page."""
    from django.conf import settings

    from .models import ServiceDirectoryPage

    directory = ServiceDirectoryPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if directory is None or not user.is_authenticated:
        return False, False
    perms = directory.permissions_for_user(user)
    may_import = perms.can_add_subpage() and perms.can_edit()
    return may_import, may_import and perms.can_publish_subpage()


def _store(data, user):
    """Keep the upload in the (non-public) default storage; returns a signed token."""
    import uuid

    from django.core import signing
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    _remove_stale_uploads(default_storage)
    name = default_storage.save(f"{IMPORT_PREFIX}{uuid.uuid4().hex}.upload", ContentFile(data))
    return signing.dumps({"name": name, "user": user.pk}, salt="directory-import")


def _remove_stale_uploads(storage):
    """Uploads never confirmed are removed after ``IMPORT_MAX_AGE``."""
    import datetime

    limit = timezone.now() - datetime.timedelta(seconds=IMPORT_MAX_AGE)
    try:
        _dirs, files = storage.listdir(IMPORT_PREFIX)
    except (FileNotFoundError, NotImplementedError):
        return
    for file in files:
        name = IMPORT_PREFIX + file
        try:
            if storage.get_modified_time(name) < limit:
                storage.delete(name)
        except (FileNotFoundError, NotImplementedError):
            continue


def _load(token, user):
    """The stored upload for a token signed for this user, or ``(None, None)``."""
    from django.core import signing
    from django.core.files.storage import default_storage

    try:
        payload = signing.loads(token, salt="directory-import", max_age=IMPORT_MAX_AGE)
    except signing.BadSignature:
        return None, None
    name = payload.get("name", "")
    if payload.get("user") != user.pk or not name.startswith(IMPORT_PREFIX) or ".." in name:
        return None, None
    if not default_storage.exists(name):
        return None, None
    with default_storage.open(name, "rb") as handle:
        return name, handle.read()


def directory_import(request):
    """Step 1 (GET/POST file): upload and see the report; step 2 (POST token): confirm."""
    from django import forms
    from django.core.files.storage import default_storage

    from .hsds import exchange

    may_import, may_publish = import_permissions(request.user)
    if not may_import:
        raise PermissionDenied

    class UploadForm(forms.Form):
        file = forms.FileField(
            label=_("Import file"),
            help_text=_("HSDS 3.0: a zip of CSV files with datapackage.json, or a JSON file."),
        )

    context = {"may_publish": may_publish, "form": UploadForm(), "problems": None}
    if request.method == "POST" and "token" in request.POST:
        name, data = _load(request.POST["token"], request.user)
        if data is None:
            messages.error(request, _("The uploaded file has expired. Please upload it again."))
            return redirect("services_directory_import")
        publish = may_publish and request.POST.get("publish") == "1"
        try:
            problems, outcome = exchange.import_tables(
                exchange.read_file(data), publish=publish, user=request.user
            )
        except exchange.ImportFileError as exc:
            problems, outcome = [str(exc)], None
        default_storage.delete(name)
        if problems:
            context.update(problems=problems)
            return TemplateResponse(
                request, "services_directory/admin/directory_import.html", context
            )
        messages.success(
            request,
            _("Import finished: %(created)s created, %(updated)s updated.")
            % {"created": outcome.created, "updated": outcome.updated},
        )
        return redirect("services_directory_import")
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > IMPORT_MAX_BYTES:
                form.add_error("file", _("The file is larger than 20 MB."))
            else:
                data = upload.read()
                try:
                    tables = exchange.read_file(data, upload.name)
                    problems = exchange.validate(tables).problems
                    services = len(tables["services"])
                except exchange.ImportFileError as exc:
                    problems, services = [str(exc)], 0
                context.update(problems=problems, services=services, file_name=upload.name)
                if not problems:
                    context["token"] = _store(data, request.user)
    return TemplateResponse(request, "services_directory/admin/directory_import.html", context)
