"""Providers confirm their own entries: signed links, the monthly mail, "still correct".

A provider is an address in ``ServicePage.assurer_email``. The link in the mail carries
that address, signed with ``SECRET_KEY`` and a timestamp (``django.core.signing``), so it
cannot be altered and stops working after ``TOKEN_MAX_AGE``. The page behind it lists only
the live entries of that one address; nothing else can be reached with it.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.log_actions import log
from wagtail.models import Locale

from portal.cache import bump_content_version
from portal.privacy import public_pages

from .models import ServicePage, ServiceReport

SALT = "services_directory.verification"
TOKEN_MAX_AGE = datetime.timedelta(days=30)
DEFAULT_MONTHS = 6


def make_token(email):
    return signing.dumps({"e": email.strip().lower()}, salt=SALT)


def read_token(token):
    """``(address, None)``, or ``(None, "expired" | "invalid")`` for a bad link."""
    try:
        data = signing.loads(token, salt=SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired:
        return None, "expired"
    except signing.BadSignature:
        return None, "invalid"
    email = data.get("e") if isinstance(data, dict) else None
    if not isinstance(email, str) or "@" not in email:
        return None, "invalid"
    return email, None


def source_services(public=True):
    """Live, public German originals: the entries a provider answers for (translations
    follow). A page with a view restriction is left out: the link is not a login.
    ``public=False`` (editors' counts) keeps restricted pages, like the admin listing."""
    pages = ServicePage.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)
    return public_pages(pages) if public else pages.live()


def services_for(email):
    return source_services().filter(assurer_email__iexact=email).order_by("title")


def due_limit(months, today=None):
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=round(months * 30.44))


def due_addresses(months=DEFAULT_MONTHS, today=None):
    """``{address: [services …]}`` for every address with an entry not verified for N months."""
    limit = due_limit(months, today)
    stale = (
        source_services()
        .exclude(assurer_email="")
        .filter(Q(assured_date__isnull=True) | Q(assured_date__lt=limit))
        .annotate(address=Lower("assurer_email"))
        .values_list("address", flat=True)
        .distinct()
    )
    return {address: list(services_for(address)) for address in sorted(set(stale))}


def verification_url(email):
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("services_directory:verify", args=[make_token(email)])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_request(email, services):
    context = {
        "services": services,
        "url": verification_url(email),
        "max_age_days": TOKEN_MAX_AGE.days,
        "contact_email": settings.PORTAL_CONTACT_EMAIL,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(
            "services_directory/email/verification_request_subject.txt", context
        ).strip()
        body = render_to_string("services_directory/email/verification_request.txt", context)
    send_mail(subject, body, None, [email])


def confirm(service, email, today=None):
    """Mark ``service`` (and its translations) as verified today by ``email``.

    Written to the live rows and patched into the latest revision, so that the next
    publication of a pending draft keeps the date. Nothing is published: a pending draft
    stays a draft in its workflow. Cached pages are stale afterwards (content version).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        pages = ServicePage.objects.filter(translation_key=service.translation_key)
        pages.update(assured_date=today, assurer=email)
        for page in pages.select_related("latest_revision", "live_revision"):
            for revision in {page.latest_revision, page.live_revision} - {None}:
                revision.content["assured_date"] = today.isoformat()
                revision.content["assurer"] = email
                revision.save(update_fields=["content"])
        # In the page history (and Wagtail's audit log); no user: the provider has no login.
        log(instance=service, action="services_directory.provider_verified", data={"by": email})
    bump_content_version()


def report_change(service, email, message):
    return ServiceReport.objects.create(
        service=service,
        source=ServiceReport.Source.PROVIDER,
        reporter_email=email,
        message=message,
    )


# Age of the last verification, for the admin dashboard and the service listing's filter.
AGE_BUCKETS = ("recent", "6-12", "12+", "never")


def age_bucket_q(bucket, today=None):
    """A ``Q`` for services last verified: <6 months, 6–12, >12 months ago, or never."""
    six, twelve = due_limit(6, today), due_limit(12, today)
    return {
        "recent": Q(assured_date__gte=six),
        "6-12": Q(assured_date__lt=six, assured_date__gte=twelve),
        "12+": Q(assured_date__lt=twelve),
        "never": Q(assured_date__isnull=True),
    }[bucket]


def age_counts(queryset=None, today=None):
    """``{bucket: count}`` in one query."""
    from django.db.models import Count

    queryset = source_services() if queryset is None else queryset
    return queryset.aggregate(
        **{bucket: Count("pk", filter=age_bucket_q(bucket, today)) for bucket in AGE_BUCKETS}
    )


def freshness_sections(user, limit):
    """The directory's part of the editors' freshness report (portal/editorial/freshness.py)."""
    from django.utils.translation import gettext_lazy as _

    from portal.editorial.freshness import Item, Section

    listing = reverse("services:index")
    result = []
    for key, title, q, order, query in (
        (
            "services_12",
            _("Services not verified for 12 months or never"),
            age_bucket_q("12+") | age_bucket_q("never"),
            10,
            "?verified=12%2B",
        ),
        (
            "services_6",
            _("Services not verified for 6 to 12 months"),
            age_bucket_q("6-12"),
            20,
            "?verified=6-12",
        ),
    ):
        services = (
            source_services().filter(q).order_by(F("assured_date").asc(nulls_first=True), "title")
        )
        items = [
            Item(
                service.title,
                reverse("wagtailadmin_pages:edit", args=[service.pk]),
                f"{service.assured_date:%d.%m.%Y}" if service.assured_date else _("never verified"),
            )
            for service in services[:limit]
        ]
        result.append(
            Section(key, title, services.count(), items, more_url=listing + query, order=order)
        )
    return result
