"""The service directory ("Beratung finden"): taxonomies, service pages and their parts.

Field names follow Open Referral HSDS 3.0 wherever one exists (docs/api.md), so that
an HSDS API is a mapping rather than a translation.
"""

import datetime
import uuid
from functools import lru_cache

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from portal.cache import bump, state, versions
from portal.panels import EasyLanguageHelpPanel

from ..admin_forms import ServicePageForm
from ..text import fold
from ..unmet_needs import UnmetNeedCount  # noqa: F401  (the model lives beside its code)

# NRW's bounding box, generously rounded (coordinates must lie in NRW: docs/directory.md).
NRW_LATITUDE = (50.3, 52.6)
NRW_LONGITUDE = (5.8, 9.5)


# Languages without an ISO 639-1 code that counselling in the district needs, by their
# ISO 639-3 code, named in the portal's languages (CLDR has no names for them). Dari is
# spoken by many Afghans; it is not the same offer as Persian (Farsi) for a client.
EXTRA_LANGUAGES = {
    "prs": {
        "de": "Dari",
        "en": "Dari",
        "ar": "الدارية",
        "fa": "دری",
        "tr": "Darice",
        "uk": "дарі",
        "ru": "дари",
    },
}


@lru_cache(maxsize=16)
def language_names(display_language="de"):
    """Language code → name in ``display_language`` (Babel's CLDR data).

    ISO 639-1 codes, plus the few ISO 639-3 codes of ``EXTRA_LANGUAGES`` (Dari: ``prs``).
    """
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(display_language).languages
    except (UnknownLocaleError, ValueError):
        names = Locale.parse("de").languages
    result = {code: name for code, name in names.items() if len(code) == 2 and code.isalpha()}
    for code, extra in EXTRA_LANGUAGES.items():
        result[code] = extra.get(display_language) or extra["en"]
    return result


def validate_language_code(value):
    if value not in language_names("de"):
        raise ValidationError(
            _("“%(code)s” is not a two-letter ISO 639-1 language code (e.g. de, ar, fa, uk)."),
            params={"code": value},
            code="invalid_language",
        )


def validate_language_list(value):
    """A comma-separated list of ISO 639-1 codes ("de, en, ar")."""
    for code in split_codes(value):
        validate_language_code(code)


def split_codes(value):
    return [part.strip().lower() for part in (value or "").split(",") if part.strip()]


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


# --- Pages ----------------------------------------------------------------------------------


class ServiceDirectoryPage(Page):
    """The directory of counselling services for migrants and refugees in the ten towns.

    It answers the GET form of docs/directory.md (``q``, ``town``, ``type``, ``topic``,
    ``language``, ``target``, ``age``, ``open_now``, ``page``); see ``directory.py``.
    """

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Erklärt kurz, wofür das Verzeichnis da ist."
    )

    content_panels = Page.content_panels + [EasyLanguageHelpPanel(), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["services_directory.ServicePage"]
    max_count_per_parent = 1
    # The language switcher keeps the filters (/de/beratung/?town=velbert → /uk/beratung/?…).
    language_switch_keeps_query = True

    class Meta:
        verbose_name = _("service directory")

    def serve(self, request, *args, **kwargs):
        from ..views import directory_response

        return directory_response(self, request)


class ServicePage(Page):
    """One counselling offer (an HSDS *service*), e.g. "JMD Velbert"."""

    class ApplicationProcess(models.TextChoices):
        APPOINTMENT = "appointment", _("by appointment")
        OPEN = "open", _("open consultation")
        BOTH = "both", _("by appointment and open consultation")

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        TEMPORARILY_CLOSED = "inactive", _("temporarily closed")
        DEFUNCT = "defunct", _("no longer offered")

    alternate_name = models.CharField(
        _("alternate name"),
        max_length=120,
        blank=True,
        help_text="Kurz- oder Zweitname, z. B. „JMD“ oder „MBE“.",
    )
    description = RichTextField(
        _("description"),
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Was bietet der Dienst? Kurze Sätze, einfache Sprache.",
    )
    service_type = models.ForeignKey(
        ServiceType,
        verbose_name=_("service type"),
        on_delete=models.PROTECT,
        related_name="services",
        help_text="Art des Angebots (Programm), z. B. JMD.",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="services",
        help_text="Träger des Angebots.",
    )
    topics = ParentalManyToManyField(
        Topic,
        verbose_name=_("topics"),
        blank=True,
        related_name="services",
        help_text="Lebensbereiche und Handlungsfelder.",
    )
    target_groups = ParentalManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        blank=True,
        related_name="services",
        help_text="Für wen ist das Angebot gedacht?",
    )
    towns = ParentalManyToManyField(
        Town,
        verbose_name=_("towns served"),
        blank=True,
        related_name="services",
        help_text="Städte, deren Einwohnerinnen und Einwohner das Angebot nutzen können.",
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text="Mindestalter in Jahren; leer = keine Untergrenze (JMD: 12).",
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("maximum age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text="Höchstalter in Jahren; leer = keine Obergrenze (JMD: 27).",
    )
    eligibility_description = models.TextField(
        _("eligibility"), blank=True, help_text="Wer kann das Angebot nutzen? Voraussetzungen."
    )
    application_process = models.CharField(
        _("access"),
        max_length=20,
        choices=ApplicationProcess.choices,
        default=ApplicationProcess.APPOINTMENT,
        help_text="Mit Termin, offene Sprechstunde oder beides.",
    )
    application_process_description = models.TextField(
        _("how to get an appointment"),
        blank=True,
        help_text="Wie bekommt man einen Termin? Z. B. „Anruf oder E-Mail genügt“.",
    )
    fees_description = models.CharField(
        _("fees"),
        max_length=250,
        blank=True,
        default="kostenlos",
        help_text="Kosten für Ratsuchende; meist „kostenlos“.",
    )
    required_documents = models.TextField(
        _("documents to bring"),
        blank=True,
        help_text="Welche Unterlagen sollen mitgebracht werden? Eine Zeile je Unterlage.",
    )
    interpretation_services = models.CharField(
        _("interpretation"),
        max_length=250,
        blank=True,
        help_text="Dolmetschen möglich? Z. B. „Sprachmittlung nach Absprache“.",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text="„Vorübergehend geschlossen“ zeigt einen Hinweis; „eingestellt“ blendet das "
        "Angebot in der Suche aus.",
    )
    alert = models.CharField(
        _("alert"),
        max_length=250,
        blank=True,
        help_text="Aktueller Hinweis, z. B. „Am 24.12. geschlossen“ oder „Urlaub bis 15.8.“.",
    )
    closed_in_school_holidays = models.BooleanField(
        _("closed in school holidays"),
        default=False,
        help_text="In den NRW-Schulferien geschlossen (z. B. Angebote an Schulen). "
        "An Feiertagen ist jedes Angebot geschlossen.",
    )
    assured_date = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text="Wann wurden die Angaben zuletzt geprüft? (Schaltfläche „Heute geprüft“)",
    )
    assurer_email = models.EmailField(
        _("verification e-mail"),
        blank=True,
        help_text="An diese Adresse geht die Bitte, die Angaben regelmäßig zu prüfen.",
    )
    assurer = models.CharField(
        _("verified by"), max_length=150, blank=True, help_text="Name der prüfenden Person."
    )
    # Folded copies for the directory search (text.fold); written on save, never edited.
    search_name = models.TextField(editable=False, blank=True, default="")
    search_text = models.TextField(editable=False, blank=True, default="")

    content_panels = Page.content_panels + [
        FieldPanel("alternate_name"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("service_type"),
                FieldPanel("organisation"),
                FieldPanel("towns", widget=_checkbox()),
                FieldPanel("topics", widget=_checkbox()),
                FieldPanel("target_groups", widget=_checkbox()),
            ],
            heading=_("classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
                FieldPanel("eligibility_description"),
                FieldPanel("application_process"),
                FieldPanel("application_process_description"),
                FieldPanel("fees_description"),
                FieldPanel("required_documents"),
                FieldPanel("interpretation_services"),
            ],
            heading=_("access"),
        ),
        InlinePanel("languages", heading=_("languages spoken"), label=_("language")),
        InlinePanel("locations", heading=_("locations"), label=_("location")),
        InlinePanel("schedules", heading=_("opening hours"), label=_("opening hours")),
        MultiFieldPanel(
            [
                FieldPanel("closed_in_school_holidays"),
                InlinePanel("closures", label=_("closure period")),
            ],
            heading=_("closures"),
        ),
        InlinePanel("contacts", heading=_("contacts"), label=_("contact")),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("alert"),
                FieldRowPanel([FieldPanel("assured_date"), FieldPanel("assurer")]),
                FieldPanel("assurer_email"),
            ],
            heading=_("status and verification"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("alternate_name"),
        index.AutocompleteField("alternate_name"),
        index.SearchField("description"),
        index.AutocompleteField("description"),
        index.SearchField("eligibility_description"),
        index.FilterField("service_type_id"),
        index.FilterField("organisation_id"),
        index.FilterField("minimum_age"),
        index.FilterField("maximum_age"),
        index.FilterField("status"),
        index.RelatedFields("towns", [index.FilterField("slug")]),
        index.RelatedFields("topics", [index.FilterField("slug")]),
        index.RelatedFields("target_groups", [index.FilterField("slug")]),
        index.RelatedFields("service_type", [index.SearchField("name")]),
        index.RelatedFields("organisation", [index.SearchField("name")]),
    ]

    parent_page_types = ["services_directory.ServiceDirectoryPage"]
    subpage_types = []
    base_form_class = ServicePageForm

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.minimum_age > self.maximum_age
        ):
            errors["maximum_age"] = _(
                "The maximum age (%(maximum)s) must not be lower than the minimum age "
                "(%(minimum)s)."
            ) % {"maximum": self.maximum_age, "minimum": self.minimum_age}
        if errors:
            raise ValidationError(errors)

    def full_search_text(self):
        """Everything a visitor might type to find this service, before folding."""
        parts = [self.title, self.alternate_name, strip_tags(self.description or "")]
        parts += [self.eligibility_description, self.interpretation_services]
        for related in ("service_type", "organisation"):
            obj = getattr(self, related + "_id", None) and getattr(self, related)
            if obj:
                parts += [obj.name, getattr(obj, "abbreviation", "")]
        if self.pk:
            for manager in ("topics", "target_groups", "towns"):
                parts += [obj.name for obj in getattr(self, manager).all()]
            parts += [loc.city for loc in self.locations.all()]
        return " ".join(p for p in parts if p)

    def refresh_search_text(self):
        self.search_name = fold(" ".join(p for p in (self.title, self.alternate_name) if p))
        self.search_text = fold(self.full_search_text())

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        self.deduplicate_location_ids()
        return super().save(*args, **kwargs)

    def deduplicate_location_ids(self):
        """Give a copied service's locations ids of their own (stable: derived, not random).

        A page copied in the admin keeps its source's location UUIDs; the older service
        keeps them and the newer one derives its own from its translation key, so every
        save of the copy arrives at the same ids.
        """
        locations = list(self.locations.all())
        if not locations:
            return
        others = ServiceLocation.objects.filter(uuid__in=[loc.uuid for loc in locations])
        if self.translation_key:
            others = others.exclude(service__translation_key=self.translation_key)
        if self.pk:
            others = others.filter(service_id__lt=self.pk)
        taken = set(others.values_list("uuid", flat=True))
        for loc in locations:
            if loc.uuid in taken:
                loc.uuid = uuid.uuid5(uuid.UUID(str(self.translation_key)), str(loc.uuid))

    @property
    def is_temporarily_closed(self):
        return self.status == self.Status.TEMPORARILY_CLOSED

    # Loaded with the page when it is served (portal/patches/routing.py): one query, not three.
    serve_select_related = ("service_type", "organisation")

    def get_context(self, request, *args, **kwargs):
        from ..presentation import service_context, service_fragments

        context = super().get_context(request, *args, **kwargs)
        # An anonymous visitor's article and JSON-LD come from the fragment cache when they
        # were rendered today for this content version; their queries are skipped then.
        context["fragments"] = fragments = service_fragments(self, request)
        if not fragments.complete:
            context.update(service_context(self, request))
        return context


# --- Parts of a service (inline children) ---------------------------------------------------


# Rows with the same sort_order (written by code, not by the admin) keep their order on every
# database; the HSDS ids of leaf records are derived from their position.
STABLE_ORDER = ["sort_order", "pk"]


class ServiceLanguage(Orderable):
    """A language in which counselling is offered (HSDS *language*)."""

    service = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(
        _("language code"),
        max_length=3,
        validators=[validate_language_code],
        help_text="Zweibuchstabiger ISO-639-1-Code: de, en, ar, fa, tr, uk, ru …; "
        "Dari: prs (ISO 639-3).",
    )
    note = models.CharField(
        _("note"), max_length=120, blank=True, help_text="Z. B. „Dari donnerstags“."
    )

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("note")])]

    class Meta(Orderable.Meta):
        ordering = STABLE_ORDER
        verbose_name = _("language")

    def __str__(self):
        return self.code

    def clean(self):
        super().clean()
        if self.code:
            self.code = self.code.strip().lower()

    def name(self, display_language="de"):
        return language_names(display_language).get(self.code, self.code)


class ServiceLocation(Orderable):
    """A place where the service is offered (HSDS *location* with its *address*)."""

    class AttendingType(models.TextChoices):
        IN_PERSON = "in_person", _("in person")
        PHONE = "phone", _("by phone")
        VIDEO = "video", _("by video call")
        CHAT = "chat", _("by chat")

    service = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="locations")
    # The location's id in the HSDS API and in exports (docs/api.md). Translations and
    # aliases of a service carry their German source's value, as pages share a
    # translation_key; ``ServicePage.save`` keeps it unique among different services.
    uuid = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    name = models.CharField(
        _("name"), max_length=150, blank=True, help_text="Z. B. „Beratungsstelle Innenstadt“."
    )
    address_1 = models.CharField(
        _("street address"), max_length=150, blank=True, help_text="Straße und Hausnummer."
    )
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    town = models.ForeignKey(
        Town,
        verbose_name=_("town"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Stadt im Kreis (für Filter).",
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Breitengrad, z. B. 51.2506 (muss in NRW liegen).",
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text="Längengrad, z. B. 6.9750 (muss in NRW liegen).",
    )
    accessibility = models.CharField(
        _("accessibility"),
        max_length=250,
        blank=True,
        help_text="Z. B. „Stufenloser Zugang, Aufzug, barrierefreies WC“.",
    )
    transit_note = models.CharField(
        _("public transport"),
        max_length=250,
        blank=True,
        help_text="Z. B. „Bus 741, Haltestelle Rathaus“.",
    )
    attending_type = models.CharField(
        _("how to attend"),
        max_length=20,
        choices=AttendingType.choices,
        default=AttendingType.IN_PERSON,
        help_text="Vor Ort, per Telefon, Video oder Chat.",
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("address_1"), FieldPanel("postal_code"), FieldPanel("city")]),
        FieldPanel("town"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("accessibility"),
        FieldPanel("transit_note"),
        FieldPanel("attending_type"),
    ]

    class Meta(Orderable.Meta):
        ordering = STABLE_ORDER
        verbose_name = _("location")

    def __str__(self):
        return self.name or ", ".join(p for p in (self.address_1, self.city) if p) or "–"

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Enter both latitude and longitude, or neither.")
        if self.latitude is not None and not (
            NRW_LATITUDE[0] <= float(self.latitude) <= NRW_LATITUDE[1]
        ):
            errors["latitude"] = _(
                "The latitude %(value)s lies outside North Rhine-Westphalia "
                "(%(low)s–%(high)s). Latitude and longitude swapped?"
            ) % {"value": self.latitude, "low": NRW_LATITUDE[0], "high": NRW_LATITUDE[1]}
        if self.longitude is not None and not (
            NRW_LONGITUDE[0] <= float(self.longitude) <= NRW_LONGITUDE[1]
        ):
            errors["longitude"] = _(
                "The longitude %(value)s lies outside North Rhine-Westphalia "
                "(%(low)s–%(high)s). Latitude and longitude swapped?"
            ) % {"value": self.longitude, "low": NRW_LONGITUDE[0], "high": NRW_LONGITUDE[1]}
        if errors:
            raise ValidationError(errors)

    @property
    def osm_url(self):
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=18/{self.latitude}/{self.longitude}"
        )


class ServiceSchedule(Orderable):
    """One opening-hours range (HSDS *schedule*): a weekday with opening and closing time.

    Several ranges on one day are several rows. Rows belong to the service and name the
    location they apply to (empty = all locations): Wagtail's admin cannot nest inline
    panels, and this keeps every row editable on the service's own form.
    """

    class Weekday(models.TextChoices):
        MO = "MO", _("Monday")
        TU = "TU", _("Tuesday")
        WE = "WE", _("Wednesday")
        TH = "TH", _("Thursday")
        FR = "FR", _("Friday")
        SA = "SA", _("Saturday")
        SU = "SU", _("Sunday")

    service = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="schedules")
    location = models.ForeignKey(
        ServiceLocation,
        verbose_name=_("location"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="schedules",
        help_text="Leer = gilt für alle Standorte. Neue Standorte erst speichern, dann wählen.",
    )
    byday = models.CharField(_("weekday"), max_length=2, choices=Weekday.choices)
    opens_at = models.TimeField(_("opens at"), help_text="Z. B. 09:00")
    closes_at = models.TimeField(_("closes at"), help_text="Z. B. 12:30")
    valid_from = models.DateField(
        _("valid from"), null=True, blank=True, help_text="Leer = schon gültig."
    )
    valid_to = models.DateField(
        _("valid until"), null=True, blank=True, help_text="Leer = unbefristet."
    )
    by_appointment_only = models.BooleanField(
        _("by appointment only"), default=False, help_text="Nur mit vorheriger Terminabsprache."
    )
    booking_url = models.URLField(
        _("booking link"),
        blank=True,
        help_text="Adresse der Online-Terminbuchung, falls es sie gibt.",
    )

    panels = [
        FieldRowPanel([FieldPanel("byday"), FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("location"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_to")]),
        FieldPanel("by_appointment_only"),
        FieldPanel("booking_url"),
    ]

    WEEKDAY_INDEX = {code: n for n, code in enumerate(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])}

    class Meta(Orderable.Meta):
        ordering = STABLE_ORDER
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self):
        return f"{self.byday} {self.opens_at:%H:%M}–{self.closes_at:%H:%M}"

    def clean(self):
        super().clean()
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _(
                "The closing time (%(closes)s) must come after the opening time (%(opens)s)."
            ) % {"closes": f"{self.closes_at:%H:%M}", "opens": f"{self.opens_at:%H:%M}"}
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            errors["valid_to"] = _("“Valid until” must not be before “valid from”.")
        if errors:
            raise ValidationError(errors)

    def is_valid_on(self, day: datetime.date):
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )


class ServiceClosure(Orderable):
    """A period in which the service is closed (holidays of the team, renovation …).

    Shown with its reason on the service page and the referral slip, and given as a
    schedule exception in the HSDS API (closures.py).
    """

    service = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="closures")
    starts_on = models.DateField(_("closed from"), help_text="Erster geschlossener Tag.")
    ends_on = models.DateField(_("closed until"), help_text="Letzter geschlossener Tag.")
    reason = models.CharField(
        _("reason"),
        max_length=120,
        help_text="Wird angezeigt, z. B. „Betriebsurlaub“ oder „Umzug der Beratungsstelle“.",
    )

    panels = [FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        ordering = STABLE_ORDER
        verbose_name = _("closure period")
        verbose_name_plural = _("closure periods")

    def __str__(self):
        return f"{self.starts_on}–{self.ends_on}: {self.reason}"

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError(
                {"ends_on": _("“Closed until” must not be before “closed from”.")}
            )


class SchoolHoliday(models.Model):
    """A period of NRW school holidays (``import_school_holidays``; closures.py)."""

    name = models.CharField(_("name"), max_length=80, help_text="Z. B. „Sommerferien“.")
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))

    class Meta:
        ordering = ["starts_on"]
        unique_together = [("starts_on", "ends_on")]
        verbose_name = _("school holidays")
        verbose_name_plural = _("school holidays")

    def __str__(self):
        return f"{self.name} {self.starts_on}–{self.ends_on}"


class ServiceContact(Orderable):
    """A way to reach the service (HSDS *contact* with *phone*)."""

    service = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="contacts")
    role = models.CharField(
        _("role"), max_length=120, blank=True, help_text="Z. B. „Beratung“ oder „Sekretariat“."
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text="Dienstliche Nummer, z. B. 02104 99-0."
    )
    phone_languages = models.CharField(
        _("languages on the phone"),
        max_length=60,
        blank=True,
        validators=[validate_language_list],
        help_text="ISO-639-1-Codes mit Komma, z. B. „de, ar, fa“.",
    )
    email = models.EmailField(_("e-mail"), blank=True, help_text="Dienstliche Adresse.")

    panels = [
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("phone_languages")]),
        FieldPanel("email"),
    ]

    class Meta(Orderable.Meta):
        ordering = STABLE_ORDER
        verbose_name = _("contact")

    def __str__(self):
        return self.role or self.phone or self.email

    @property
    def tel_href(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        if digits.startswith("0") and not digits.startswith("00"):
            digits = "+49" + digits[1:]
        return "tel:" + digits

    @property
    def language_codes(self):
        return split_codes(self.phone_languages)


# --- The case-management guide (guide.py) ---------------------------------------------------


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


class DirectoryVersion:
    """A token that changes whenever directory data changes (signal_handlers.py).

    Kept in the portal's content-version table under the key ``directory`` (registered in
    apps.py; ``portal/cache.py``). Each process keeps the facet data of the directory in
    memory and reloads it when this token differs from the one it loaded with, so several
    processes stay consistent without a shared cache.
    """

    KEY = "directory"

    @classmethod
    def current(cls):
        """The directory's token; read with the content version, once per request."""
        return versions()[cls.KEY]

    @classmethod
    def bump(cls):
        return bump(cls.KEY)

    @classmethod
    def state(cls):
        """``(token, changed_at)`` in one query (the HSDS API's ETag and Last-Modified)."""
        return state(cls.KEY)


class ServiceReport(models.Model):
    """A note that an entry may be out of date: a task for the directory editors.

    Providers write one from their verification page ("something changed"), visitors from
    the form "Hinweis zu diesem Eintrag" on the service page. A report never changes the
    entry itself; an editor reads it, edits the service if needed and marks it done.
    """

    class Source(models.TextChoices):
        PROVIDER = "provider", _("provider (verification link)")
        VISITOR = "visitor", _("visitor (feedback form)")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")

    service = models.ForeignKey(
        ServicePage,
        verbose_name=_("service"),
        on_delete=models.CASCADE,
        related_name="reports",
        help_text="Das Angebot, auf das sich der Hinweis bezieht.",
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, help_text="Wer hat den Hinweis gegeben?"
    )
    message = models.TextField(_("message"), help_text="Was laut Hinweis nicht mehr stimmt.")
    reporter_email = models.EmailField(
        _("reporter's e-mail"), blank=True, help_text="Für Rückfragen; freiwillige Angabe."
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.OPEN,
        help_text="„Erledigt“, sobald der Eintrag geprüft oder korrigiert ist.",
    )
    editor_note = models.TextField(
        _("editor's note"), blank=True, help_text="Interne Notiz der Redaktion (nicht öffentlich)."
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    panels = [
        FieldPanel("service", read_only=True),
        FieldPanel("source", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("reporter_email", read_only=True),
        FieldPanel("status"),
        FieldPanel("editor_note"),
    ]

    class Meta:
        verbose_name = _("report on an entry")
        verbose_name_plural = _("reports on entries")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self):
        return f"{self.service.title}: {self.short_message}"

    @property
    def short_message(self):
        return self.message if len(self.message) <= 80 else self.message[:79] + "…"


class DirectoryTeamScope(models.Model):
    """Limits the members of one group to the services of some towns (optional).

    E.g. a group "Verzeichnispflege Hilden" with the page permissions of Verzeichnispflege
    and this scope "Hilden": its members may open, change, delete, copy and move only
    services that serve Hilden, and every service they save must keep serving Hilden.
    Belonging to any scoped group limits a user (superusers excepted); see docs/editorial.md.
    """

    group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="directory_scope",
        help_text="Die Gruppe, deren Mitglieder nur Angebote dieser Städte pflegen.",
    )
    towns = models.ManyToManyField(
        Town,
        verbose_name=_("towns"),
        related_name="+",
        help_text="Städte (deutsche Einträge), deren Angebote die Gruppe pflegen darf.",
    )

    panels = [FieldPanel("group"), FieldPanel("towns", widget=_checkbox())]

    class Meta:
        verbose_name = _("town limit of a directory group")
        verbose_name_plural = _("town limits of directory groups")

    def __str__(self):
        return f"{self.group.name}: {', '.join(t.name for t in self.towns.all())}"

    @classmethod
    def allowed_town_ids(cls, user):
        """None when ``user`` is not limited; else the ids of the towns they may maintain."""
        if not user.is_authenticated or user.is_superuser:
            return None
        scopes = cls.objects.filter(group__in=user.groups.all())
        if not scopes.exists():
            return None
        return set(Town.objects.filter(pk__in=scopes.values("towns")).values_list("pk", flat=True))

    @classmethod
    def user_may_maintain(cls, user, service):
        allowed = cls.allowed_town_ids(user)
        if allowed is None:
            return True
        return bool(allowed & {town.pk for town in service.towns.all()})


# --- Need vocabulary (what people type → what the directory is tagged with) ----------------


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
