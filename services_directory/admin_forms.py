"""The admin form of a service: enforces a town limit (``DirectoryTeamScope``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class ServicePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        from .models import DirectoryTeamScope

        allowed = DirectoryTeamScope.allowed_town_ids(self.for_user) if self.for_user else None
        if allowed is not None:
            chosen = {town.pk for town in cleaned_data.get("towns") or []}
            if not chosen & allowed:
                self.add_error(
                    "towns",
                    forms.ValidationError(
                        _(
                            "You maintain the services of these towns only: %(towns)s. "
                            "Keep at least one of them."
                        )
                        % {"towns": ", ".join(self._town_names(allowed))},
                        code="town_limit",
                    ),
                )
        return cleaned_data

    @staticmethod
    def _town_names(ids):
        from .models import Town

        return sorted(Town.objects.filter(pk__in=ids).values_list("name", flat=True))
