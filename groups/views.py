"""Front-end views of the workspaces, reached through routes of the workspace pages.

They are routes (``RoutablePageMixin``) rather than URL patterns so that ``portal`` needs
no import of ``groups``. Routes below a ``WorkspacePage`` or ``MeetingPage`` are behind
its view restriction already; routes of the public ``WorkspaceIndexPage`` check for
themselves.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.forms import SetPasswordForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.utils.translation import gettext as _

from portal.privacy import mark_private, visible_pages_for_user

from . import members
from .calendar import build_calendar
from .forms import InviteForm, MemberProfileForm, RemoveMemberForm
from .models import CalendarToken, MeetingPage, MemberProfile

_private = mark_private


def manage_members(request, workspace):
    """``<workspace>/mitglieder/``: managers invite by e-mail and remove members."""
    if not workspace.user_is_manager(request.user):
        raise PermissionDenied
    source = workspace.get_source()
    invite_form = InviteForm()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "invite":
            invite_form = InviteForm(request.POST)
            if invite_form.is_valid():
                email = invite_form.cleaned_data["email"]
                members.invite(request, workspace, email)
                messages.success(request, _("%(email)s has been invited.") % {"email": email})
                return _private(HttpResponseRedirect(request.path))
        elif action == "remove":
            form = RemoveMemberForm(request.POST)
            if form.is_valid():
                user = source.group.user_set.filter(pk=form.cleaned_data["user_id"]).first()
                if user is not None:
                    members.remove(workspace, user)
                    messages.success(
                        request,
                        _("%(name)s is no longer a member.") % {"name": user.get_username()},
                    )
            return _private(HttpResponseRedirect(request.path))
    response = TemplateResponse(
        request,
        "groups/members.html",
        {
            "page": workspace,
            "self": workspace,
            "members": source.group.user_set.order_by("last_name", "first_name", "username"),
            "managers": source.managers_group.user_set.order_by("username"),
            "invite_form": invite_form,
        },
    )
    return _private(response)


def set_password(request, index_page, uidb64, token):
    """``gremien/passwort/<uid>/<token>/``: the invited person chooses a password."""
    User = get_user_model()
    try:
        user = User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)), is_active=True)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        user = None
    valid = user is not None and default_token_generator.check_token(user, token)
    form = None
    if valid:
        form = SetPasswordForm(user, request.POST or None)
        if request.method == "POST" and form.is_valid():
            form.save()
            login(request, user, backend="portal.auth.GroupsPrefetchingBackend")
            messages.success(request, _("Your password has been set. Welcome!"))
            return _private(HttpResponseRedirect(index_page.get_url(request)))
    response = TemplateResponse(
        request,
        "groups/set_password.html",
        {"page": index_page, "self": index_page, "form": form, "valid": valid},
        status=200 if valid else 404,
    )
    response["Referrer-Policy"] = "no-referrer"
    return _private(response)


def account(request, index_page):
    """``gremien/konto/``: language and notifications, and the personal calendar feed."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    profile = MemberProfile.for_user(request.user)
    form = MemberProfileForm(instance=profile)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "profile":
            form = MemberProfileForm(request.POST, instance=profile)
            if form.is_valid():
                form.save()
                messages.success(request, _("Your settings have been saved."))
                return _private(HttpResponseRedirect(request.path))
        elif action == "calendar_new":
            CalendarToken.objects.filter(user=request.user).delete()
            CalendarToken.objects.create(user=request.user)
            messages.success(request, _("Your calendar address has been created."))
            return _private(HttpResponseRedirect(request.path))
        elif action == "calendar_revoke":
            CalendarToken.objects.filter(user=request.user).delete()
            messages.success(request, _("Your calendar address no longer works."))
            return _private(HttpResponseRedirect(request.path))
    token = CalendarToken.objects.filter(user=request.user).first()
    feed_url = None
    if token is not None:
        subpath = index_page.reverse_subpage("calendar_feed", kwargs={"token": token.token})
        feed_url = request.build_absolute_uri(index_page.get_url(request) + subpath)
    response = TemplateResponse(
        request,
        "groups/account.html",
        {"page": index_page, "self": index_page, "form": form, "feed_url": feed_url},
    )
    return _private(response)


def calendar_feed(request, index_page, token):
    """``gremien/kalender/<token>.ics``: meetings of every workspace the member may read."""
    entry = CalendarToken.objects.select_related("user").filter(token=token).first()
    if entry is None or not entry.user.is_active:
        raise Http404
    meetings = visible_pages_for_user(
        entry.user, MeetingPage.objects.descendant_of(index_page)
    ).order_by("start")
    body = build_calendar(meetings, request, _("KIM workspaces"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    return _private(response)


def meeting_ics(request, meeting):
    """``<meeting>/termin.ics``: one meeting for the member's calendar (members only)."""
    body = build_calendar([meeting], request, meeting.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    return _private(response)
