"""The interface catalogues are complete, and the checker that guards them works."""

from babel.messages.pofile import read_po

from portal.i18n import catalogues as i18n

# Number of plural forms per language, as in the catalogue headers (gettext conventions).
EXPECTED_PLURALS = {"de": 2, "en": 2, "ar": 6, "fa": 2, "tr": 2, "uk": 3, "ru": 3}


def test_every_catalogue_is_complete():
    assert i18n.run(compile_mo=False) == []


def test_catalogues_declare_the_right_number_of_plural_forms():
    for code, expected in EXPECTED_PLURALS.items():
        po_path = i18n.LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=code)
        assert catalog.num_plurals == expected, code


def test_checker_reports_untranslated_and_fuzzy_entries(tmp_path):
    po_path = tmp_path / "django.po"
    po_path.write_text(
        'msgid ""\n'
        'msgstr ""\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Language: de\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
        "\n"
        'msgid "Search"\n'
        'msgstr "Suchen"\n'
        "\n"
        'msgid "Log in"\n'
        'msgstr ""\n'
        "\n"
        "#, fuzzy\n"
        'msgid "Log out"\n'
        'msgstr "Anmelden"\n',
        encoding="utf-8",
    )
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale="de")

    problems = i18n.problems_in(catalog, po_path)

    assert problems == [
        f"{po_path}: untranslated: 'Log in'",
        f"{po_path}: fuzzy: 'Log out'",
    ]


def test_leichte_sprache_catalogue_covers_the_directory_interface(tmp_path):
    """de_LS (Leichte Sprache) holds every string of the directory's templates; the check
    that guards it reports a missing one."""
    needed = i18n.template_msgids(i18n.TEMPLATE_DIR / name for name in i18n.EASY_TEMPLATES)
    assert {"Show services", "Kind of service", "%(counter)s service"} <= needed
    assert len(needed) > 40
    po_path = i18n.LOCALE_DIR / "de_LS" / "LC_MESSAGES" / "django.po"
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale="de")
    assert i18n.easy_language_gaps(catalog, po_path) == []
    assert catalog.get("Show services").string == "Angebote zeigen"
    del catalog["Show services"]
    assert i18n.easy_language_gaps(catalog, po_path) == [
        f"{po_path}: no Leichte Sprache for: 'Show services'"
    ]


# One string of each part the Leichte-Sprache catalogue covers besides the directory.
EASY_PARTS = {
    "service page": "At a glance",
    "feedback form": "Send note",
    "feedback errors (form code)": "Please describe what is wrong or missing.",
    "feedback errors (Django)": "This field is required.",
    "feedback thanks": "Thank you for your note",
    "site search": "Search term",
    "search results": "%(counter)s result for “%(query)s”",
    "header": "Search the portal",
    "skip link": "Skip to content",
    "menu": "Main navigation",
    "footer": "Legal notice",
    "switcher": "This page is not available in this language",
    "breadcrumbs": "Breadcrumb",
    "switcher note": "not translated",
    "fallback notice": (
        "This page has not been translated into your language yet. "
        "You are reading the German original."
    ),
    "shortcuts": "Shortcuts",
    "page kind on a search result": "service",
}


def test_leichte_sprache_catalogue_covers_service_page_feedback_search_and_frame():
    needed = i18n.easy_msgids()
    assert set(EASY_PARTS.values()) <= needed
    po_path = i18n.LOCALE_DIR / "de_LS" / "LC_MESSAGES" / "django.po"
    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale="de")
    german_path = i18n.LOCALE_DIR / "de" / "LC_MESSAGES" / "django.po"
    with german_path.open("rb") as handle:
        german = read_po(handle, locale="de")
    for part, msgid in EASY_PARTS.items():
        easy = catalog.get(msgid)
        assert easy is not None and easy.string, part
        standard = german.get(msgid)
        # Rewritten in Leichte Sprache, not a copy of the German catalogue.
        assert standard is None or easy.string != standard.string, part
        del catalog[msgid]
    assert i18n.easy_language_gaps(catalog, po_path) == [
        f"{po_path}: no Leichte Sprache for: {msgid!r}" for msgid in sorted(EASY_PARTS.values())
    ]
