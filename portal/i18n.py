"""Compile and check the interface translations without GNU gettext.

``python -m portal.i18n compile`` writes every ``locale/<lang>/LC_MESSAGES/django.mo``
and exits non-zero if any catalogue of a portal language lacks a translation or still has
a fuzzy entry, so CI fails on an incomplete language. ``check`` only reports.
"""

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["de", "en", "ar", "fa", "tr", "uk", "ru"]
# Leichte Sprache (de-ls) has a catalogue of its own for the directory's interface; what it
# lacks falls back to German. Its entries must be translated too. Babel knows no "de_LS".
PARTIAL_CATALOGUES = {"de_LS": "de"}


def problems_in(catalog, po_path):
    """Messages of ``catalog`` that are untranslated or fuzzy, as readable lines."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        if message.fuzzy:
            found.append(f"{po_path}: fuzzy: {msgid!r}")
        elif not all(strings):
            found.append(f"{po_path}: untranslated: {msgid!r}")
    return found


def run(compile_mo=True):
    problems = []
    for code in [*LANGUAGES, *PARTIAL_CATALOGUES]:
        po_path = LOCALE_DIR / code / "LC_MESSAGES" / "django.po"
        if not po_path.exists():
            problems.append(f"{po_path}: missing catalogue")
            continue
        with po_path.open("rb") as handle:
            catalog = read_po(handle, locale=PARTIAL_CATALOGUES.get(code, code))
        problems.extend(problems_in(catalog, po_path))
        if compile_mo:
            with po_path.with_suffix(".mo").open("wb") as handle:
                write_mo(handle, catalog, use_fuzzy=False)
    return problems


def main(argv):
    command = argv[1] if len(argv) > 1 else "check"
    problems = run(compile_mo=command == "compile")
    for line in problems:
        print(line, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
