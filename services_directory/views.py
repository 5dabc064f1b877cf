"""The directory page's response: the GET form, facets, chips, result cards, pagination."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from portal.privacy import mark_private
from portal.security.ratelimit import rate_limited

from . import directory, unmet_needs
from .models import ServicePage, Topic, language_names

RESULTS_PER_PAGE = 20
DIRECTORY_TEAM_GROUP = "Verzeichnispflege"


def directory_context(page, request, now=None):
    """The directory page's context for this request's GET parameters (its ``get_context``)."""
    index = directory.get_index(request)
    selection = directory.parse(request.GET, index)
    now = now or directory.clock()
    local = now.astimezone(directory.BERLIN)
    result = directory.find(request, page, selection, now=now)
    language = translation.get_language() or settings.LANGUAGE_CODE
    locale_id = index.locales.get(language, index.default_locale_id)
    towns = selection.facets.get("town", ())
    unmet_needs.record(selection.raw_query, language, towns, len(result.ids), visitor=request.user)

    def label(kind, key):
        if kind == "language":
            return language_names(language).get(key, key)
        term = index.term(kind, key)
        return term.name(locale_id, index.default_locale_id) if term else key

    def slug(kind, key):
        if kind == "language":
            return key
        term = index.term(kind, key)
        return term.slug if term else key

    def url(drop_facet=None, drop_key=None, drop_all=None, query=None):
        pairs = []
        query = selection.raw_query if query is None else query
        if query and drop_all != "q":
            pairs.append(("q", query))
        if selection.postcode and drop_all != "postcode":
            pairs.append(("postcode", selection.postcode))
        for facet in directory.FACETS:
            if drop_all == facet or facet in selection.inferred:
                continue
            for key in selection.facets.get(facet, []):
                if facet == drop_facet and key == drop_key:
                    continue
                pairs.append((facet, slug(facet, key)))
        if selection.age is not None and drop_all != "age" and "age" not in selection.inferred:
            pairs.append(("age", selection.age))
        if selection.open_now and drop_all != "open_now":
            pairs.append(("open_now", "1"))
        return "?" + urlencode(pairs) if pairs else "?"

    # Facets: every option that has results with the other choices, plus the chosen ones.
    facets = []
    legends = {
        "town": _("Town"),
        "type": _("Kind of service"),
        "language": _("Spoken languages"),
        "target": _("Target group"),
    }
    for facet in ("town", "type", "topic", "language", "target"):
        chosen = selection.facets.get(facet, [])
        keys = set(result.counts[facet]) | set(chosen)
        options = [
            {
                "value": slug(facet, key),
                "label": label(facet, key),
                "count": result.counts[facet].get(key, 0),
                "checked": key in chosen,
                "kind": index.term(facet, key).kind
                if facet == "topic" and index.term(facet, key)
                else "",
            }
            for key in keys
        ]
        options.sort(key=lambda o: directory.fold(o["label"]))
        if facet == "topic":
            for kind, legend in (
                (Topic.Kind.LIFE_AREA, _("Life area")),
                (Topic.Kind.FIELD_OF_ACTION, _("Field of action")),
            ):
                group = [
                    o
                    for o in options
                    if o["kind"] == kind or (not o["kind"] and kind == Topic.Kind.LIFE_AREA)
                ]
                if group:
                    facets.append(
                        {"name": "topic", "id": f"topic-{kind}", "legend": legend, "options": group}
                    )
        elif options:
            facets.append(
                {"name": facet, "id": facet, "legend": legends[facet], "options": options}
            )

    chips = []
    if selection.query:
        chips.append(
            {"label": _("Search: %(q)s") % {"q": selection.query}, "url": url(drop_all="q")}
        )
    understanding = result.understanding
    for facet in directory.FACETS:
        for key in selection.facets.get(facet, []):
            if facet == "town" and selection.inferred.get("town") == "postcode":
                chip_url = url(drop_all="postcode")
            elif facet in selection.inferred:
                chip_url = url(query=_without_words(selection.raw_query, understanding.town_words))
            else:
                chip_url = url(drop_facet=facet, drop_key=key)
            chips.append({"label": label(facet, key), "url": chip_url})
    if selection.age is not None:
        if "age" in selection.inferred:
            chip_url = url(query=_without_text(selection.raw_query, understanding.age_text))
        else:
            chip_url = url(drop_all="age")
        chips.append({"label": _("Age %(age)s") % {"age": selection.age}, "url": chip_url})
    if selection.open_now:
        chips.append({"label": _("Open now"), "url": url(drop_all="open_now")})

    paginator = Paginator(result.ids, RESULTS_PER_PAGE)
    results_page = paginator.get_page(min(selection.page, paginator.num_pages))

    # The card needs no query: its URL is the directory's, followed by the rest of the path
    # kept in the facet data (every result lies below this directory page).
    page_url, page_path = page.get_url(request), page.url_path

    def service_url(entry):
        if entry.url_path.startswith(page_path):
            return page_url + entry.url_path[len(page_path) :]
        return ServicePage(id=entry.id, url_path=entry.url_path).get_url(request)

    def card(pk):
        entry = result.entries[pk]
        return {
            "title": entry.title,
            "alternate_name": entry.alternate_name,
            "url": service_url(entry),
            "type": label("type", entry.type),
            "organisation": label("organisation", entry.organisation),
            "towns": sorted((label("town", k) for k in entry.towns), key=directory.fold),
            "languages": [label("language", code) for code in entry.languages],
            "opening": _opening(entry, local, index.school_holidays),
            "closed": entry.status == ServicePage.Status.TEMPORARILY_CLOSED,
            "alert": entry.alert,
            "ages": _age_range(entry),
            "easy_explanation": easy_explanation(entry),
        }

    def easy_explanation(entry):
        """In Leichte Sprache, a service without a text of its own explains its kind."""
        if language != settings.EASY_LANGUAGE or not entry.alias:
            return ""
        term = index.term("type", entry.type)
        return term.easy_explanation if term else ""

    cards = [card(pk) for pk in results_page.object_list]

    suggestion = None
    relaxable = {
        name: count
        for name, count in result.without.items()
        if name != "age" and name not in selection.inferred
    }
    if not result.ids and relaxable:
        name, count = max(relaxable.items(), key=lambda item: item[1])
        if count:
            names = {
                "age": _("Age %(age)s") % {"age": selection.age},
                "open_now": _("Open now"),
            }
            if name in names:
                filter_label = names[name]
            else:
                filter_label = ", ".join(label(name, k) for k in selection.facets[name])
            suggestion = {"label": filter_label, "count": count, "url": url(drop_all=name)}

    help_context = _never_a_dead_end(
        index, result, selection, locale_id, label, url, lambda pk: card(pk), language
    )

    return {
        **help_context,
        "selection": selection,
        "facets": facets,
        "chips": chips,
        "cards": cards,
        "results": results_page,
        "paginator": paginator,
        "open_now_count": result.open_now_count,
        "suggestion": suggestion,
        "reset_url": "?",
        "contact_email": getattr(settings, "PORTAL_CONTACT_EMAIL", "kim@kreis-mettmann.de"),
    }


def _opening(entry, local, school_holidays=()):
    """``{"state", "start", "end", "weekday"}`` for the card's next opening time, or None.

    A service whose every range is "by appointment only" reads "by appointment", never
    "opens at"; a closure today (holiday, own closure) is named beside the next opening.
    """
    closure = entry.closure(local.date(), school_holidays) if entry.schedules else None
    if entry.by_appointment_only:
        return {"state": "appointment", "closure": closure}
    span = entry.next_opening(local, school_holidays)
    if span is None:
        return {"state": "closed", "closure": closure} if closure else None
    start, end = span
    if start <= local:
        state = "open"
    elif start.date() == local.date():
        state = "today"
    else:
        state = "later"
    return {
        "state": state,
        "start": start,
        "end": end,
        "weekday": WEEKDAYS[start.weekday()],
        "closure": closure,
    }


# --- Providers confirm their entries (verification.py) --------------------------------------


def _private(response):
    """Pages behind a signed link or with a form: never in a shared cache, not indexed."""
    mark_private(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def _bad_link(request, reason):
    status = 410 if reason == "expired" else 400
    response = TemplateResponse(
        request,
        "services_directory/verification_invalid.html",
        {"reason": reason, "contact_email": settings.PORTAL_CONTACT_EMAIL},
        status=status,
    )
    return _private(response)


def verify(request, token):
    """The provider's page: their live entries, each with "still correct"/"something changed"."""
    from .verification import confirm, read_token, services_for

    email, reason = read_token(token)
    if email is None:
        return _bad_link(request, reason)
    services = list(services_for(email))
    confirmed = None
    if request.method == "POST":
        service = _own_service(services, request.POST.get("service"))
        if service is None:
            return _private(
                HttpResponseBadRequest(_("This entry cannot be confirmed with this link."))
            )
        confirm(service, email)
        return redirect(f"{request.path}?{urlencode({'confirmed': service.pk})}")
    if request.GET.get("confirmed"):
        confirmed = _own_service(services, request.GET["confirmed"])
    reported = _own_service(services, request.GET.get("reported"))
    services = list(services_for(email))  # fresh dates after a confirmation
    return _private(
        TemplateResponse(
            request,
            "services_directory/verification.html",
            {
                "email": email,
                "services": services,
                "confirmed": confirmed,
                "reported": reported,
                "token": token,
            },
        )
    )


def verify_change(request, token, page_id):
    """ "Something changed": a form whose text reaches the editors as a task."""
    from .forms import ChangeReportForm
    from .verification import read_token, report_change, services_for

    email, reason = read_token(token)
    if email is None:
        return _bad_link(request, reason)
    service = _own_service(list(services_for(email)), page_id)
    if service is None:
        raise Http404(_("This entry cannot be reached with this link."))
    form = ChangeReportForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        report_change(service, email, form.cleaned_data["message"])
        url = reverse("services_directory:verify", args=[token])
        return redirect(f"{url}?{urlencode({'reported': service.pk})}")
    return _private(
        TemplateResponse(
            request,
            "services_directory/verification_change.html",
            {"service": service, "form": form, "token": token},
            status=400 if form.is_bound else 200,
        )
    )


def _own_service(services, value):
    """The service with id ``value`` among ``services`` (the link's own entries), or None."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return next((s for s in services if s.pk == pk), None)


# --- "Hinweis zu diesem Eintrag" (feedback from visitors) ------------------------------------

FEEDBACK_RATE_LIMIT = 5  # reports per address …
FEEDBACK_RATE_WINDOW = 60 * 60  # … per hour


def _feedback_service(request, page_id):
    from portal.privacy import public_pages

    page = public_pages(ServicePage.objects.filter(pk=page_id)).first()
    if page is None:
        raise Http404(_("This entry does not exist (any more)."))
    return page


def _rate_limited(request):
    """True when this client address has sent too many reports in the current window."""
    return rate_limited(request, "feedback", FEEDBACK_RATE_LIMIT, FEEDBACK_RATE_WINDOW)


@csrf_exempt
def feedback(request, page_id):
    """GET: the form on its own; POST: a report for the editors, then a thank-you page.

    The form is also printed on the service page, which anonymous visitors get from the
    shared page cache; a CSRF token there would be someone else's (or stop the page from
    being cached at all). The report is anonymous and acts on nobody's behalf, so there is
    nothing for a forged cross-site request to gain: the view is CSRF-exempt and guarded by
    the honeypot and a rate limit per client address instead.
    """
    from .forms import FeedbackForm

    service = _feedback_service(request, page_id)
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if _rate_limited(request):
            status = 429
            form = None
        elif form.is_valid():
            if not form.is_spam:
                _create_feedback(service, form.cleaned_data)
            return redirect("services_directory:feedback_thanks", page_id=service.pk)
        else:
            status = 400
    return _private(
        TemplateResponse(
            request,
            "services_directory/feedback.html",
            {"service": service, "form": form, "rate_limited": status == 429},
            status=status,
        )
    )


def feedback_thanks(request, page_id):
    service = _feedback_service(request, page_id)
    return TemplateResponse(
        request, "services_directory/feedback_thanks.html", {"service": service}
    )


def _create_feedback(service, data):
    from .models import ServiceReport

    source = service.get_translation_or_none(service.locale.get_default()) or service
    report = ServiceReport.objects.create(
        service=source,
        source=ServiceReport.Source.VISITOR,
        message=data["message"],
        reporter_email=data.get("email", ""),
    )
    _notify_directory_team(report)
    return report


def _notify_directory_team(report):
    """Mail the members of "Verzeichnispflege" (when the group exists and has members)."""
    from django.contrib.auth import get_user_model
    from django.core.mail import send_mail
    from django.template.loader import render_to_string

    recipients = list(
        get_user_model()
        .objects.filter(groups__name=DIRECTORY_TEAM_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return
    context = {
        "report": report,
        "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        + reverse("service_reports:edit", args=[report.pk]),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Note on the entry “%(title)s”") % {"title": report.service.title}
        body = render_to_string("services_directory/email/report_notification.txt", context)
    send_mail(subject, body, None, recipients)


# --- Never a dead end (issue #14): corrections, what the search understood, alternatives ----

MAX_ALTERNATIVES = 3


def _without_words(raw_query, normalised):
    """``raw_query`` without the words that normalise to one of ``normalised`` (a town)."""
    from .normalise import words

    drop = {word for phrase in normalised for word in phrase.split()}
    kept = [part for part in raw_query.split() if not set(words(part)) <= drop or not words(part)]
    return " ".join(kept)


def _without_text(raw_query, text):
    """``raw_query`` without ``text`` (the words that gave the age), case-insensitively."""
    import re

    from .normalise import digits

    if not text:
        return raw_query
    cleaned = re.sub(re.escape(text), " ", digits(raw_query), count=1, flags=re.IGNORECASE)
    return " ".join(cleaned.split())


def _replace_word(raw_query, term, corrected):
    from .normalise import words

    parts = raw_query.split()
    return " ".join(corrected if words(part) == [term] else part for part in parts)


def _age_range(entry):
    low, high = entry.minimum_age, entry.maximum_age
    if low is not None and high is not None:
        return _("%(low)s to %(high)s years") % {"low": low, "high": high}
    if low is not None:
        return _("from %(low)s years") % {"low": low}
    if high is not None:
        return _("up to %(high)s years") % {"high": high}
    return ""


def _town_point(index, key):
    from .postcodes import POSTCODES

    term = index.term("town", key)
    if term is None:
        return None
    for _code, (slug, lat, lon) in POSTCODES.items():
        if slug == term.slug:
            return (lat, lon)
    return None


def _never_a_dead_end(index, result, selection, locale_id, label, url, card, language):
    """What the page says when a need finds little: never an empty end, never ineligible."""
    from .postcodes import distance_km

    understanding = result.understanding
    matcher = index.matcher
    context = {"corrections": [], "understood": [], "age_excluded": [], "alternatives": []}
    if understanding is None:
        return context
    for term, corrected in understanding.corrections.items():
        context["corrections"].append(
            {
                "word": corrected,
                "url": url(query=_replace_word(selection.raw_query, term, corrected)),
            }
        )
    concepts = [matcher.concepts[key] for key in result.scores.concepts]
    names = []
    for concept in concepts:
        if concept.key.startswith(("need:", "type:", "topic:")):
            name = concept.name(locale_id, index.default_locale_id)
            if name and name not in names:
                names.append(name)
    context["understood"] = names[:4]
    few = len(result.ids) < MAX_ALTERNATIVES
    if selection.age is not None and result.age_excluded and few:
        context["age_excluded"] = [
            {"title": result.entries[pk].title, "ages": _age_range(result.entries[pk])}
            for pk in result.age_excluded[:MAX_ALTERNATIVES]
        ]
    if not few:
        return context
    # The right kind of service for the need, in the chosen town or the nearest others.
    types = set().union(*(c.types for c in concepts)) if concepts else set()
    if not types:
        return context
    shown = set(result.ids)
    entries = result.entries
    pool = [
        pk
        for pk in result.candidates
        if entries[pk].type in types
        and pk not in shown
        and (selection.age is None or entries[pk].admits_age(selection.age))
    ]
    towns = selection.facets.get("town", [])
    if towns:
        here = [pk for pk in pool if entries[pk].towns & set(towns)]
        if here:
            pool, note = here, ""
        else:
            origin = _town_point(index, towns[0])
            nearest = []
            for pk in pool:
                points = [p for p in (_town_point(index, k) for k in entries[pk].towns) if p]
                if origin and points:
                    nearest.append((min(distance_km(origin, p) for p in points), pk))
            nearest.sort()
            pool = [pk for _distance, pk in nearest]
            note = "nearby"
    else:
        note = ""
    if note != "nearby":
        pool.sort(key=index.rank)
    for pk in pool[:MAX_ALTERNATIVES]:
        item = card(pk)
        item["note"] = note
        context["alternatives"].append(item)
    return context
