"""Minutes notifications: members hear that minutes exist, never what they say.

When a meeting with minutes is published for the first time with minutes, every active
member (and manager) of its workspace who has not opted out gets an e-mail in the language
of their profile, with a link to the meeting in that language where it exists.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.signals import page_published

from .models import MeetingPage, MinutesNotification


def _link_for(meeting, language):
    # An alias goes live together with its source, possibly just after this signal.
    localized = (
        Page.objects.filter(translation_key=meeting.translation_key, locale__language_code=language)
        .filter(Q(live=True) | Q(alias_of=meeting))
        .first()
    )
    return (localized or meeting).get_full_url()


@receiver(page_published, sender=MeetingPage)
def announce_minutes(sender, instance, **kwargs):
    meeting = instance
    if meeting.alias_of_id or not meeting.has_minutes:
        return
    if meeting.locale.language_code != settings.LANGUAGE_CODE:
        return
    notification, created = MinutesNotification.objects.get_or_create(
        translation_key=meeting.translation_key
    )
    if not created:
        return
    workspace = meeting.get_parent().specific.get_source()
    recipients = (
        get_user_model()
        .objects.filter(
            is_active=True, groups__in=[workspace.group_id, workspace.managers_group_id]
        )
        .exclude(email="")
        .exclude(member_profile__notify_minutes=False)
        .select_related("member_profile")
        .distinct()
    )
    sent = 0
    for user in recipients:
        profile = getattr(user, "member_profile", None)
        language = profile.language if profile else settings.LANGUAGE_CODE
        with translation.override(language):
            context = {
                "workspace_title": workspace.title,
                "url": _link_for(meeting, language),
                "name": user.get_full_name() or user.get_username(),
            }
            subject = _("New minutes in %(workspace)s") % {"workspace": workspace.title}
            body = render_to_string("groups/email/minutes_published.txt", context)
        send_mail(subject, body, None, [user.email])
        sent += 1
    notification.recipients = sent
    notification.save(update_fields=["recipients"])
