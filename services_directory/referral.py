"""The referral slip: one service in German and in the client's language, side by side.

``/<lang>/beratung/<slug>/zettel/?sprache=<code>`` (docs/referral.md). Nothing about the
client is asked or stored: the only input is the language. Only services that every
visitor may see are given a slip (``portal.privacy.public_pages``), whoever asks, so a slip
handed over never carries a workspace's content.
"""

import datetime
import time
from functools import lru_cache
from pathlib import Path

import segno

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from wagtail.models import Locale

from portal.privacy import mark_private, public_pages

from . import directory
from .models import ServiceLocation, ServicePage, language_names
from .presentation import hours_by_location

SLIP_DAYS = 14
# The client's language on the slip. Not Leichte Sprache: the slip's printed texts exist in
# the seven languages only (docs/i18n.md); its German half is there for every client anyway.
SLIP_LANGUAGES = [(c, n) for c, n in settings.LANGUAGES if c not in settings.PORTAL_HTML_LANG]
LANGUAGE_CODES = [code for code, _name in SLIP_LANGUAGES]


def client_language(request, default):
    """The ``sprache`` parameter, checked against the portal's languages; None if unknown."""
    code = (request.GET.get("sprache") or default).strip().lower()
    return code if code in LANGUAGE_CODES else None


def public_service(slug, locale):
    """The live, public, not defunct service with ``slug`` in ``locale`` (or German)."""
    if len(slug) > 255:
        return None
    services = public_pages(ServicePage.objects.filter(slug=slug)).exclude(
        status=ServicePage.Status.DEFUNCT
    )
    found = {s.locale_id: s for s in services.select_related("locale")[:20]}
    return found.get(locale.pk) or next(iter(found.values()), None)


def _translations(service):
    """German and every other public, live translation of ``service``: ``{code: page}``."""
    pages = (
        public_pages(ServicePage.objects.filter(translation_key=service.translation_key))
        .select_related("locale", "service_type", "organisation")
        .prefetch_related(
            "target_groups",
            Prefetch("locations", queryset=ServiceLocation.objects.all()),
        )
    )
    return {page.locale.language_code: page for page in pages}


def _plain(html):
    return " ".join(strip_tags(html or "").split())


def _half(page, code, original, calendar, today, index):
    """Everything one half of the slip shows, in language ``code`` (labels by the template)."""
    with translation.override(code):
        names = language_names(code)
        text = page or original
        groups = hours_by_location(
            list(original.locations.all()),
            original._slip_schedules,
            today,
            SLIP_DAYS,
            today,
            {**calendar, "language": code},
        )
        # The public-transport hint in this language where the translation has one.
        transit = {}
        if page is not None and page is not original:
            transit = {loc.uuid: loc.transit_note for loc in page.locations.all()}
        for group in groups:
            loc = group["location"]
            group["transit_note"] = loc and (transit.get(loc.uuid) or loc.transit_note)
        return {
            "code": code,
            "bidi": code in settings.LANGUAGES_BIDI,
            "translated": page is not None,
            "text_lang": text.locale.language_code,
            "title": text.title,
            "alternate_name": text.alternate_name,
            "description": _plain(text.description),
            "eligibility": text.eligibility_description,
            "target_groups": _term_names(original.target_groups.all(), index, code),
            "minimum_age": original.minimum_age,
            "maximum_age": original.maximum_age,
            "documents": [
                line.strip() for line in text.required_documents.splitlines() if line.strip()
            ],
            "languages": [
                {"code": lang.code, "name": names.get(lang.code, lang.code)}
                for lang in original.languages.all()
            ],
            "hours": groups,
            "access": text.application_process_description,
        }


def _term_names(terms, index, code):
    """Names of vocabulary ``terms`` in ``code`` from the directory's data (no query)."""
    locale_id = index.locales.get(code)
    names = []
    for term in terms:
        known = index.terms["target"].get(str(term.translation_key))
        names.append(known.name(locale_id, index.default_locale_id) if known else term.name)
    return names


def slip_context(request, service, code):
    """The context of the slip (HTML and PDF alike)."""
    index = directory.get_index(request)
    pages = _translations(service)
    default = settings.LANGUAGE_CODE
    original = pages.get(default) or service
    today = directory.clock().astimezone(directory.BERLIN).date()
    original._slip_schedules = [
        s
        for s in original.schedules.all()
        if any(s.is_valid_on(today + datetime.timedelta(days=n)) for n in range(SLIP_DAYS))
    ]
    calendar = {
        "own": [(c.starts_on, c.ends_on, c.reason) for c in original.closures.all()],
        "school_closed": original.closed_in_school_holidays,
        "school_holidays": index.school_holidays,
    }
    target = pages.get(code)
    service_url = request.build_absolute_uri((target or original).url)
    with translation.override(code):
        qr_title = _("QR code: this service on the KIM portal")
    qr = segno.make(service_url, error="m").svg_inline(scale=3, title=str(qr_title))
    contacts = list(original.contacts.all())
    return {
        "service": original,
        "german": _half(original, default, original, calendar, today, index),
        "client": _half(target, code, original, calendar, today, index)
        if code != default
        else None,
        "client_code": code,
        "contacts": contacts,
        "service_url": service_url,
        # segno writes plain SVG markup (rects and paths, no script) from our own data.
        "qr_svg": mark_safe(qr),  # noqa: S308
        "today": today,
        "days": SLIP_DAYS,
        "languages": SLIP_LANGUAGES,
        "pdf_url": f"?sprache={code}&format=pdf",
        "service_page_url": service.url,
    }


def slip(request, slug):
    """The slip as a page (print and phone) or, with ``format=pdf``, as a PDF."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    code = client_language(request, language)
    if code is None:
        return _bad(request, _("This language is not offered. Choose one of the list."))
    locale = Locale.get_active()
    service = public_service(slug, locale)
    if service is None:
        raise Http404(_("There is no public service at this address."))
    context = slip_context(request, service, code)
    fmt = request.GET.get("format", "")
    if fmt == "pdf":
        return slip_pdf(request, context)
    if fmt not in ("", "html"):
        return _bad(request, _("Unknown format: choose the page or PDF."))
    response = TemplateResponse(request, "services_directory/slip.html", context)
    mark_private(response)
    return response


def _bad(request, message):
    return TemplateResponse(
        request,
        "services_directory/slip_error.html",
        {"message": message, "languages": SLIP_LANGUAGES},
        status=400,
    )


def _refuse_fetch(url, *args, **kwargs):
    """WeasyPrint may fetch nothing: the slip's CSS is inline and its QR code is SVG markup."""
    raise ValueError(f"not fetched: {url[:80]}")


@lru_cache(maxsize=1)
def _slip_css():
    path = finders.find("css/slip.css")
    # Our own stylesheet, inside <style>: nothing in it can close the element.
    return mark_safe(Path(path).read_text(encoding="utf-8"))  # noqa: S308


def slip_pdf(request, context):
    from weasyprint import HTML

    started = time.perf_counter()
    context = {**context, "slip_css": _slip_css()}
    html = render_to_string("services_directory/slip_pdf.html", context, request=request)
    pdf = HTML(string=html, base_url="https://pdf.invalid/", url_fetcher=_refuse_fetch).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"zettel-{context['service'].slug}-{context['client_code']}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    response["Server-Timing"] = f"pdf;dur={(time.perf_counter() - started) * 1000:.0f}"
    mark_private(response)
    return response


def slip_url(service, code):
    return reverse("services_directory:slip", kwargs={"slug": service.slug}) + f"?sprache={code}"
