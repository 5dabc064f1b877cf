"""The monthly planning report as a PDF, filed in the steering group's private collection.

``manage.py send_planning_report`` (cron, on the 1st) renders :func:`build_report` with
WeasyPrint (as the handbooks are, ``home/pdf.py``), stores it as a Wagtail document titled
"Angebotsplanung YYYY-MM" in the collection ``PLANNING_REPORT_COLLECTION`` (default
"Lenkungsgruppe", the workspace's own collection) and mails the members of
``PLANNING_STEERING_GROUPS`` a link. Running it again for the same month changes nothing.

This module knows no workspace model (apps don't import each other): it finds the
collection by name through Wagtail's ``Collection`` and refuses to file the report into a
collection that is not restricted to the steering group.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction

from .planning import build_report
from .planning_views import report_context
from .unmet_needs import add_months, month_start

DEFAULT_STEERING_GROUPS = ("Gremium: Lenkungsgruppe", "Gremium: Lenkungsgruppe – Leitung")
TITLE = "Angebotsplanung {month:%Y-%m}"


class FilingError(Exception):
    """The report cannot be filed safely (no collection, or one that is not private)."""


def steering_groups():
    return tuple(getattr(settings, "PLANNING_STEERING_GROUPS", DEFAULT_STEERING_GROUPS))


def steering_collection():
    """The steering group's private collection; raises :class:`FilingError` otherwise."""
    name = getattr(settings, "PLANNING_REPORT_COLLECTION", "Lenkungsgruppe")
    collection = Collection.objects.filter(name=name).order_by("depth", "pk").first()
    if collection is None:
        raise FilingError(f"There is no collection named “{name}”.")
    restrictions = CollectionViewRestriction.objects.filter(
        collection__in=collection.get_ancestors(inclusive=True)
    )
    private = any(
        r.restriction_type == BaseViewRestriction.GROUPS
        and r.groups.filter(name__in=steering_groups()).exists()
        and not r.groups.exclude(name__in=steering_groups()).exists()
        for r in restrictions
    )
    if not private:
        raise FilingError(
            f"The collection “{name}” is not restricted to the steering group; "
            "the report is not filed there."
        )
    return collection


def _url_fetcher():
    from weasyprint.urls import URLFetcher

    class RefuseAll(URLFetcher):
        """The report has everything inline (styles, SVG): nothing is ever fetched."""

        def fetch(self, url, headers=None):
            raise ValueError(f"Refusing to fetch {url} for a PDF")

    return RefuseAll()


def render_pdf(report):
    from weasyprint import HTML

    with translation.override("de"):
        html = render_to_string(
            "services_directory/planning/pdf.html",
            {**report_context(report), "LANGUAGE_CODE": "de"},
        )
    return HTML(
        string=html, base_url="https://pdf.invalid/", url_fetcher=_url_fetcher()
    ).write_pdf()


def file_monthly_report(month=None, today=None, force=False):
    """File the report for ``month`` (default: the month that just ended).

    Returns ``(document, created)``; mails the steering group only when it was created.
    """
    today = today or datetime.date.today()
    month = month_start(month) if month else add_months(month_start(today), -1)
    collection = steering_collection()
    title = TITLE.format(month=month)
    Document = get_document_model()
    existing = Document.objects.filter(collection=collection, title=title).first()
    if existing is not None and not force:
        return existing, False
    with translation.override("de"):
        report = build_report({}, today=today, language="de")
    data = render_pdf(report)
    document = existing or Document(title=title, collection=collection)
    document.file.save(f"angebotsplanung-{month:%Y-%m}.pdf", ContentFile(data), save=False)
    document.save()
    if existing is None:
        notify(document, month)
    return document, existing is None


def recipients():
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=steering_groups())
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
        .order_by("email")
    )


def notify(document, month):
    """One short mail per member: that the report exists and where; no figures in it."""
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override("de"):
        body = render_to_string(
            "services_directory/email/planning_report.txt",
            {
                "month": month,
                "url": base + document.url,
                "report_url": base + "/admin/reports/angebotsplanung/",
            },
        )
    for address in recipients():
        send_mail(
            f"KIM: Angebotsplanung {month:%m/%Y} liegt vor",
            body,
            None,
            [address],
        )
