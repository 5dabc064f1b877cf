"""Inviting and removing workspace members.

An invitation adds the person to the workspace's member group, creating the account first
when the address is new (with an unusable password), and mails a one-time link to set a
password. The link is Django's password-reset token: it stops working once the password is
set, and after ``PASSWORD_RESET_TIMEOUT``.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from portal.privacy import forget_groups

from .models import MemberProfile


def find_or_create_user(email):
    """The account with this e-mail address (case-insensitive); created when missing."""
    User = get_user_model()
    email = User.objects.normalize_email(email).strip()
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is not None:
        return user, False
    username = email.lower()
    suffix = 1
    while User.objects.filter(username=username).exists():
        suffix += 1
        username = f"{email.lower()}-{suffix}"
    user = User(username=username[:150], email=email, is_active=True)
    user.set_unusable_password()
    user.save()
    return user, True


def set_password_url(request, index_page, user):
    uidb64 = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    subpath = index_page.reverse_subpage("set_password", kwargs={"uidb64": uidb64, "token": token})
    return request.build_absolute_uri(index_page.get_url(request) + subpath)


def invite(request, workspace, email):
    """Add the person to ``workspace``'s members and mail them; returns ``(user, created)``."""
    source = workspace.get_source()
    user, created = find_or_create_user(email)
    user.groups.add(source.group)
    forget_groups(user)
    index_page = workspace.get_parent().specific
    profile = MemberProfile.for_user(user)
    language = profile.language if not created else translation.get_language()
    if created:
        profile.language = language
        profile.save(update_fields=["language"])
    with translation.override(language):
        context = {
            "workspace_title": source.title,
            "workspace_url": request.build_absolute_uri(workspace.get_url(request)),
            "set_password_url": (
                set_password_url(request, index_page, user)
                if created or not user.has_usable_password()
                else None
            ),
            "username": user.get_username(),
        }
        body = render_to_string("groups/email/invitation.txt", context)
        subject = _("Invitation to the workspace %(title)s") % {"title": source.title}
    send_mail(subject, body, None, [user.email])
    return user, created


def remove(workspace, user):
    """Take the person out of the member group; effective on their next request."""
    user.groups.remove(workspace.get_source().group)
    forget_groups(user)
