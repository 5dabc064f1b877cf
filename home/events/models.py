"""Events for multipliers: the listing page, the event page, its materials and registrations.

Registrations are rows, not pages (personal data, deleted after the event). They always
point at the event in its source language, so every translation of an event shares one
capacity (see :func:`source_event`).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import BaseViewRestriction, Orderable, Page, PageViewRestriction
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.privacy import document_is_private, mark_private, public_pages, visible_pages

PER_PAGE = 10
FEED_ITEMS = 50

# Kreis Mettmann's ten towns; a light choice field (the directory's Town snippets belong to
# another app, which this one may not import).
TOWNS = [
    ("erkrath", "Erkrath"),
    ("haan", "Haan"),
    ("heiligenhaus", "Heiligenhaus"),
    ("hilden", "Hilden"),
    ("langenfeld", "Langenfeld"),
    ("mettmann", "Mettmann"),
    ("monheim", "Monheim am Rhein"),
    ("ratingen", "Ratingen"),
    ("velbert", "Velbert"),
    ("wuelfrath", "Wülfrath"),
]


class EventTopic(models.TextChoices):
    """The KIM fields of action an event belongs to."""

    DIRECTORY = "verzeichnis", _("The counselling directory")
    COUNSELLING = "beratung", _("Counselling")
    RESIDENCE = "aufenthalt", _("Residence")
    LANGUAGE = "sprache", _("Language")
    WORK = "arbeit", _("Work and training")
    HEALTH = "gesundheit", _("Health")
    NETWORK = "vernetzung", _("Networking")


class Audience(models.TextChoices):
    MULTIPLIERS = "multipliers", _("Multipliers and professionals")
    PUBLIC = "public", _("Everyone")
    WORKSPACE = "workspace", _("Members of one workspace")


class AttendanceMode(models.TextChoices):
    OFFLINE = "offline", _("On site")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("On site and online")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Takes place")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")


def _month(value):
    """``(year, month)`` from ``YYYY-MM``, or None."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return (year, month) if 2000 <= year <= 2100 and 1 <= month <= 12 else None
    except ValueError:
        return None


def with_confirmed_counts(queryset):
    """Annotate ``confirmed_count`` (shared by all translations of an event): one subquery."""
    confirmed = (
        Registration.objects.filter(
            event__translation_key=OuterRef("translation_key"),
            status=Registration.Status.CONFIRMED,
        )
        .order_by()
        .values("event__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(n_confirmed=Coalesce(Subquery(confirmed), 0))


class EventIndexPage(RoutablePageMixin, Page):
    """The list of events (/de/veranstaltungen/): upcoming first, filters, archive, feeds."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Kurzer Text über der Liste der Veranstaltungen."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index")

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A member sees their workspace's events here: never into a shared cache.
        patch_vary_headers(response, ["Cookie"])
        if request.user.is_authenticated:
            mark_private(response)
        return response

    def events(self, request):
        """Events under this index that this visitor may see (members see their workspace's)."""
        return visible_pages(request, EventPage.objects.child_of(self), within=self)

    def filtered(self, request, queryset):
        selected = {}
        month = _month(request.GET.get("month", ""))
        if month:
            queryset = queryset.filter(start__year=month[0], start__month=month[1])
            selected["month"] = f"{month[0]:04d}-{month[1]:02d}"
        for name, choices in (
            ("town", dict(TOWNS)),
            ("topic", dict(EventTopic.choices)),
            ("audience", dict(Audience.choices)),
        ):
            value = request.GET.get(name, "")
            if value in choices:
                queryset = queryset.filter(**{name: value})
                selected[name] = value
        return queryset, selected

    def listing_context(self, request, *, archive):
        now = timezone.now()
        base = self.events(request)
        if archive:
            base = base.filter(end__lt=now).order_by("-start", "-pk")
        else:
            base = base.filter(end__gte=now).order_by("start", "pk")
        queryset, selected = self.filtered(request, base)
        queryset = with_confirmed_counts(queryset)
        if archive:
            queryset = queryset.prefetch_related("materials__document")
        paginator = Paginator(queryset, PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage:
            page_obj = paginator.page(paginator.num_pages)
        months = sorted({d.strftime("%Y-%m") for d in base.dates("start", "month")})
        return {
            "events": page_obj,
            "paginator": paginator,
            "selected": selected,
            "archive": archive,
            "month_choices": [(m, datetime.date(int(m[:4]), int(m[5:]), 1)) for m in months],
            "town_choices": TOWNS,
            "topic_choices": EventTopic.choices,
            "audience_choices": Audience.choices,
        }

    @path("")
    def upcoming(self, request):
        return self.render(request, context_overrides=self.listing_context(request, archive=False))

    @path("archiv/", name="archive")
    def archive(self, request):
        return self.render(request, context_overrides=self.listing_context(request, archive=True))

    def feed_events(self):
        """Public events only, whoever asks: feeds are fetched without a login and shared."""
        return public_pages(EventPage.objects.child_of(self))

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import atom_response

        return atom_response(self, request)

    @path("kalender/", name="calendar")
    def calendar(self, request):
        from .feeds import calendar_response

        since = timezone.now() - datetime.timedelta(days=90)
        events = self.feed_events().filter(end__gte=since).order_by("start")[:500]
        return calendar_response(list(events), request, self.title, "veranstaltungen.ics")


class EventPage(RoutablePageMixin, Page):
    """One workshop, training or conference, with its own registration and calendar entry."""

    teaser = models.TextField(
        _("teaser"), help_text="Ein bis zwei Sätze: worum geht es, für wen? Erscheint in Listen."
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    start = models.DateTimeField(_("start"), help_text="Beginn (Zeitzone Europe/Berlin).")
    end = models.DateTimeField(_("end"), help_text="Ende (Zeitzone Europe/Berlin).")
    event_status = models.CharField(
        _("status"),
        max_length=12,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        help_text="Abgesagt oder verschoben: bleibt sichtbar, Anmeldung geschlossen.",
    )
    attendance_mode = models.CharField(
        _("format"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
        help_text="Vor Ort, online oder beides.",
    )
    place_name = models.CharField(
        _("place"), max_length=200, blank=True, help_text="Z. B. Kreishaus Mettmann, Raum 1.101."
    )
    street_address = models.CharField(
        _("street and number"), max_length=200, blank=True, help_text="Straße und Hausnummer."
    )
    postal_code = models.CharField(_("postcode"), max_length=10, blank=True, help_text="PLZ.")
    town = models.CharField(
        _("town"),
        max_length=20,
        choices=TOWNS,
        blank=True,
        help_text="Stadt des Veranstaltungsorts (leer bei reinen Online-Veranstaltungen).",
    )
    join_url = models.URLField(
        _("join link"),
        blank=True,
        help_text="Link zur Online-Teilnahme. Erscheint nie auf der Seite, nur in den Mails an "
        "bestätigte Teilnehmende.",
    )
    organiser = models.CharField(
        _("organiser"),
        max_length=200,
        default="Kreis Mettmann – Kommunales Integrationsmanagement",
        help_text="Wer lädt ein?",
    )
    audience = models.CharField(
        _("audience"),
        max_length=12,
        choices=Audience.choices,
        default=Audience.MULTIPLIERS,
        help_text="„Mitglieder eines Gremiums“ macht die Seite privat: nur diese Gruppe sieht sie.",
    )
    workspace_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("workspace group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Nur bei „Mitglieder eines Gremiums“: die Gruppe, die die Seite sehen darf.",
    )
    topic = models.CharField(
        _("topic"),
        max_length=20,
        choices=EventTopic.choices,
        default=EventTopic.COUNSELLING,
        help_text="Handlungsfeld, für die Filter der Liste.",
    )
    event_languages = models.CharField(
        _("languages of the event"),
        max_length=60,
        default="de",
        help_text="ISO-639-1-Kürzel, durch Komma getrennt, z. B. „de, ar“.",
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text="Stufenloser Zugang, Induktionsschleife, Gebärdensprache, Untertitel …",
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text="Anzahl der Plätze; leer: unbegrenzt."
    )
    registration_enabled = models.BooleanField(
        _("registration"), default=True, help_text="Anmeldung über das Portal anbieten."
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text="Bis wann ist die Anmeldung möglich? Leer: bis zum Beginn.",
    )
    price = models.DecimalField(
        _("price in euros"),
        max_digits=7,
        decimal_places=2,
        default=0,
        help_text="Meist 0 (kostenfrei).",
    )

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("event_status"),
                FieldPanel("attendance_mode"),
            ],
            heading=_("Date and format"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("town")]),
                FieldPanel("join_url"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("audience"),
                FieldPanel("workspace_group"),
                FieldPanel("topic"),
                FieldPanel("event_languages"),
                FieldPanel("accessibility"),
            ],
            heading=_("Audience and accessibility"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("price")]),
                FieldPanel("registration_deadline"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        InlinePanel("materials", label=_("Materials"), heading=_("Materials after the event")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.AutocompleteField("teaser"),
        index.FilterField("start"),
        index.FilterField("town"),
        index.FilterField("topic"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        indexes = [models.Index(fields=["start"]), models.Index(fields=["end"])]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end lies before the start.")})
        if self.audience == Audience.WORKSPACE and not self.workspace_group_id:
            raise ValidationError({"workspace_group": _("Choose the group that may see it.")})
        codes = self.language_codes
        unknown = [code for code in codes if len(code) != 2 or not code.isalpha()]
        if unknown or not codes:
            raise ValidationError({"event_languages": _("Two-letter codes, e.g. “de, ar”.")})

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.sync_restriction()

    def sync_restriction(self):
        """Members-only events carry a group restriction, so portal.privacy hides them.

        Only the restriction this method manages (one row naming the chosen group) is
        touched; an editor's own restriction on a public event is left alone.
        """
        rows = PageViewRestriction.objects.filter(page=self)
        if self.audience == Audience.WORKSPACE and self.workspace_group_id:
            restriction = rows.first()
            if restriction is None or restriction.restriction_type != BaseViewRestriction.GROUPS:
                rows.delete()
                restriction = PageViewRestriction.objects.create(
                    page=self, restriction_type=BaseViewRestriction.GROUPS
                )
            if list(restriction.groups.values_list("pk", flat=True)) != [self.workspace_group_id]:
                restriction.groups.set([self.workspace_group_id])
        elif self.workspace_group_id:
            rows.filter(
                restriction_type=BaseViewRestriction.GROUPS, groups=self.workspace_group_id
            ).delete()

    # --- what the templates and feeds read ------------------------------------------------

    @property
    def language_codes(self):
        return [c.strip().lower() for c in (self.event_languages or "").split(",") if c.strip()]

    @property
    def languages_display(self):
        """``[(code, name in that language)]``; an unknown code shows as itself."""
        from django.utils.translation import get_language_info

        result = []
        for code in self.language_codes:
            try:
                result.append((code, get_language_info(code)["name_local"]))
            except KeyError:
                result.append((code, code))
        return result

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_online(self):
        return self.attendance_mode != AttendanceMode.OFFLINE

    @property
    def is_free(self):
        return not self.price

    @property
    def town_name(self):
        return dict(TOWNS).get(self.town, "")

    @property
    def deadline(self):
        return self.registration_deadline or self.start

    def registration_open(self, now=None):
        now = now or timezone.now()
        return (
            self.registration_enabled
            and self.event_status == EventStatus.SCHEDULED
            and now < self.deadline
            and now < self.end
        )

    def free_places(self, confirmed):
        """Places left (``None``: unlimited), never below zero."""
        if self.capacity is None:
            return None
        return max(0, self.capacity - confirmed)

    def source(self):
        return source_event(self)

    def confirmed_count(self):
        """Confirmed places of all translations (annotated by the listing, else one query)."""
        if getattr(self, "n_confirmed", None) is None:
            self.n_confirmed = Registration.objects.filter(
                event__translation_key=self.translation_key,
                status=Registration.Status.CONFIRMED,
            ).count()
        return self.n_confirmed

    @property
    def places_left(self):
        return self.free_places(self.confirmed_count())

    @property
    def availability(self):
        """``closed``, ``unlimited``, ``available`` or ``waiting`` (full: waiting list)."""
        if not self.registration_open():
            return "closed"
        left = self.places_left
        if left is None:
            return "unlimited"
        return "available" if left > 0 else "waiting"

    def public_materials(self):
        rows = self.materials.select_related("document__collection").order_by("sort_order")
        return [row for row in rows if row.document_id and not document_is_private(row.document)]

    def get_context(self, request, *args, **kwargs):
        from .forms import RegistrationForm

        context = super().get_context(request, *args, **kwargs)
        confirmed = self.confirmed_count()
        context.update(
            confirmed=confirmed,
            free_places=self.free_places(confirmed),
            open_for_registration=self.registration_open(),
            form=kwargs.get("form") or RegistrationForm(),
            materials=self.public_materials() if self.is_past else [],
            json_ld=self.json_ld(request, confirmed),
            retention_days=retention_days(),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        patch_vary_headers(response, ["Cookie"])
        return response

    def json_ld(self, request, confirmed):
        from .feeds import event_json_ld

        return event_json_ld(self, request, confirmed)

    @path("kalender/", name="calendar")
    def calendar(self, request):
        from .feeds import calendar_response

        return calendar_response([self], request, self.title, f"{self.slug}.ics")


def retention_days():
    """Days after an event's end before its registrations are deleted (settings)."""
    return getattr(settings, "EVENT_REGISTRATION_RETENTION_DAYS", 90)


def source_event(page):
    """The event in its source language: the one every translation's registrations use."""
    from wagtail.models import Locale

    if page.locale_id == Locale.get_default().pk:
        return page
    original = (
        EventPage.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .order_by("pk")
        .first()
    )
    default = EventPage.objects.filter(
        translation_key=page.translation_key, locale=Locale.get_default()
    ).first()
    return default or original or page


class EventMaterial(Orderable):
    """A document shown on the event page once the event is over (slides, minutes)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("file"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Folien, Handout, Dokumentation. Nicht aus einer Gremien-Sammlung wählen.",
    )
    label = models.CharField(
        _("link text"), max_length=200, blank=True, help_text="Leer: Titel des Dokuments."
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("material")


class Registration(models.Model):
    """One person's registration for one event (personal data: see the retention command).

    ``pending`` until the e-mail link is followed (double opt-in); then ``confirmed`` while
    places are left, else ``waiting``. A cancelled row keeps no place.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.PENDING, Status.CONFIRMED, Status.WAITING)

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="de"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "confirmed_at", "created_at", "pk"]
        constraints = [
            # The same address cannot hold two places (or a place and a wait) of one event.
            models.UniqueConstraint(
                "event",
                "email",
                condition=Q(status__in=["pending", "confirmed", "waiting"]),
                name="events_one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.name} – {self.event.title}"
