"""A member's own settings, calendar token, and the log of announced minutes."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# --- Members' own settings ---------------------------------------------------------------------


class MemberProfile(models.Model):
    """A member's language for e-mails and whether they want minutes notifications."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member_profile"
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text="Sprache der E-Mails an dieses Mitglied.",
    )
    notify_minutes = models.BooleanField(
        _("e-mail me when minutes are published"),
        default=True,
        help_text="E-Mail, wenn ein Protokoll veröffentlicht wird.",
    )

    class Meta:
        verbose_name = _("member profile")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        return cls.objects.get_or_create(user=user)[0]


def _new_token():
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in a member's personal iCal feed URL; deleting it revokes the feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(max_length=100, unique=True, default=_new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("calendar token")

    def __str__(self):
        return f"{self.user} ({self.created_at:%Y-%m-%d})"


class MinutesNotification(models.Model):
    """Which meetings' minutes have been announced already (one mail per meeting)."""

    translation_key = models.UUIDField(unique=True)
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.translation_key} ({self.sent_at:%Y-%m-%d})"
