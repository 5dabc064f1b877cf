"""Admin views of the translation workflow: the status report and "Mark as reviewed"."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.models import Page

from .machine import machine_translation_state
from .status import STATUS_LABELS, is_translation, mark_reviewed, status_table


class StatusFilterForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages"))] + [
            (code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE
        ]
        self.fields["status"].choices = [("", _("Any status"))] + list(STATUS_LABELS.items())


def translation_status(request):
    """Every page × language: translated, outdated, machine-translated or missing."""
    form = StatusFilterForm(request.GET or None)
    language = status = None
    if form.is_valid():
        language = form.cleaned_data["language"] or None
        status = form.cleaned_data["status"] or None
    table = status_table(request.user, languages=[language] if language else None, status=status)
    names = settings.PORTAL_LANGUAGE_NAMES
    mt = machine_translation_state()
    return TemplateResponse(
        request,
        "portal/admin/translation_status.html",
        {
            "page_title": _("Translation status"),
            "header_icon": "site",
            "form": form,
            "table": table,
            "columns": [
                (code, names[code], _counts(table["totals"][code])) for code in table["codes"]
            ],
            "grand_totals": _counts(table["grand_totals"]),
            "status_labels": STATUS_LABELS,
            "machine_translator": mt["name"],
            "mt_supported": [names[code] for code in mt["supported"]],
            "mt_unsupported": [names[code] for code in mt["unsupported"]],
        },
    )


def _counts(counter):
    return [(key, label, counter[key]) for key, label in STATUS_LABELS.items()]


@require_POST
def mark_translation_reviewed(request, page_id):
    """A person has checked a machine-translated page: readers no longer see the label."""
    page = get_object_or_404(Page.objects.select_related("locale"), pk=page_id)
    if not is_translation(page):
        messages.error(request, _("Only a translation can be marked as reviewed."))
    elif not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    else:
        mark_reviewed(page, request.user)
        messages.success(
            request, _("“%(title)s” is marked as reviewed by a person.") % {"title": page.title}
        )
    return redirect(reverse("portal_translation_status") + "?status=machine")
