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
