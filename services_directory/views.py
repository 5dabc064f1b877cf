"""The directory page's response: the GET form, facets, chips, result cards, pagination."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from . import directory
from .models import ServicePage, Topic, language_names

RESULTS_PER_PAGE = 20


def directory_response(page, request, now=None):
    """Render ``page`` (a ServiceDirectoryPage) for this request's GET parameters."""
    context = page.get_context(request)
    context.update(directory_context(page, request, now=now))
    response = TemplateResponse(request, page.get_template(request), context)
    if request.user.is_authenticated:
        # Members may see services of their workspaces: never in a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    return response


def directory_context(page, request, now=None):
    index = directory.get_index(request)
    selection = directory.parse(request.GET, index)
    now = now or directory.clock()
    local = now.astimezone(directory.BERLIN)
    result = directory.find(request, page, selection, now=now)
    language = translation.get_language() or settings.LANGUAGE_CODE
    locale_id = index.locales.get(language, index.default_locale_id)

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

    def url(drop_facet=None, drop_key=None, drop_all=None):
        pairs = []
        if selection.raw_query and drop_all != "q":
            pairs.append(("q", selection.raw_query))
        for facet in directory.FACETS:
            if drop_all == facet:
                continue
            for key in selection.facets.get(facet, []):
                if facet == drop_facet and key == drop_key:
                    continue
                pairs.append((facet, slug(facet, key)))
        if selection.age is not None and drop_all != "age":
            pairs.append(("age", selection.age))
        if selection.open_now and drop_all != "open_now":
            pairs.append(("open_now", "1"))
        return "?" + urlencode(pairs) if pairs else "?"

    # Facets: every option that has results with the other choices, plus the chosen ones.
    facets = []
    legends = {
        "town": _("Town"),
        "type": _("Kind of service"),
        "language": _("Language"),
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
    for facet in directory.FACETS:
        for key in selection.facets.get(facet, []):
            chips.append({"label": label(facet, key), "url": url(drop_facet=facet, drop_key=key)})
    if selection.age is not None:
        chips.append(
            {"label": _("Age %(age)s") % {"age": selection.age}, "url": url(drop_all="age")}
        )
    if selection.open_now:
        chips.append({"label": _("Open now"), "url": url(drop_all="open_now")})

    paginator = Paginator(result.ids, RESULTS_PER_PAGE)
    results_page = paginator.get_page(min(selection.page, paginator.num_pages))
    cards = []
    for pk in results_page.object_list:
        entry = result.entries[pk]
        # The card needs no query: the URL comes from the path kept in the facet data.
        service = ServicePage(id=pk, url_path=entry.url_path)
        cards.append(
            {
                "title": entry.title,
                "alternate_name": entry.alternate_name,
                "url": service.get_url(request),
                "type": label("type", entry.type),
                "organisation": label("organisation", entry.organisation),
                "towns": sorted((label("town", k) for k in entry.towns), key=directory.fold),
                "languages": [label("language", code) for code in entry.languages],
                "opening": _opening(entry, local),
                "closed": entry.status == ServicePage.Status.TEMPORARILY_CLOSED,
                "alert": entry.alert,
            }
        )

    suggestion = None
    if not result.ids and result.without:
        name, count = max(result.without.items(), key=lambda item: item[1])
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

    return {
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


def _opening(entry, local):
    """``{"state", "start", "end", "weekday"}`` for the card's next opening time, or None."""
    span = entry.next_opening(local)
    if span is None:
        return None
    start, end = span
    if start <= local:
        state = "open"
    elif start.date() == local.date():
        state = "today"
    else:
        state = "later"
    return {"state": state, "start": start, "end": end, "weekday": WEEKDAYS[start.weekday()]}
