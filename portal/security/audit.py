"""Security audit: logins and permission changes in Wagtail's audit log, and a report of them.

Wagtail already logs every change to pages, snippets, documents, users and groups. This
module adds what it does not log, as entries of Wagtail's own log (``ModelLogEntry``, so
they also show in a user's or group's history and in "Site history"):

- ``portal.login`` / ``portal.login_failed``: every login at ``/admin/`` and at the member
  login, successful or not, with the client address (as django-axes sees it, so behind a
  proxy ``PROXY_COUNT`` applies) and whether django-axes had locked the account;
- ``portal.groups``: a user added to or removed from a group (Wagtail's user form, the
  workspace member pages, the shell — any path that changes ``user.groups``);
- ``portal.permissions``: a group's model permissions, page permissions or collection
  permissions added or removed;
- ``portal.superuser``: the superuser flag granted or revoked.

The report "Logins and permissions" (Reports menu, superusers only) lists these entries.
Imported from ``PortalConfig.ready()``.
"""

import django_filters

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver
from django.forms import Media
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import AdminOnlyMenuItem
from wagtail.admin.ui.tables import Column, DateColumn, UserColumn
from wagtail.admin.views.reports import ReportView
from wagtail.log_actions import LogFormatter, log
from wagtail.models import GroupCollectionPermission, GroupPagePermission, ModelLogEntry

ACTIONS = {
    "portal.login": _("Login"),
    "portal.login_failed": _("Failed login"),
    "portal.groups": _("Group membership"),
    "portal.permissions": _("Group permissions"),
    "portal.superuser": _("Superuser status"),
}
UNKNOWN_ACCOUNT_ID = "0"  # object id of failed logins with a user name that does not exist


class AuditFormatter(LogFormatter):
    """Readable messages for the portal's audit entries (used in every Wagtail history)."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        action = log_entry.action
        address = data.get("ip") or _("unknown address")
        if action == "portal.login":
            return _("Logged in (%(via)s) from %(ip)s") % {"via": data.get("via"), "ip": address}
        if action == "portal.login_failed":
            if data.get("locked"):
                return _("Login refused (locked out) from %(ip)s") % {"ip": address}
            return _("Login failed from %(ip)s") % {"ip": address}
        if action == "portal.superuser":
            if data.get("is_superuser"):
                return _("Superuser status granted")
            return _("Superuser status revoked")
        parts = []
        if data.get("added"):
            parts.append(_("added: %(items)s") % {"items": ", ".join(data["added"])})
        if data.get("removed"):
            parts.append(_("removed: %(items)s") % {"items": ", ".join(data["removed"])})
        return "; ".join(str(part) for part in parts)


@hooks.register("register_log_actions")
def register_audit_actions(actions):
    for action, label in ACTIONS.items():
        formatter = type("_AuditFormatter", (AuditFormatter,), {"label": label})
        actions.register_action(action)(formatter)


# --- Logins -----------------------------------------------------------------------------------


def _client_address(request):
    from axes.helpers import get_client_ip_address

    try:
        return get_client_ip_address(request)
    except Exception:  # a request built in code (test client, shell) may lack META
        return None


def _via(request):
    return "admin" if request.path.startswith("/admin/") else "site"


@receiver(user_logged_in, dispatch_uid="portal_audit_login")
def log_login(sender, request, user, **kwargs):
    if request is None or not getattr(request, "path", ""):
        return  # logins made in code (force_login in tests, scripts): nobody to audit
    log(
        user, "portal.login", user=user, data={"ip": _client_address(request), "via": _via(request)}
    )


def _locked_out(request, credentials):
    """Was this attempt refused by django-axes (the account was already locked)?"""
    from axes.handlers.proxy import AxesProxyHandler

    if getattr(request, "axes_locked_out", False):
        return True
    try:
        return bool(AxesProxyHandler.is_locked(request, credentials))
    except Exception:
        return False


@receiver(user_login_failed, dispatch_uid="portal_audit_login_failed")
def log_failed_login(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    User = get_user_model()
    username = str(credentials.get(User.USERNAME_FIELD) or credentials.get("username") or "")[:150]
    data = {
        "ip": _client_address(request),
        "via": _via(request),
        "username": username,
        "locked": _locked_out(request, credentials),
    }
    account = User.objects.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    if account is not None:
        log(account, "portal.login_failed", data=data)
    else:
        ModelLogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(User),
            object_id=UNKNOWN_ACCOUNT_ID,
            label=username or "–",
            action="portal.login_failed",
            timestamp=timezone.now(),
            data=data,
        )


# --- Group membership and the superuser flag --------------------------------------------------


@receiver(post_save, sender=Group, dispatch_uid="portal_audit_raw_group")
@receiver(post_save, sender=get_user_model(), dispatch_uid="portal_audit_raw_user")
def mark_loaded_from_fixture(sender, instance, raw=False, **kwargs):
    """Loading a fixture (``raw``) sets many-to-many fields next: that is no change."""
    if raw:
        instance._audit_loading = True


def _loading(instance):
    return getattr(instance, "_audit_loading", False)


def _names(model, pks):
    return sorted(str(obj) for obj in model.objects.filter(pk__in=pks))


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="portal_audit_groups")
def log_membership(sender, instance, action, reverse, pk_set, **kwargs):
    User = get_user_model()
    if _loading(instance):
        return
    if action == "pre_clear":
        # The set that is about to go, remembered for post_clear.
        related = instance.user_set if reverse else instance.groups
        instance._audit_cleared = set(related.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_audit_cleared", set())
    if not pk_set:
        return
    key = "added" if action == "post_add" else "removed"
    if reverse:  # group.user_set.add(user, …): one entry per user
        for user in User.objects.filter(pk__in=pk_set):
            log(user, "portal.groups", data={key: [instance.name]})
    else:
        log(instance, "portal.groups", data={key: _names(Group, pk_set)})


@receiver(pre_save, sender=get_user_model(), dispatch_uid="portal_audit_superuser_before")
def remember_superuser_flag(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or (update_fields is not None and "is_superuser" not in update_fields):
        return  # e.g. the last_login update of every login
    before = None
    if instance.pk:
        before = (
            sender.objects.filter(pk=instance.pk).values_list("is_superuser", flat=True).first()
        )
    instance._audit_was_superuser = bool(before)


@receiver(post_save, sender=get_user_model(), dispatch_uid="portal_audit_superuser")
def log_superuser_flag(sender, instance, created, **kwargs):
    if not hasattr(instance, "_audit_was_superuser"):
        return
    was = instance.__dict__.pop("_audit_was_superuser")
    if bool(instance.is_superuser) != was and (instance.is_superuser or not created):
        log(instance, "portal.superuser", data={"is_superuser": instance.is_superuser})


# --- Group permissions ------------------------------------------------------------------------


def _describe(permission):
    """'publish_page – page "Über KIM"', or 'app.codename' for a model permission.

    Stored in the log as written, so not translated (codenames are not either).
    """
    if isinstance(permission, Permission):
        return f"{permission.content_type.app_label}.{permission.codename}"
    if isinstance(permission, GroupPagePermission):
        return f'{permission.permission.codename} – page "{permission.page.title}"'
    return f'{permission.permission.codename} – collection "{permission.collection.name}"'


@receiver(m2m_changed, sender=Group.permissions.through, dispatch_uid="portal_audit_perms")
def log_model_permissions(sender, instance, action, reverse, pk_set, **kwargs):
    if _loading(instance):
        return
    if action == "pre_clear" and not reverse:
        instance._audit_cleared = set(instance.permissions.values_list("pk", flat=True))
        return
    if reverse or action not in ("post_add", "post_remove", "post_clear"):
        return
    if action == "post_clear":
        pk_set = getattr(instance, "_audit_cleared", set())
    if pk_set:
        described = sorted(
            _describe(p)
            for p in Permission.objects.filter(pk__in=pk_set).select_related("content_type")
        )
        log(
            instance,
            "portal.permissions",
            data={"added" if action == "post_add" else "removed": described},
        )


@receiver(post_save, sender=GroupPagePermission, dispatch_uid="portal_audit_page_perm_add")
@receiver(post_save, sender=GroupCollectionPermission, dispatch_uid="portal_audit_coll_perm_add")
def log_object_permission_added(sender, instance, created, raw=False, **kwargs):
    if created and not raw:  # raw: loaded from a fixture, not a change
        log(instance.group, "portal.permissions", data={"added": [_describe(instance)]})


@receiver(post_delete, sender=GroupPagePermission, dispatch_uid="portal_audit_page_perm_del")
@receiver(post_delete, sender=GroupCollectionPermission, dispatch_uid="portal_audit_coll_perm_del")
def log_object_permission_removed(sender, instance, **kwargs):
    log(instance.group, "portal.permissions", data={"removed": [_describe(instance)]})


class PermissionAuditPanel:
    """An invisible panel of the admin's group editor that logs bulk-created permissions.

    Wagtail's page and collection permission formsets add rows with ``bulk_create``, which
    sends no signal. This panel, saved after them, logs the rows that did not exist when
    the form was opened. (Deletions send signals and are logged above.)
    """

    media = Media()

    def __init__(self, data=None, files=None, instance=None, prefix=None, **kwargs):
        self.group = instance
        self.before = self._current() if instance is not None and instance.pk else {}

    def _current(self):
        rows = {}
        for model in (GroupPagePermission, GroupCollectionPermission):
            for row in model.objects.filter(group=self.group):
                rows[(model, row.pk)] = row
        return rows

    def is_valid(self):
        return True

    def save(self):
        added = [row for key, row in self._current().items() if key not in self.before]
        if added:
            log(
                self.group,
                "portal.permissions",
                data={"added": sorted(_describe(r) for r in added)},
            )

    def as_admin_panel(self):
        return ""


@hooks.register("register_group_permission_panel", order=10_000)
def register_permission_audit_panel():
    return PermissionAuditPanel


# --- The report -------------------------------------------------------------------------------


class SecurityLogFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=_("Event"), choices=list(ACTIONS.items()))
    timestamp = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    label = django_filters.CharFilter(label=_("Account or group"), lookup_expr="icontains")

    class Meta:
        model = ModelLogEntry
        fields = ["action", "timestamp", "label"]


class SecurityLogView(ReportView):
    """Logins and permission changes, newest first; superusers only."""

    page_title = _("Logins and permissions")
    header_icon = "key"
    filterset_class = SecurityLogFilterSet
    index_url_name = "portal_security_log"
    index_results_url_name = "portal_security_log_results"
    columns = [
        DateColumn("timestamp", label=_("Date / Time")),
        Column("action_label", label=_("Event"), accessor=lambda e: ACTIONS.get(e.action)),
        Column("label", label=_("Account or group")),
        Column("message", label=_("Details")),
        UserColumn("user", label=_("By"), blank_display_name="–"),
    ]
    list_export = ["timestamp", "action_label", "label", "message", "ip", "user_display_name"]
    export_headings = {
        "timestamp": _("Date / Time"),
        "action_label": _("Event"),
        "label": _("Account or group"),
        "message": _("Details"),
        "ip": _("Address"),
        "user_display_name": _("By"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return (
            ModelLogEntry.objects.filter(action__in=ACTIONS)
            .select_related("user", "content_type")
            .order_by("-timestamp", "-pk")
        )

    def decorate_paginated_queryset(self, entries):
        for entry in entries:
            entry.action_label = ACTIONS[entry.action]
            entry.ip = (entry.data or {}).get("ip") or ""
        return entries

    def get_filename(self):
        return "logins-and-permissions-" + timezone.localdate().isoformat()


@hooks.register("register_admin_urls")
def register_security_log_urls():
    return [
        path("reports/security/", SecurityLogView.as_view(), name="portal_security_log"),
        path(
            "reports/security/results/",
            SecurityLogView.as_view(results_only=True),
            name="portal_security_log_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_security_log_menu_item():
    return AdminOnlyMenuItem(
        _("Logins and permissions"), reverse("portal_security_log"), icon_name="key", order=900
    )
