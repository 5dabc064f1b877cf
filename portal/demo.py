"""Demo content: a registry of steps that each app contributes from its ``demo.py``.

``manage.py load_demo`` imports every installed app's ``demo`` module and runs the
registered steps in order. Steps must be idempotent: they look content up by slug or
name before creating it, so a second run changes nothing.

All demo content is example data ("Beispieldaten"): no real person's phone number or
e-mail address appears, except KIM's public address.
"""

import json
import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.module_loading import autodiscover_modules

EXAMPLE_NOTE = "Beispieldaten – dieser Eintrag dient nur der Vorführung des Portals."

_steps = []


def demo_step(order):
    """Register ``func(context)`` to run at position ``order`` (lower runs first)."""

    def register(func):
        _steps.append((order, func.__module__ + "." + func.__name__, func))
        return func

    return register


def run_all(log=print):
    autodiscover_modules("demo")
    context = {}
    seen = set()
    for _order, name, func in sorted(_steps, key=lambda step: (step[0], step[1])):
        if name in seen:
            continue
        seen.add(name)
        log(f"demo: {name}")
        func(context)
    return context


def demo_password():
    return os.environ.get("DEMO_PASSWORD", "kim-demo")


def ensure_user(username, *, groups=(), email=None, is_superuser=False, first_name=""):
    """Create or update a demo login with the demo password and exactly these groups."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"email": email or f"{username}@example.org", "first_name": first_name},
    )
    if created:
        user.set_password(demo_password())
    user.is_staff = is_superuser or any(g in {"Editors", "Moderators"} for g in groups)
    user.is_superuser = is_superuser
    user.save()
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def ensure_child(parent, factory, slug, **fields):
    """The child page of ``parent`` with ``slug``; built, added and published if missing.

    ``factory`` is the page type's factory (``<app>/factories.py``, a wagtail-factories
    ``PageFactory``): the demo builds each page type the way the tests and the benchmarks
    do. The factory's defaults fill only fields the demo leaves out, so the demo's data
    gives every field it means, blank ones included.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = factory(parent=parent, slug=slug, **fields)
    page.save_revision().publish()
    return page


def stream(*blocks):
    """StreamField raw data from ``(type, value)`` pairs; text values are HTML strings."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@demo_step(order=0)
def demo_users(context):
    """The demo logins of the README (groups of workspaces are joined by groups/demo.py)."""
    context["users"] = {
        "admin": ensure_user("admin", is_superuser=True, first_name="Admin"),
        # Wagtail's default groups plus the portal's editorial roles (portal/editorial/roles.py).
        "editor": ensure_user("editor", groups=["Editors", "Redaktion"], first_name="Eda"),
        "moderator": ensure_user(
            "moderator", groups=["Moderators", "Moderation"], first_name="Moritz"
        ),
        "lenkung": ensure_user("lenkung", first_name="Lena"),
        "pg-sprache": ensure_user("pg-sprache", first_name="Paul"),
        # Directory upkeep: receives the reports on entries (feedback form).
        "verzeichnis": ensure_user("verzeichnis", groups=["Verzeichnispflege"], first_name="Vera"),
    }


@demo_step(order=1000)
def sync_locale_trees(context):
    """Every German page gets an alias in the other languages until it is translated."""
    from django.conf import settings

    from wagtail.models import Locale
    from wagtail_localize.models import LocaleSynchronization
    from wagtail_localize.synctree import synchronize_tree

    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for code, _name in settings.LANGUAGES:
        if code == source.language_code:
            continue
        locale, _created = Locale.objects.get_or_create(language_code=code)
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
        synchronize_tree(source, locale)


# The languages of demo translations besides German (the source), in the order of the tuples
# that ``demo_catalogue`` returns.
TRANSLATION_LANGUAGES = ("en", "ar", "fa", "tr", "uk", "ru")

# Demo data lives in each app's ``data/`` folder: texts and records as JSON, translations of
# German page strings as gettext catalogues of the domain ``demo`` (docs/demo.md).
DATA_DIR = Path(__file__).resolve().parent / "data"


def demo_catalogue(*folders):
    """German page string → its translations in ``TRANSLATION_LANGUAGES`` order.

    Read from ``<folder>/locale/<lang>/LC_MESSAGES/demo.po`` of the portal (strings every
    app's demo pages share, such as the example-data note) and of each folder given (an app's
    ``data/``); a later folder wins. A string a language lacks (no entry, empty or fuzzy) is
    ``None`` there and stays German on that page.
    """
    from babel.messages.pofile import read_po

    table = {}
    for position, code in enumerate(TRANSLATION_LANGUAGES):
        for folder in (DATA_DIR, *folders):
            path = Path(folder) / "locale" / code / "LC_MESSAGES" / "demo.po"
            if not path.exists():
                continue
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=code, domain="demo")
            for message in catalog:
                if message.id and message.string and not message.fuzzy:
                    row = table.setdefault(message.id, [None] * len(TRANSLATION_LANGUAGES))
                    row[position] = message.string
    return {german: tuple(row) for german, row in table.items()}


def load_demo_texts(path):
    """The demo texts of a data file (``<app>/data/demo_*.json``), as a dict."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def ensure_easy_translation(page, table, *, keep=()):
    """Translate ``page`` into Leichte Sprache (``settings.EASY_LANGUAGE``) like a translator
    would: ``table`` maps each German string of the page to its version in Leichte Sprache."""
    from django.conf import settings

    languages = (settings.EASY_LANGUAGE,)
    ensure_translations(
        page, {german: (easy,) for german, easy in table.items()}, keep=keep, languages=languages
    )


def ensure_translations(page, table, *, keep=(), languages=TRANSLATION_LANGUAGES):
    """Translate ``page`` into the six other languages through wagtail-localize and publish.

    ``table`` maps each German source string of the page to its translations in
    ``languages`` order (``TRANSLATION_LANGUAGES`` unless given; ``demo_catalogue`` reads
    them). The strings become manual ``StringTranslation`` rows (as if a translator had
    typed them in the translation editor), so the translation editor, "Sync translated
    pages" and the translation status view know them. Slugs and the strings in ``keep``
    (abbreviations, proper names) stay as they are. A German string missing from ``table``
    (or without a translation in a language) stays German and is reported, so a changed
    demo text never stops ``load_demo``. Languages that already have a real translation are
    skipped (idempotent).
    """
    import logging

    from wagtail.models import Locale, Page
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    from .patches.translation_moderation import create_translation_unmoderated

    done = set(
        Page.objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True
        ).values_list("locale__language_code", flat=True)
    )
    todo = [code for code in languages if code not in done]
    if not todo:
        return
    source, _created = TranslationSource.update_or_create_from_instance(page)
    segments = list(source.stringsegment_set.select_related("string", "context"))
    locales = {loc.language_code: loc for loc in Locale.objects.filter(language_code__in=todo)}
    for code in todo:
        position = languages.index(code)
        rows = []
        for segment in segments:
            text = segment.string.data
            data = table[text][position] if text in table else None
            if data is None and (segment.context.path == "slug" or text in keep):
                data = text
            elif data is None:
                logging.getLogger(__name__).warning("demo: no %s translation of %r", code, text)
                continue
            rows.append(
                StringTranslation(
                    translation_of_id=segment.string_id,
                    context_id=segment.context_id,
                    locale=locales[code],
                    data=data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
                )
            )
        StringTranslation.objects.bulk_create(rows, ignore_conflicts=True)
        Translation.objects.get_or_create(source=source, target_locale=locales[code])
        # Saved as a draft and published here rather than with publish=True, which defers
        # publishing to the end of the transaction (never reached inside a test). The draft
        # is published at once, so the portal's "keep the live content of a draft" wrapper
        # (portal/patches/translation_moderation.py) would only add a useless save: skip it.
        translated, _created = create_translation_unmoderated(
            source, locales[code], publish=False, fallback=True, copy_parent_pages=True
        )
        Page.objects.get(pk=translated.pk).get_latest_revision().publish()
