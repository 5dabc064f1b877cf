"""Need vocabulary: what people type, linked to what the directory is tagged with."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from .languages import validate_language_list
from .taxonomy import ServiceType, TargetGroup, Topic, _checkbox


class NeedTerm(TranslatableMixin, models.Model):
    """A need as people name it, with its everyday words, linked to the directory's tags.

    Like a "use reference" of the AIRS/211 taxonomy: "Zeugnis", "Schulabschluss",
    "визнання атестата" and "الاعتراف بالشهادات" all lead to recognition counselling. The
    German entry is the source; its translations (through wagtail-localize) carry the words
    of the other languages. The links (topics, service types, target groups, languages) are
    read from every language version together, so they need to be set on the German entry
    only. A query word matching any word of any language version finds the services tagged
    with any of the links, even when their own text exists only in German.
    """

    name = models.CharField(
        _("name"),
        max_length=120,
        help_text="Der Bedarf in Worten der Ratsuchenden, z. B. „Anerkennung von Abschlüssen“. "
        "Wird als „Meinten Sie …?“-Vorschlag gezeigt.",
    )
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        help_text="Kurzname (nur a–z, 0–9, Bindestrich), gleich in allen Sprachen.",
    )
    synonyms = models.TextField(
        _("search words"),
        blank=True,
        help_text="Alltagswörter und Synonyme, eines je Zeile (oder mit Komma getrennt), "
        "z. B. „Zeugnis“, „Schulabschluss“, „Berufsabschluss“. Wortteile genügen nicht: "
        "„Zeugnis“ findet auch „Schulzeugnis“.",
    )
    topics = models.ManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        help_text="Angebote mit diesen Themen passen (am deutschen Eintrag pflegen).",
    )
    service_types = models.ManyToManyField(
        ServiceType,
        verbose_name=_("service types"),
        blank=True,
        related_name="+",
        help_text="Angebote dieser Arten passen am besten (am deutschen Eintrag pflegen).",
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        blank=True,
        related_name="+",
        help_text="Angebote für diese Zielgruppen passen (am deutschen Eintrag pflegen).",
    )
    languages = models.CharField(
        _("languages spoken"),
        max_length=60,
        blank=True,
        validators=[validate_language_list],
        help_text="Sprachcodes mit Komma, wenn der Begriff eine Sprache meint, z. B. „fa, prs“ "
        "für „Farsi, Dari“.",
    )

    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("languages")]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("synonyms"),
        MultiFieldPanel(
            [
                FieldPanel("service_types", widget=_checkbox()),
                FieldPanel("topics", widget=_checkbox()),
                FieldPanel("target_groups", widget=_checkbox()),
                FieldPanel("languages"),
            ],
            heading=_("finds services with"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @property
    def synonym_list(self):
        return split_synonyms(self.synonyms)


def split_synonyms(text):
    """Lines or commas: "Zeugnis, Schulabschluss\\nBerufsabschluss" → three entries."""
    parts = []
    for line in (text or "").splitlines():
        parts += [part.strip() for part in line.split(",") if part.strip()]
    return parts
