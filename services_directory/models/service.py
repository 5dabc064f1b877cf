"""One counselling offer (``ServicePage``) and its parts: languages, locations, opening hours,
closures, contacts; the NRW school holidays the closures refer to.

Field names follow Open Referral HSDS 3.0 wherever one exists (docs/api.md), so that
an HSDS API is a mapping rather than a translation.
"""

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..admin_forms import ServicePageForm
from ..text import fold
from .languages import language_names, split_codes, validate_language_code, validate_language_list
from .taxonomy import Organisation, ServiceType, TargetGroup, Topic, Town, _checkbox

# NRW's bounding box, generously rounded (coordinates must lie in NRW: docs/directory.md).
NRW_LATITUDE = (50.3, 52.6)
NRW_LONGITUDE = (5.8, 9.5)


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
        from ..presentation import live_status, service_context, service_fragments

        context = super().get_context(request, *args, **kwargs)
        # An anonymous visitor's article and JSON-LD come from the fragment cache when they
        # were rendered today for this content version; their queries are skipped then.
        context["fragments"] = fragments = service_fragments(self, request)
        if not fragments.complete:
            context.update(service_context(self, request))
        context["live_status"] = live_status(self, request)  # time of day: never cached
        return context

    def serve(self, request, *args, **kwargs):
        from django.utils.cache import patch_cache_control

        from ..presentation import LIVE_STATUS_SECONDS

        response = super().serve(request, *args, **kwargs)
        # "Open now" must not outlive its minute: bounds the anonymous page cache too.
        patch_cache_control(response, max_age=LIVE_STATUS_SECONDS)
        return response


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
