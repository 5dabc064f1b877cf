"""The case-management guide's questions and texts (the page logic is in ``guide.py``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField


class GuideCriterion(TranslatableMixin, models.Model):
    """One question of the case-management guide ("Anhaltspunkte Case Management Bedarf").

    KIM case management is recommended when every criterion is answered "yes". Without any
    criterion in the visitor's language, the guide asks the built-in questions of the KIM
    concept (guide.py), translated with the interface.
    """

    question = models.CharField(
        _("question"),
        max_length=250,
        help_text="Ja/Nein-Frage, z. B. „Liegt ein komplexer Unterstützungsbedarf vor?“",
    )
    explanation = models.TextField(
        _("explanation"),
        blank=True,
        help_text="Kurze Erläuterung unter der Frage (ein bis zwei Sätze).",
    )
    sort_order = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text="Reihenfolge im Formular (kleinere zuerst)."
    )

    override_translatable_fields = [SynchronizedField("sort_order")]
    panels = [FieldPanel("question"), FieldPanel("explanation"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("guide question")
        verbose_name_plural = _("guide questions")

    def __str__(self):
        return self.question


class GuideText(TranslatableMixin, models.Model):
    """The explanation texts of the case-management guide (one per language).

    Empty fields fall back to the built-in texts (guide.py).
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text="Steht über dem Formular: wofür der Wegweiser da ist.",
    )
    case_management_text = models.TextField(
        _("text when case management fits"),
        blank=True,
        help_text="Erklärt, warum KIM-Case-Management passt und wie es weitergeht.",
    )
    counselling_text = models.TextField(
        _("text when counselling fits"),
        blank=True,
        help_text="Erklärt, dass eine Fachberatung der passende erste Schritt ist.",
    )

    panels = [
        FieldPanel("intro"),
        FieldPanel("case_management_text"),
        FieldPanel("counselling_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("guide texts")
        verbose_name_plural = _("guide texts")

    def __str__(self):
        return str(_("Case-management guide texts"))
