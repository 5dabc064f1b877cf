"""The directory's vocabularies: towns, service types, topics, target groups, providers.

Translatable snippets (wagtail-localize) with a synchronised slug for filter URLs.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


def _checkbox():
    from django.forms import CheckboxSelectMultiple

    return CheckboxSelectMultiple


# --- Taxonomies -----------------------------------------------------------------------------


class Taxonomy(TranslatableMixin, models.Model):
    """Common shape of the directory's vocabularies: a name and a stable slug for URLs.

    The slug is synchronised, not translated, so ``?town=hilden`` works in every language.
    """

    name = models.CharField(_("name"), max_length=120, help_text="Bezeichnung wie im Portal.")
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        help_text="Kurzname für Adressen und Filter (nur a–z, 0–9, Bindestrich), z. B. „hilden“.",
    )

    override_translatable_fields = [SynchronizedField("slug")]
    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Town(index.Indexed, Taxonomy):
    """One of the ten towns of the district of Mettmann."""

    class Meta(Taxonomy.Meta):
        verbose_name = _("town")
        verbose_name_plural = _("towns")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class ServiceType(index.Indexed, Taxonomy):
    """A kind of counselling programme: JMD, MBE, Integration Point …"""

    abbreviation = models.CharField(
        _("abbreviation"), max_length=20, blank=True, help_text="Kürzel, z. B. „JMD“."
    )
    # Written once in Leichte Sprache on the German entry and copied to every language
    # (synchronised, not translated): shown on /de-ls/ cards of services without easy text.
    easy_explanation = models.TextField(
        _("explanation in Leichte Sprache"),
        blank=True,
        help_text="Ein Absatz in Leichter Sprache: Was ist das für eine Beratung? Kurze Sätze, "
        "eine Aussage pro Satz, keine Abkürzungen, schwere Wörter erklären. Erscheint im "
        "Verzeichnis in Leichter Sprache bei Angeboten ohne eigenen Text in Leichter Sprache.",
    )
    override_translatable_fields = Taxonomy.override_translatable_fields + [
        SynchronizedField("easy_explanation")
    ]
    panels = Taxonomy.panels + [FieldPanel("abbreviation"), FieldPanel("easy_explanation")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("service type")
        verbose_name_plural = _("service types")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Topic(index.Indexed, Taxonomy):
    """A life area (Lebensbereich) or a field of action (Handlungsfeld) of KIM."""

    class Kind(models.TextChoices):
        LIFE_AREA = "life_area", _("life area")
        FIELD_OF_ACTION = "field_of_action", _("field of action")

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        default=Kind.LIFE_AREA,
        help_text="Lebensbereich (für Ratsuchende) oder Handlungsfeld (KIM-Steuerung).",
    )
    override_translatable_fields = Taxonomy.override_translatable_fields + [
        SynchronizedField("kind")
    ]
    panels = Taxonomy.panels + [FieldPanel("kind")]
    search_fields = Taxonomy.search_fields + [index.FilterField("kind")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class TargetGroup(index.Indexed, Taxonomy):
    """Who a service is for: refugees, new immigrants, young people …"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


class Organisation(index.Indexed, Taxonomy):
    """The provider (Träger) of a service: a welfare association, the district, a town."""

    website = models.URLField(_("website"), blank=True, help_text="Startseite des Trägers.")
    email = models.EmailField(_("e-mail"), blank=True, help_text="Allgemeine Adresse.")
    panels = Taxonomy.panels + [FieldPanel("website"), FieldPanel("email")]

    class Meta(Taxonomy.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]
