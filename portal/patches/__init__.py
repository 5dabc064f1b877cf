"""Every change the portal makes to Wagtail's and wagtail-localize's own code, fenced.

One module per patch. Each module names the versions it was written for
(``WAGTAIL_VERSION``, ``WAGTAIL_LOCALIZE_VERSION``), says why in its docstring, and lists in
``UPSTREAM`` the framework functions it replaces or relies on, each with a fingerprint of
their source. ``tests/portal/test_patches.py`` fails when the installed versions differ or
an upgrade changed one of those functions: re-read the patch against the new code, then
update the fingerprint (``python -m portal.patches.fingerprints`` prints the current
ones). Each module also has a behaviour test of its own (named in ``CONTRACT_TEST``).

==========================  =====================================================  =========
module                      what                                                   upstream
==========================  =====================================================  =========
``admin_privacy``           admin permission policies (pages, incl. the admin      Wagtail,
                            pages API; documents, images), bulk actions, reports,  w.-loc.
                            translation submission, page-form references, CSV
``locale_cache``            ``LocaleManager.get_for_language`` from a per-process  Wagtail
                            dict
``localize_dates``          translation comments dated in the admin's language     w.-loc.
``page_urls``               ``Page.get_url_parts`` from a per-process memo per     Wagtail
                            content version
``routing``                 a deep URL routed with one query, or none from a       Wagtail
                            per-process memo per content version; the localized
                            root the same way (``Page.route_for_request``)
``site_lookup``             the request's site from a per-process memo per         Wagtail
                            content version
``translation_moderation``  a translation draft never changes the live page        w.-loc.
``view_restrictions``       no restriction query for a page no restriction can     Wagtail
                            reach (per-process memo per content version)
==========================  =====================================================  =========
"""

import ast
import hashlib
import importlib
from pathlib import Path

WAGTAIL_VERSION = "7.4"
WAGTAIL_LOCALIZE_VERSION = "1.14"
MODULES = (
    "admin_privacy",
    "locale_cache",
    "localize_dates",
    "page_urls",
    "routing",
    "site_lookup",
    "translation_moderation",
    "view_restrictions",
)


def apply():
    """Install every patch (``PortalConfig.ready``); each is idempotent."""
    from . import (
        admin_privacy,
        locale_cache,
        localize_dates,
        page_urls,
        routing,
        site_lookup,
        translation_moderation,
        view_restrictions,
    )

    locale_cache.install()
    site_lookup.install()
    routing.install()
    page_urls.install()
    view_restrictions.install()
    translation_moderation.install()
    localize_dates.install()
    admin_privacy.apply()


def upstream_source(target):
    """The source text of ``"module:Class.method"`` (or ``"module:function"``) as the
    installed package has it, read from its file: patching at runtime does not change it."""
    module_name, qualname = target.split(":")
    path = Path(importlib.import_module(module_name).__file__)
    text = path.read_text(encoding="utf-8")
    node = ast.parse(text)
    for part in qualname.split("."):
        node = next(
            child
            for child in node.body
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and child.name == part
        )
    return ast.get_source_segment(text, node)


def fingerprint(target):
    return hashlib.sha256(upstream_source(target).encode()).hexdigest()[:16]


def patch_modules():
    return [importlib.import_module(f"{__name__}.{name}") for name in MODULES]
