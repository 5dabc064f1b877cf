"""Template tags for the page frame: navigation, breadcrumbs, language links."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.models import Page
from wagtail.templatetags.wagtailcore_tags import richtext

from portal import cache, navigation
from portal.security.sanitize import strip_dangerous_urls

register = template.Library()


def _page_or_none(value):
    """Templates pass ``page`` even where there is none (then it is "")."""
    return value if isinstance(value, Page) else None


@register.inclusion_tag("navigation/main_menu.html", takes_context=True)
def main_menu(context, current_page=None):
    request = context["request"]
    current_page = _page_or_none(current_page)
    return {
        "request": request,
        "menu_items": navigation.main_menu(request),
        "home": navigation.locale_home(request),
        "current_page": current_page,
    }


# Page types the start page offers as shortcuts below the directory search, in this order.
SHORTCUT_MODELS = ("eventindexpage", "handbookpage")


@register.inclusion_tag("navigation/shortcuts.html", takes_context=True)
def start_shortcuts(context):
    """Shortcuts of the start page: events, handbook, login (from the cached main menu)."""
    request = context["request"]
    by_model = {
        page.specific_class._meta.model_name: page
        for page in navigation.main_menu(request)
        if page.specific_class
    }
    names = SHORTCUT_MODELS
    if request.user.is_authenticated:  # members: their workspaces instead of the login
        names += ("workspaceindexpage",)
    pages = [by_model[name] for name in names if name in by_model]
    return {"request": request, "pages": pages}


@register.inclusion_tag("navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    request = context["request"]
    return {"request": request, "ancestors": navigation.breadcrumbs(request, page), "page": page}


@register.inclusion_tag("navigation/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    request = context["request"]
    page = _page_or_none(page)
    languages = navigation.language_links(request, page)
    if getattr(page, "language_switch_keeps_query", False) and request.GET:
        # A search page (the directory) keeps its filters in the other language.
        query = "?" + request.GET.urlencode()
        languages = [
            {**link, "url": link["url"] + query} if link["available"] else link
            for link in languages
        ]
    return {"request": request, "languages": languages}


@register.simple_tag(takes_context=True)
def locale_home_url(context):
    home = navigation.locale_home(context["request"])
    return home.get_url(context["request"]) if home else "/"


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (for pagination links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@register.simple_tag
def content_version():
    """The current content version, for ``{% cache %}`` keys of public fragments."""
    return cache.content_version()


@register.inclusion_tag("navigation/alternate_links.html", takes_context=True)
def alternate_links(context, page):
    """``<link rel=canonical>`` and ``hreflang`` alternates for a page.

    Only real translations are alternates; an alias (German text in another language's
    tree) names its German source as canonical instead. Leichte Sprache has no language tag
    of its own (its pages say ``lang="de"``), so it is never an alternate: ``hreflang="de"``
    would claim a second German page, and its pages list no alternates, only their canonical.
    """
    request = context["request"]
    page = _page_or_none(page)
    if page is None:
        return {}
    links = navigation.language_links(request, page)
    untagged = settings.PORTAL_HTML_LANG
    if translation.get_language() in untagged:
        alias = page.alias_of_id is not None
        source = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
        if alias and source and source["translated"]:
            return {"canonical": source["page"].get_full_url(request)}
        return {"canonical": page.get_full_url(request)}
    alternates = [
        {"code": link["code"], "url": link["page"].get_full_url(request)}
        for link in links
        if link["translated"] and link["code"] not in untagged
    ]
    source = next((a for a in alternates if a["code"] == settings.LANGUAGE_CODE), None)
    if page.alias_of_id:
        canonical = source["url"] if source else page.get_full_url(request)
    else:
        canonical = page.get_full_url(request)
    return {"canonical": canonical, "alternates": alternates, "x_default": source}


@register.filter
def html_lang(code):
    """The HTML language tag of a portal language code (``de-ls`` → ``de``)."""
    return settings.PORTAL_HTML_LANG.get(code, code)


@register.filter
def richtext_safe(value):
    """Wagtail's ``richtext`` filter, minus javascript:/vbscript:/data: URLs."""
    return mark_safe(strip_dangerous_urls(str(richtext(value))))  # noqa: S308 (sanitised)


@register.inclusion_tag("components/machine_translated_notice.html", takes_context=True)
def machine_translated_notice(context, page):
    """The "machine-translated" label on a translation nobody has reviewed yet.

    No query of its own: the set of labelled pages is cached per content version and the
    link to the German original comes from the language links already built for the page.
    """
    from portal.i18n.status import machine_translated_page_ids

    page = _page_or_none(page)
    if page is None or page.pk not in machine_translated_page_ids():
        return {"show": False}
    links = navigation.language_links(context["request"], page)
    original = next((link for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    return {"show": True, "original_url": original["url"] if original else None}


@register.simple_tag(takes_context=True)
def content_lang(context, page):
    """` lang="de" dir="ltr"` for an element holding a page's own text when that text is the
    German original (an alias, or a translation not yet approved), else "".

    Only the page's text carries it: the interface around it (headings, labels, weekday
    names, forms) stays in the visitor's language and direction (WCAG 3.1.2).
    """
    page = _page_or_none(page)
    if page is None or context.get("LANGUAGE_CODE", translation.get_language()) == "de":
        return ""
    if page.alias_of_id or not page.live_revision_id:
        return mark_safe(' lang="de" dir="ltr"')  # noqa: S308 (constant)
    return ""


class FragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        fragments = context.get("fragments")
        name = self.name.resolve(context)
        if fragments is not None:
            found = fragments.get(name)
            if found is not None:
                return mark_safe(found)  # noqa: S308 (our own rendering, stored as it was)
        html = self.nodelist.render(context)
        if fragments is not None:
            fragments.store(name, html)
        return html


@register.tag
def fragment(parser, token):
    """``{% fragment "name" %}…{% endfragment %}``: a part of the page served from the
    anonymous fragment cache when the view put ``fragments`` (``portal.cache.PageFragments``)
    into the context; rendered as usual otherwise."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("{% fragment %} takes one name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), nodelist)
