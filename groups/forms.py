"""Front-end forms of the workspaces: inviting members and a member's own settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MemberProfile


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)


class RemoveMemberForm(forms.Form):
    user_id = forms.IntegerField(widget=forms.HiddenInput)


class MemberProfileForm(forms.ModelForm):
    class Meta:
        model = MemberProfile
        fields = ["language", "notify_minutes"]
        # One clear label each, in the member's language; the model's help texts are for
        # the admin (German) and would repeat the label here.
        labels = {
            "language": _("Language of the e-mails you receive"),
            "notify_minutes": _("E-mail me when minutes of my workspaces are published"),
        }
        help_texts = {"language": "", "notify_minutes": ""}
