"""Keeping the directory up to date: reports on entries and town limits of editor groups."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .service import ServicePage
from .taxonomy import Town, _checkbox


class ServiceReport(models.Model):
    """A note that an entry may be out of date: a task for the directory editors.

    Providers write one from their verification page ("something changed"), visitors from
    the form "Hinweis zu diesem Eintrag" on the service page. A report never changes the
    entry itself; an editor reads it, edits the service if needed and marks it done.
    """

    class Source(models.TextChoices):
        PROVIDER = "provider", _("provider (verification link)")
        VISITOR = "visitor", _("visitor (feedback form)")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")

    service = models.ForeignKey(
        ServicePage,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="reports",
        help_text="Das Angebot, auf das sich der Hinweis bezieht.",
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, help_text="Wer hat den Hinweis gegeben?"
    )
    message = models.TextField(_("message"), help_text="Was laut Hinweis nicht mehr stimmt.")
    reporter_email = models.EmailField(
        _("reporter's e-mail"), blank=True, help_text="Für Rückfragen; freiwillige Angabe."
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.OPEN,
        help_text="„Erledigt“, sobald der Eintrag geprüft oder korrigiert ist.",
    )
    editor_note = models.TextField(
        _("editor's note"), blank=True, help_text="Interne Notiz der Redaktion (nicht öffentlich)."
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    panels = [
        FieldPanel("service", read_only=True),
        FieldPanel("source", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("reporter_email", read_only=True),
        FieldPanel("status"),
        FieldPanel("editor_note"),
    ]

    class Meta:
        verbose_name = _("report on an entry")
        verbose_name_plural = _("reports on entries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.service.title}: {self.short_message}"

    @property
    def short_message(self):
        return self.message if len(self.message) <= 80 else self.message[:79] + "…"


class DirectoryTeamScope(models.Model):
    """Limits the members of one group to the services of some towns (optional).

    E.g. a group "Verzeichnispflege Hilden" with the page permissions of Verzeichnispflege
    and this scope "Hilden": its members may open, change, delete, copy and move only
    services that serve Hilden, and every service they save must keep serving Hilden.
    Belonging to any scoped group limits a user (superusers excepted); see docs/editorial.md.
    """

    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="directory_scope",
        help_text="Die Gruppe, deren Mitglieder nur Angebote dieser Städte pflegen.",
    )
    towns = models.ManyToManyField(
        Town,
        verbose_name=_("towns"),
        related_name="+",
        help_text="Städte (deutsche Einträge), deren Angebote die Gruppe pflegen darf.",
    )

    panels = [FieldPanel("group"), FieldPanel("towns", widget=_checkbox())]

    class Meta:
        verbose_name = _("town limit of a directory group")
        verbose_name_plural = _("town limits of directory groups")

    def __str__(self):
        return f"{self.group.name}: {', '.join(t.name for t in self.towns.all())}"

    @classmethod
    def allowed_town_ids(cls, user):
        """None when ``user`` is not limited; else the ids of the towns they may maintain."""
        if not user.is_authenticated or user.is_superuser:
            return None
        scopes = cls.objects.filter(group__in=user.groups.all())
        if not scopes.exists():
            return None
        return set(Town.objects.filter(pk__in=scopes.values("towns")).values_list("pk", flat=True))

    @classmethod
    def user_may_maintain(cls, user, service):
        allowed = cls.allowed_town_ids(user)
        if allowed is None:
            return True
        return bool(allowed & {town.pk for town in service.towns.all()})
