"""Two-factor authentication (TOTP, django-otp) for the Wagtail admin.

- Anyone with admin access may add an authenticator app ("Two-factor authentication" in
  the account menu). From then on, after the password (Wagtail's login, throttled by
  django-axes) the admin asks for a six-digit code before anything else.
- With ``PORTAL_REQUIRE_2FA_FOR_SUPERUSERS`` (on in production settings, off in dev/test
  unless ``REQUIRE_2FA=1``) a superuser without a confirmed device is sent to set one up
  and cannot reach any other admin page before confirming a code.
- The QR code is an SVG made on the server (segno); the secret and the ``otpauth://`` URI
  are shown as text too. No inline script.
- Wrong codes are throttled by django-otp (growing delay per device).
"""

import segno
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

# Admin paths reachable before the second factor: logging in/out and the 2FA pages.
OPEN_PATHS = ("/admin/login/", "/admin/logout/", "/admin/2fa/", "/admin/password_reset/")


def two_factor_required(user):
    return bool(user.is_superuser and getattr(settings, "PORTAL_REQUIRE_2FA_FOR_SUPERUSERS", False))


def confirmed_device(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def _safe_next(request, default="/admin/"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


class AdminTwoFactorMiddleware:
    """After ``OTPMiddleware``: no admin page without the second factor where one applies."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith("/admin/")
            and not request.path.startswith(OPEN_PATHS)
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
        ):
            query = f"?next={request.get_full_path()}" if request.method == "GET" else ""
            if confirmed_device(user) is not None:
                return redirect(reverse("portal_otp_verify") + query)
            if two_factor_required(user):
                return redirect(reverse("portal_otp_setup") + query)
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _("Too many wrong codes. Please wait a moment and try again."), code="throttled"
            )
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                _("This code is not valid. Please check the time on your phone and try again."),
                code="invalid",
            )
        return token


def _qr_svg(uri):
    # segno writes plain SVG markup (rects and paths, no script) from our own data.
    svg = segno.make(uri, error="m").svg_inline(scale=5, title=str(_("QR code for your app")))
    return mark_safe(svg)  # noqa: S308


def setup(request):
    """Add (or finish adding) an authenticator app for the logged-in user."""
    user = request.user
    if confirmed_device(user) is not None:
        if not user.is_verified():
            # Only the code of the existing app may open the admin: a password alone must
            # not be enough to register a new app in its place.
            return redirect(reverse("portal_otp_verify"))
        messages.info(request, _("Two-factor authentication is already on for your account."))
        return redirect("wagtailadmin_home")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="default", confirmed=False)
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        messages.success(request, _("Two-factor authentication is now on for your account."))
        return redirect(_safe_next(request))
    from base64 import b32encode

    return TemplateResponse(
        request,
        "portal/otp/setup.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "secret": b32encode(device.bin_key).decode(),
            "uri": device.config_url,
            "required": two_factor_required(user),
            "next": _safe_next(request, ""),
        },
    )


def verify(request):
    """Ask for the code of the user's confirmed device after the password login."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect("portal_otp_setup")
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_safe_next(request))
    return TemplateResponse(
        request, "portal/otp/verify.html", {"form": form, "next": _safe_next(request, "")}
    )


@hooks.register("register_admin_urls")
def register_otp_urls():
    return [
        path("2fa/setup/", setup, name="portal_otp_setup"),
        path("2fa/verify/", verify, name="portal_otp_verify"),
    ]


@hooks.register("register_account_menu_item")
def otp_account_menu_item(request):
    if confirmed_device(request.user) is not None:
        return None
    return {
        "url": reverse("portal_otp_setup"),
        "label": _("Two-factor authentication"),
        "help_text": _("Ask for a code from an authenticator app after the password."),
    }
