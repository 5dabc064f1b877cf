"""The registration form on the event page (works without JavaScript)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RegistrationForm(forms.Form):
    """Name, address, organisation, role, accessibility needs and consent.

    ``website`` is a honeypot as on the directory's feedback form: hidden from people (and
    screen readers), filled in by robots; a filled honeypot is answered like a success and
    stored nowhere.
    """

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    organisation = forms.CharField(
        label=pgettext_lazy("event registration", "Organisation"), max_length=200, required=False
    )
    role = forms.CharField(label=_("Role or function"), max_length=200, required=False)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs (optional)"),
        help_text=_("For example sign language interpreting, step-free access, large print."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are stored to organise this event."),
        error_messages={"required": _("Please agree so that we can register you.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Please enter your name."))
        return name

    @property
    def is_spam(self):
        return bool(self.data.get("website", "").strip())


class MessageForm(forms.Form):
    """Editors write to everyone registered for one event."""

    subject = forms.CharField(label=_("Subject"), max_length=150)
    message = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 10}))
    include_waiting = forms.BooleanField(label=_("Also write to the waiting list"), required=False)
