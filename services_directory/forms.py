"""Public forms of the directory: a provider's change report and the visitors' feedback."""

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 3000


class ChangeReportForm(forms.Form):
    """ "Something changed": a provider describes what is no longer correct."""

    message = forms.CharField(
        label=_("What has changed?"),
        help_text=_("For example new opening hours, a new address or a new phone number."),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Please describe what has changed."))
        return message


class FeedbackForm(ChangeReportForm):
    """ "Hinweis zu diesem Eintrag": anyone may tell the editors that an entry is wrong.

    ``website`` is a honeypot: hidden from people (and from screen readers), filled in by
    form-filling robots. A filled honeypot is answered like a success and stored nowhere.
    """

    message = forms.CharField(
        label=_("What is wrong or missing?"),
        help_text=_("Please do not write personal details about yourself or others here."),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"),
        help_text=_("Only if you would like an answer. We use it for this note only."),
        required=False,
        max_length=254,  # as the model field: a longer address is a form error, not a 500
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError(_("Please describe what is wrong or missing."))
        return message

    @property
    def is_spam(self):
        return bool(self.data.get("website", "").strip())
