"""System checks: say clearly whether machine translation is on and for which languages."""

from django.conf import settings
from django.core.checks import Info, Warning, register


@register("portal")
def machine_translation_check(app_configs, **kwargs):
    from ..i18n.machine import machine_translation_state

    state = machine_translation_state()
    if state["name"] is None:
        return [
            Info(
                "Machine translation is off: DEEPL_API_KEY is not set.",
                hint="Set DEEPL_API_KEY to offer DeepL in the translation editor "
                "(docs/i18n.md). Translators can still translate every page by hand.",
                id="portal.I001",
            )
        ]
    if state["unsupported"]:
        names = ", ".join(
            f"{settings.PORTAL_LANGUAGE_NAMES[code]} ({code})" for code in state["unsupported"]
        )
        # Info, not Warning: nothing can be changed about it, and `check --deploy
        # --fail-level WARNING` must keep passing with a DeepL key.
        return [
            Info(
                f"{state['name']} cannot translate into: {names}.",
                hint="Pages in these languages must be translated by hand (docs/i18n.md).",
                id="portal.I002",
            )
        ]
    return []


def site_address_problem():
    """Why the default Site's address would make dead absolute links, or None.

    Canonical and hreflang links, JSON-LD, the sitemap, feeds and the links in mails are built
    from the Site's hostname and port. Wagtail's default (``localhost:80``) or a host that
    ALLOWED_HOSTS does not serve makes all of them dead.
    """
    from django.db import DatabaseError
    from django.http.request import validate_host

    from wagtail.models import Site

    try:
        site = Site.objects.filter(is_default_site=True).first()
    except DatabaseError:  # no tables yet (check before the first migrate)
        return None
    if site is None:
        return None
    if site.hostname == "localhost" and site.port == 80:
        return f"the default Site is still Wagtail's default address {site.root_url}"
    hosts = settings.ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]"]
    if not validate_host(site.hostname, hosts):
        return f"the default Site's host {site.hostname!r} is not in ALLOWED_HOSTS"
    return None


@register("portal", deploy=True)
def site_address_check(app_configs, **kwargs):
    problem = site_address_problem()
    if problem is None:
        return []
    return [
        Warning(
            f"Absolute links will be dead: {problem}.",
            hint="Set the site's hostname and port under Settings → Sites in the admin "
            "(the address readers use).",
            id="portal.W010",
        )
    ]
