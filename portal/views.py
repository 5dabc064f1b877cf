"""Cross-cutting views: site search, health check, member login and error pages."""

import logging

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from .privacy import public_pages
from .search import SearchUnavailable, clean_query, search_with_fallback, searchable_pages

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10


def site_search(request):
    """``/<lang>/suche/?q=``: every page of this language that the visitor may see."""
    raw_query = request.GET.get("q", "")
    query = clean_query(raw_query)
    results, degraded, unavailable = [], False, False
    if query:
        queryset = searchable_pages(request).filter(locale=Locale.get_active())
        site = Site.find_for_request(request)
        if site is not None:
            queryset = queryset.descendant_of(site.root_page.localized, inclusive=True)
        try:
            results, degraded = search_with_fallback(query, queryset)
        except SearchUnavailable:
            unavailable = True
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_number = request.GET.get("page", 1)
    try:
        page = paginator.page(page_number)
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return render(
        request,
        "portal/search.html",
        {
            "raw_query": raw_query[:200],
            "query": query,
            "results": page,
            "items": result_items(list(page.object_list), query),
            "paginator": paginator,
            "degraded": degraded,
            "unavailable": unavailable,
            "page_title": _("Search"),
        },
    )


def result_items(pages, query):
    """Each result with its page type, a snippet around the match and where it sits.

    "Where" is the parent page ("Handbuch 2026" for a chapter), so that two chapters called
    "Einleitung" of different editions can be told apart. A few queries for the whole page
    of results: the specific pages (one per page type) and the parents (one).
    """
    from .search import snippet

    if not pages:
        return []
    specific = {p.pk: p for p in Page.objects.filter(pk__in=[p.pk for p in pages]).specific()}
    steplen = Page.steplen
    parent_paths = {p.path[:-steplen] for p in pages if p.depth > 3}
    parents = dict(Page.objects.filter(path__in=parent_paths).values_list("path", "title"))
    items = []
    for result in pages:
        page = specific.get(result.pk, result)
        items.append(
            {
                "page": page,
                "type": page._meta.verbose_name,
                "snippet": snippet(page, query),
                "context": parents.get(result.path[:-steplen], "") if result.depth > 3 else "",
            }
        )
    return items


@never_cache
def healthz(request):
    """JSON status of the database and the search backend; 503 when either is down."""
    status = {"database": "ok", "search": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: database unreachable")
        status["database"] = "error"
    if status["database"] == "ok":
        try:
            list(get_search_backend().search("healthz", Page)[:1])
        except Exception:
            logger.exception("Health check: search backend unavailable")
            status["search"] = "error"
    else:
        status["search"] = "unknown"
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse(status, status=200 if healthy else 503)


@never_cache
def healthz_scheduled(request):
    """``/healthz/scheduled``: age of the last ``publish_scheduled`` run; 503 when too old."""
    from .operations import heartbeat

    age = heartbeat.age_seconds()
    stale = heartbeat.is_stale()
    body = {"publish_scheduled": "stale" if stale else "ok", "age_seconds": age}
    body["max_age_seconds"] = heartbeat.max_age()
    return JsonResponse(body, status=503 if stale else 200)


class MemberLoginView(auth_views.LoginView):
    """``/<lang>/anmelden/``: login for workspace members (and editors)."""

    template_name = "portal/login.html"
    # False: a member without access to a page is sent here and must not be bounced back.


class MemberLogoutView(auth_views.LogoutView):
    """Logs out (POST only) and returns to ``next`` when it is a path on this site, else to
    the home page of the current language (never Django's admin "logged out" template)."""

    def get_default_redirect_url(self):
        return f"/{translation.get_language() or settings.LANGUAGE_CODE}/"


PUBLIC_MEDIA_DIRECTORIES = ("images", "original_images")


def development_media(request, path):
    """``/media/…`` in development (DEBUG): public images only.

    The path is decoded and normalised *before* it is checked, so ``images/%2e%2e/documents/…``
    (which Django's ``serve`` would normalise to ``documents/…``) is refused; documents are
    served only through Wagtail's permission-checking view (#15).
    """
    import posixpath
    from urllib.parse import unquote

    from django.http import Http404
    from django.views.static import serve

    normalised = posixpath.normpath(unquote(path)).lstrip("/")
    first = normalised.split("/", 1)[0]
    if first not in PUBLIC_MEDIA_DIRECTORIES or ".." in normalised.split("/") or "\\" in path:
        raise Http404
    return serve(request, normalised, document_root=settings.MEDIA_ROOT)


def server_error(request):
    """500 page in the visitor's language, rendered without touching the database."""
    context = {
        "LANGUAGE_CODE": translation.get_language() or "de",
        "LANGUAGE_BIDI": translation.get_language_bidi(),
    }
    try:
        body = loader.get_template("500.html").render(context)
    except Exception:
        body = "<!doctype html><title>500</title><h1>500</h1>"
    return HttpResponse(body, status=500)


def sitemap(request):
    """``/sitemap.xml``: every public page in every language, with its translations.

    Wagtail's own sitemap covers the default locale only. Aliases (German text in another
    language's tree) are left out; restricted pages never appear, whoever asks — the
    sitemap is built for an anonymous visitor.
    """
    pages = (
        public_pages()
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )
    by_key = {}
    for page in pages:
        page_url = page.get_full_url(request)
        if page_url:
            by_key.setdefault(page.translation_key, []).append(
                {"url": page_url, "code": page.locale.language_code, "page": page}
            )
    # Leichte Sprache has no language tag (docs/i18n.md): its pages are listed without
    # alternates, and no other page names them as one.
    untagged = settings.PORTAL_HTML_LANG
    entries = [
        {
            "url": version["url"],
            "lastmod": version["page"].last_published_at,
            "versions": []
            if version["code"] in untagged
            else [v for v in group if v["code"] not in untagged],
        }
        for group in by_key.values()
        for version in group
    ]
    return render(
        request, "portal/sitemap.xml", {"entries": entries}, content_type="application/xml"
    )
