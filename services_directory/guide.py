"""The case-management guide ("Wegweiser") at ``/<lang>/beratung/wegweiser/``.

A GET form (no personal data, no JavaScript): the KIM concept's criteria for case
management ("Anhaltspunkte Case Management Bedarf") as yes/no questions, plus town and age.
All "yes" → KIM case management in that town; otherwise the counselling services of the
town that fit the age (JMD by age, MBE, refugee counselling …), each with its slip.
Editors change the questions (``GuideCriterion``) and the texts (``GuideText``) in the admin.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.models import Locale

from portal.privacy import mark_private, public_pages

from . import directory
from .models import GuideCriterion, GuideText, ServicePage

CASE_MANAGEMENT_TYPE = "kim-case-management"
# Counselling programmes the guide suggests when case management does not fit, in order.
COUNSELLING_TYPES = [
    "jmd",
    "mbe",
    "fluechtlingsberatung",
    "integration-point",
    "teilhabemanagement",
]

# The criteria of the KIM concept; used while editors have stored none in this language.
DEFAULT_CRITERIA = [
    (
        gettext_lazy("Is the need for support complex (several areas of life at once)?"),
        gettext_lazy("For example residence, work, housing, health and language together."),
    ),
    (
        gettext_lazy("Is support needed for a longer time (several months)?"),
        gettext_lazy("A single piece of advice or one appointment is not enough."),
    ),
    (
        gettext_lazy("Are several actors involved, with different interests?"),
        gettext_lazy("For example authorities, job centre, school and counselling services."),
    ),
    (
        gettext_lazy("Is an overall plan needed to coordinate the help?"),
        gettext_lazy("Someone has to bring the steps and the actors together."),
    ),
    (
        gettext_lazy("Does the person want support themselves?"),
        gettext_lazy("Case management works only with the person's own request and consent."),
    ),
]
DEFAULT_INTRO = gettext_lazy(
    "Does your client's situation belong in KIM case management, or is a counselling "
    "service the right first step? Answer the questions of the KIM concept. Nothing you "
    "enter is stored, and no names are asked for."
)
DEFAULT_CASE_MANAGEMENT_TEXT = gettext_lazy(
    "All criteria of the KIM concept are met: KIM case management in this town fits. "
    "Hand the slip to your client or contact the case manager together."
)
DEFAULT_COUNSELLING_TEXT = gettext_lazy(
    "Not all criteria of KIM case management are met. These counselling services in the "
    "town fit first; they can refer to case management later if the need grows."
)


@dataclass
class Question:
    name: str
    question: str
    explanation: str


def questions(locale):
    """The questions in ``locale``; the built-in ones if editors stored none there."""
    stored = list(GuideCriterion.objects.filter(locale=locale))
    if stored:
        return [Question(f"c{n}", c.question, c.explanation) for n, c in enumerate(stored, 1)]
    return [Question(f"c{n}", str(q), str(e)) for n, (q, e) in enumerate(DEFAULT_CRITERIA, 1)]


def texts(locale):
    stored = GuideText.objects.filter(locale=locale).first()
    return {
        "intro": (stored and stored.intro) or DEFAULT_INTRO,
        "case_management": (stored and stored.case_management_text) or DEFAULT_CASE_MANAGEMENT_TEXT,
        "counselling": (stored and stored.counselling_text) or DEFAULT_COUNSELLING_TEXT,
    }


YES_NO = [("yes", gettext_lazy("Yes")), ("no", gettext_lazy("No"))]


class GuideForm(forms.Form):
    town = forms.ChoiceField(label=gettext_lazy("Town where the client lives"))
    age = forms.IntegerField(
        label=gettext_lazy("Age of the client"),
        required=False,
        min_value=0,
        max_value=120,
        help_text=gettext_lazy("In years; optional. Only the age, no date of birth."),
    )

    def __init__(self, data, *, question_list, towns):
        super().__init__(data)
        self.question_list = question_list
        self.fields["town"].choices = [("", "—")] + towns
        for q in question_list:
            self.fields[q.name] = forms.ChoiceField(
                label=q.question,
                help_text=q.explanation,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please answer yes or no.")},
            )

    def question_fields(self):
        return [self[q.name] for q in self.question_list]


def _town_choices(index, locale_id):
    terms = index.terms["town"].values()
    choices = [(t.slug, t.name(locale_id, index.default_locale_id)) for t in terms]
    return sorted(choices, key=lambda c: directory.fold(c[1]))


def recommend(request, index, town_key, age, type_slugs, locale):
    """Public, active services of ``type_slugs`` in the town fitting ``age``, in order.

    Candidates come from the directory's data; one query keeps those every visitor may
    see and prefers each service's version in the visitor's language.
    """
    type_keys = [index.by_slug["type"].get(slug) for slug in type_slugs]
    rank = {key: n for n, key in enumerate(type_keys) if key}
    candidates = [
        e.id
        for e in index.entries.values()
        if e.type in rank
        and town_key in e.towns
        and e.status == ServicePage.Status.ACTIVE
        and (age is None or e.admits_age(age))
    ]
    if not candidates:
        return []
    default = Locale.get_default()
    pages = (
        public_pages(ServicePage.objects.filter(id__in=candidates))
        .filter(locale_id__in={locale.pk, default.pk})
        .select_related("locale")
        .only("id", "title", "slug", "url_path", "translation_key", "locale", "path", "depth")
    )
    chosen = {}
    for page in pages:
        key = page.translation_key
        if key not in chosen or page.locale_id == locale.pk:
            chosen[key] = page
    found = list(chosen.values())
    found.sort(key=lambda p: (rank[index.entries[p.pk].type], directory.fold(p.title)))
    return found


def guide(request):
    index = directory.get_index(request)
    locale = Locale.get_active()
    language = translation.get_language() or settings.LANGUAGE_CODE
    locale_id = index.locales.get(language, index.default_locale_id)
    question_list = questions(locale)
    submitted = bool(request.GET)
    form = GuideForm(
        request.GET if submitted else None,
        question_list=question_list,
        towns=_town_choices(index, locale_id),
    )
    context = {
        "form": form,
        "texts": texts(locale),
        "page_title": _("Guide: case management or counselling?"),
        "contact_email": settings.PORTAL_CONTACT_EMAIL,
    }
    if submitted and form.is_valid():
        data = form.cleaned_data
        town_key = index.by_slug["town"].get(data["town"])
        all_yes = all(data[q.name] == "yes" for q in question_list)
        types = [CASE_MANAGEMENT_TYPE] if all_yes else COUNSELLING_TYPES
        services = recommend(request, index, town_key, data["age"], types, locale)
        town = index.term("town", town_key)
        context.update(
            {
                "answered": True,
                "case_management": all_yes,
                "services": services,
                "town_name": town.name(locale_id, index.default_locale_id) if town else "",
                "slip_language": language,
            }
        )
    response = TemplateResponse(request, "services_directory/guide.html", context)
    mark_private(response)
    return response
