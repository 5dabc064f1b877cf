"""The directory as Open Referral HSDS 3.0 records (the API, export and import).

Ids (docs/api.md): a service is its German page's ``translation_key`` (shared by all its
translations), an organisation or taxonomy term its snippet's ``translation_key``, a
location its stored ``ServiceLocation.uuid``. Records that exist only as a part of a
service (phones, contacts, schedules, languages, documents, service areas, attributes,
addresses) get ids derived with ``uuid5`` from their parent's id and their position, so
export and re-import give the same ids again.
"""

import datetime
import html
import re
import uuid

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext, gettext_noop

from portal.privacy import public_pages

from ..models import (
    Organisation,
    ServiceLocation,
    ServicePage,
    ServiceType,
    TargetGroup,
    Topic,
    Town,
    language_names,
)

HSDS_VERSION = "3.0"
# Fixed namespace for the ids the portal derives itself (taxonomies, KIM properties).
NAMESPACE = uuid.UUID("6f3f0c38-5d2e-4b8e-9d4a-2f1b7c2f6a11")
STATE = "Nordrhein-Westfalen"
COUNTRY = "DE"

# Our status → HSDS status ("inactive" in the portal means temporarily closed).
STATUS_TO_HSDS = {"active": "active", "inactive": "temporarily closed", "defunct": "defunct"}
STATUS_FROM_HSDS = {"active": "active", "temporarily closed": "inactive", "inactive": "inactive"}
STATUS_FROM_HSDS["defunct"] = "defunct"


def derived_id(parent, name):
    return str(uuid.uuid5(uuid.UUID(str(parent)), name))


class Vocabulary:
    """One HSDS taxonomy: a portal snippet model, or KIM's fixed properties."""

    def __init__(self, key, label, model=None, link_type=""):
        self.key = key
        self.label = label  # English msgid, shown in the request's language
        self.model = model
        self.link_type = link_type or key
        self.id = str(uuid.uuid5(NAMESPACE, f"taxonomy:{key}"))


VOCABULARIES = [
    Vocabulary("service_type", gettext_noop("Service types"), ServiceType),
    Vocabulary("topic", gettext_noop("Topics"), Topic),
    Vocabulary("target_group", gettext_noop("Target groups"), TargetGroup),
    Vocabulary("town", gettext_noop("Towns"), Town),
    Vocabulary("kim", gettext_noop("Access and attendance")),
]
VOCABULARY = {v.key: v for v in VOCABULARIES}
_TAXONOMY_DESCRIPTIONS = {
    "service_type": gettext_noop("Kinds of counselling programme (JMD, MBE, Integration Point …)."),
    "topic": gettext_noop("Life areas and KIM fields of action."),
    "target_group": gettext_noop("Whom a service is for."),
    "town": gettext_noop("The towns of the district of Mettmann."),
    "kim": gettext_noop("How a service is accessed and attended (fixed terms of the KIM portal)."),
}


# Closed days given as schedule exceptions (closures.py): kind → label of the fixed term.
EXCEPTION_KINDS = {
    "closure": "closed (closure period of the service)",
    "holiday": "closed (public holiday in NRW)",
    "school": "closed (NRW school holidays)",
}


def fixed_terms():
    """KIM's fixed terms: access (application process), attendance, appointment only."""
    terms = []
    for value, label in ServicePage.ApplicationProcess.choices:
        terms.append(("application_process", value, label))
    for value, label in ServiceLocation.AttendingType.choices:
        terms.append(("attending_type", value, label))
    terms.append(("by_appointment_only", "yes", "by appointment only"))
    for value, label in EXCEPTION_KINDS.items():
        terms.append(("schedule_exception", value, label))
    return [
        {
            "id": str(uuid.uuid5(NAMESPACE, f"kim:{kind}:{value}")),
            "code": f"{kind}:{value}",
            "kind": kind,
            "value": value,
            "label": label,
        }
        for kind, value, label in terms
    ]


FIXED_TERMS = {(t["kind"], t["value"]): t for t in fixed_terms()}
FIXED_TERMS_BY_ID = {t["id"]: t for t in FIXED_TERMS.values()}


def clean(record, keep=()):
    """Drop empty optional values (HSDS has no nulls, and "" is not a valid uri/email)."""
    return {k: v for k, v in record.items() if k in keep or (v is not None and v != "")}


# --- Text --------------------------------------------------------------------------------

_BLOCK_END = re.compile(r"(?i)</(p|h[1-6]|ul|ol)>")


def html_to_text(value):
    """Rich text → plain text: paragraphs separated by a blank line, list items by lines."""
    text = re.sub(r"(?i)<br\s*/?>", "\n", value or "")
    text = re.sub(r"(?i)<li[^>]*>", "- ", text)
    text = re.sub(r"(?i)</li>", "\n", text)
    text = _BLOCK_END.sub("\n\n", text)
    text = html.unescape(strip_tags(text))
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def text_to_html(value):
    """Plain text → rich text paragraphs; ``html_to_text(text_to_html(t)) == t``."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", value or "") if b.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line.strip()) for line in block.splitlines()) + "</p>"
        for block in blocks
    )


# --- Context of one request ----------------------------------------------------------------


def languages():
    """Values of ``?lang=``: language tags only. Leichte Sprache (``de-ls``) is not one
    (HSDS consumers would read "de-LS" as German of Lesotho) and its pages are an editorial
    rewrite of the German ones, so the API offers German for it (docs/i18n.md)."""
    return [code for code, _name in settings.LANGUAGES if code not in settings.PORTAL_HTML_LANG]


class Context:
    """The request's language and the lookups that cost a constant number of queries."""

    def __init__(self, request=None, lang=None, private=False):
        self.request = request
        self.lang = lang or settings.LANGUAGE_CODE
        self.default = self.lang == settings.LANGUAGE_CODE
        self.private = private  # export: also fields not shown publicly
        self._term_names = None
        self.translations = {}

    def term_names(self):
        """translation_key → name in the request's language (one query per vocabulary)."""
        if self._term_names is None:
            self._term_names = {}
            if not self.default:
                for model in (ServiceType, Topic, TargetGroup, Town, Organisation):
                    rows = model.objects.filter(locale__language_code=self.lang).values_list(
                        "translation_key", "name"
                    )
                    self._term_names.update({str(k): n for k, n in rows})
        return self._term_names

    def name(self, snippet):
        return self.term_names().get(str(snippet.translation_key)) or snippet.name

    def load_translations(self, pages):
        """Live public translations of ``pages`` in the request's language (one query)."""
        if self.default or not pages:
            return
        keys = [page.translation_key for page in pages]
        found = public_pages(
            ServicePage.objects.filter(locale__language_code=self.lang, translation_key__in=keys)
        )
        self.translations.update({str(p.translation_key): p for p in found})

    def text(self, page, field):
        translated = self.translations.get(str(page.translation_key))
        value = getattr(translated, field, "") if translated is not None else ""
        return value or getattr(page, field)

    def label(self, msgid):
        with translation.override(self.lang):
            # Choice labels are lazy: evaluate them inside the override.
            return gettext(msgid) if isinstance(msgid, str) else str(msgid)


# --- Querysets ---------------------------------------------------------------------------


def public_services():
    """Live, public German services: the only ones the API and the export ever show."""
    return public_pages(
        ServicePage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    ).select_related("service_type", "organisation")


def with_parts(queryset):
    return queryset.prefetch_related(
        "languages",
        Prefetch("locations", queryset=ServiceLocation.objects.select_related("town")),
        "schedules",
        "contacts",
        "towns",
        "topics",
        "target_groups",
    )


# --- Records -----------------------------------------------------------------------------


def organization_record(org, ctx):
    return clean(
        {
            "id": str(org.translation_key),
            "name": ctx.name(org),
            "description": "",
            "email": org.email,
            "website": org.website,
        },
        keep=("description",),
    )


def term_record(vocabulary, snippet, ctx):
    return clean(
        {
            "id": str(snippet.translation_key),
            "code": snippet.slug,
            "name": ctx.name(snippet),
            "description": "",
            "taxonomy": vocabulary.key,
            "taxonomy_id": vocabulary.id,
            "language": ctx.lang,
        },
        keep=("description",),
    )


def fixed_term_record(term, ctx):
    return {
        "id": term["id"],
        "code": term["code"],
        "name": ctx.label(term["label"]),
        "description": "",
        "taxonomy": "kim",
        "taxonomy_id": VOCABULARY["kim"].id,
        "language": ctx.lang,
    }


def taxonomy_record(vocabulary, ctx):
    return {
        "id": vocabulary.id,
        "name": ctx.label(vocabulary.label),
        "description": ctx.label(_TAXONOMY_DESCRIPTIONS[vocabulary.key]),
    }


def attribute(link_id, link_entity, term, link_type):
    return {
        "id": derived_id(link_id, f"attribute:{term['id']}"),
        "link_id": str(link_id),
        "link_type": link_type,
        "link_entity": link_entity,
        "taxonomy_term_id": term["id"],
        "taxonomy_term": term,
    }


def fixed_attribute(link_id, link_entity, kind, value, ctx):
    term = FIXED_TERMS.get((kind, value))
    if term is None:
        return None
    return attribute(link_id, link_entity, fixed_term_record(term, ctx), kind)


def service_summary(page, ctx):
    """The one-to-one fields of a service (``/services`` items), with its organisation."""
    sid = str(page.translation_key)
    email = next((c.email for c in page.contacts.all() if c.email), "")
    translated = ctx.translations.get(sid)
    url_page = translated if translated is not None else page
    record = {
        "id": sid,
        "organization_id": str(page.organisation.translation_key),
        "name": ctx.text(page, "title"),
        "alternate_name": ctx.text(page, "alternate_name"),
        "description": html_to_text(ctx.text(page, "description")),
        "url": url_page.get_full_url(ctx.request),
        "email": email,
        "status": STATUS_TO_HSDS.get(page.status, "active"),
        "interpretation_services": ctx.text(page, "interpretation_services"),
        "application_process": ctx.text(page, "application_process_description"),
        "fees_description": ctx.text(page, "fees_description"),
        "eligibility_description": ctx.text(page, "eligibility_description"),
        "minimum_age": page.minimum_age,
        "maximum_age": page.maximum_age,
        "assured_date": page.assured_date.isoformat() if page.assured_date else None,
        "alert": ctx.text(page, "alert"),
        "last_modified": page.last_published_at.isoformat() if page.last_published_at else None,
        "organization": organization_record(page.organisation, ctx),
    }
    if ctx.private:
        record["assurer_email"] = page.assurer_email
    return clean(record, keep=("name",))


def service_record(page, ctx):
    """The full service (``/services/{id}``): every part of it, nested as HSDS nests it."""
    record = service_summary(page, ctx)
    sid = record["id"]
    names = language_names(ctx.lang)
    record["languages"] = [
        clean(
            {
                "id": derived_id(sid, f"language:{n}"),
                "service_id": sid,
                "code": lang.code,
                "name": names.get(lang.code, lang.code),
                "note": lang.note,
            }
        )
        for n, lang in enumerate(page.languages.all())
    ]
    contacts, phones = [], []
    for n, contact in enumerate(page.contacts.all()):
        contact_id = derived_id(sid, f"contact:{n}")
        contacts.append(
            clean(
                {"id": contact_id, "service_id": sid, "title": contact.role, "email": contact.email}
            )
        )
        if contact.phone:
            phone_id = derived_id(sid, f"phone:{n}")
            phones.append(
                {
                    "id": phone_id,
                    "service_id": sid,
                    "contact_id": contact_id,
                    "number": contact.phone,
                    "languages": [
                        {
                            "id": derived_id(phone_id, f"language:{code}"),
                            "phone_id": phone_id,
                            "code": code,
                            "name": names.get(code, code),
                        }
                        for code in contact.language_codes
                    ],
                }
            )
    record["contacts"] = contacts
    record["phones"] = phones
    schedules = list(page.schedules.all())
    locations = list(page.locations.all())
    record["schedules"] = [
        schedule_record(s, n, sid, ctx) for n, s in enumerate(schedules) if s.location_id is None
    ]
    if not ctx.private:
        # Published, not exported: the import reads weekly hours only (docs/api.md).
        record["schedules"] += schedule_exceptions(page, sid, ctx)
    record["service_at_locations"] = [
        service_at_location_record(page, loc, ctx, schedules) for loc in locations
    ]
    record["service_areas"] = [
        {
            "id": derived_id(sid, f"service_area:{town.translation_key}"),
            "service_id": sid,
            "name": ctx.name(town),
        }
        for town in page.towns.all()
    ]
    documents = [line.strip() for line in ctx.text(page, "required_documents").splitlines()]
    record["required_documents"] = [
        {"id": derived_id(sid, f"document:{n}"), "service_id": sid, "document": line}
        for n, line in enumerate(line for line in documents if line)
    ]
    attributes = [
        attribute(
            sid,
            "service",
            term_record(VOCABULARY["service_type"], page.service_type, ctx),
            "service_type",
        )
    ]
    for key, manager in (("topic", "topics"), ("target_group", "target_groups"), ("town", "towns")):
        for snippet in getattr(page, manager).all():
            attributes.append(
                attribute(sid, "service", term_record(VOCABULARY[key], snippet, ctx), key)
            )
    attributes.append(
        fixed_attribute(sid, "service", "application_process", page.application_process, ctx)
    )
    record["attributes"] = [a for a in attributes if a]
    return record


def schedule_record(schedule, n, sid, ctx, sal_id=None, location_id=None):
    sched_id = derived_id(sid, f"schedule:{n}")
    record = clean(
        {
            "id": sched_id,
            "service_id": None if sal_id else sid,
            "service_at_location_id": sal_id,
            "location_id": location_id,
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": schedule.byday,
            "opens_at": schedule.opens_at.strftime("%H:%M"),
            "closes_at": schedule.closes_at.strftime("%H:%M"),
            "valid_from": schedule.valid_from.isoformat() if schedule.valid_from else None,
            "valid_to": schedule.valid_to.isoformat() if schedule.valid_to else None,
            "schedule_link": schedule.booking_url,
        }
    )
    if schedule.by_appointment_only:
        record["attributes"] = [
            fixed_attribute(sched_id, "schedule", "by_appointment_only", "yes", ctx)
        ]
    return record


def schedule_exceptions(page, sid, ctx):
    """Closed days of this and next calendar year as HSDS schedules without hours.

    Each has ``valid_from``/``valid_to``, the reason or holiday name as ``description`` and
    a ``kim`` attribute ``schedule_exception:closure|holiday|school``. Whole calendar years
    keep the answer the same from one day to the next.
    """
    from ..closures import public_holidays_between
    from ..models import SchoolHoliday

    year = timezone.localdate().year
    first, last = datetime.date(year, 1, 1), datetime.date(year + 1, 12, 31)
    rows = [
        ("closure", c.starts_on, c.ends_on, c.reason)
        for c in page.closures.all()
        if c.ends_on >= first and c.starts_on <= last
    ]
    rows += [("holiday", d, d, name) for d, name in public_holidays_between(first, last, ctx.lang)]
    if page.closed_in_school_holidays:
        if getattr(ctx, "school_holidays", None) is None:
            ctx.school_holidays = list(
                SchoolHoliday.objects.filter(ends_on__gte=first, starts_on__lte=last).values_list(
                    "starts_on", "ends_on", "name"
                )
            )
        rows += [("school", start, end, name) for start, end, name in ctx.school_holidays]
    records = []
    for kind, start, end, label in sorted(rows, key=lambda r: (r[1], r[0])):
        record_id = derived_id(sid, f"exception:{kind}:{start.isoformat()}")
        record = clean(
            {
                "id": record_id,
                "service_id": sid,
                "valid_from": start.isoformat(),
                "valid_to": end.isoformat(),
                "description": label,
            }
        )
        record["attributes"] = [
            fixed_attribute(record_id, "schedule", "schedule_exception", kind, ctx)
        ]
        records.append(record)
    return records


def location_record(loc, ctx):
    lid = str(loc.uuid)
    physical = bool(loc.address_1 or loc.latitude is not None) or (
        loc.attending_type == ServiceLocation.AttendingType.IN_PERSON
    )
    record = clean(
        {
            "id": lid,
            "location_type": "physical" if physical else "virtual",
            "name": loc.name,
            "transportation": loc.transit_note,
            "latitude": float(loc.latitude) if loc.latitude is not None else None,
            "longitude": float(loc.longitude) if loc.longitude is not None else None,
        }
    )
    if loc.address_1 or loc.postal_code or loc.city:
        record["addresses"] = [
            {
                "id": derived_id(lid, "address"),
                "location_id": lid,
                "address_1": loc.address_1,
                "city": loc.city,
                "state_province": STATE,
                "postal_code": loc.postal_code,
                "country": COUNTRY,
                "address_type": "physical",
            }
        ]
    if loc.accessibility:
        record["accessibility"] = [
            {
                "id": derived_id(lid, "accessibility"),
                "location_id": lid,
                "description": loc.accessibility,
            }
        ]
    if loc.town_id:
        record["attributes"] = [
            attribute(lid, "location", term_record(VOCABULARY["town"], loc.town, ctx), "town")
        ]
    return record


def service_at_location_record(page, loc, ctx, schedules=None, with_service=False):
    sid = str(page.translation_key)
    lid = str(loc.uuid)
    sal_id = derived_id(lid, "service_at_location")
    schedules = list(page.schedules.all()) if schedules is None else schedules
    record = {
        "id": sal_id,
        "service_id": sid,
        "location_id": lid,
        "location": location_record(loc, ctx),
        "schedules": [
            schedule_record(s, n, sid, ctx, sal_id=sal_id, location_id=lid)
            for n, s in enumerate(schedules)
            if s.location_id == loc.pk
        ],
        "attributes": [
            fixed_attribute(
                sal_id, "service_at_location", "attending_type", loc.attending_type, ctx
            )
        ],
    }
    record["attributes"] = [a for a in record["attributes"] if a]
    if with_service:
        record["service"] = service_summary(page, ctx)
    return record
