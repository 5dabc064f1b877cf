"""Compile and check the interface translations without GNU gettext.

``python -m portal.i18n compile`` writes every ``locale/<lang>/LC_MESSAGES/django.mo``
and exits non-zero if any catalogue of a portal language lacks a translation or still has
a fuzzy entry, so CI fails on an incomplete language. ``check`` only reports.
"""

import re
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"
LANGUAGES = ["de", "en", "ar", "fa", "tr", "uk", "ru"]
# Leichte Sprache (de-ls) has a catalogue of its own for the public interface that matters
# most; what it lacks falls back to German. Its entries must be translated too. Babel knows
# no "de_LS".
PARTIAL_CATALOGUES = {"de_LS": "de"}
# Every string of these templates must be in the de_LS catalogue: the directory, a service's
# page, the feedback form, site search and the frame around every page.
TEMPLATE_DIR = LOCALE_DIR.parent / "templates"
EASY_TEMPLATES = [
    # the directory
    "services_directory/service_directory_page.html",
    "services_directory/components/service_card.html",
    "services_directory/components/form_fields.html",
    "services_directory/components/closure_label.html",
    "services_directory/components/live_status.html",
    "services_directory/components/start_search.html",
    "services_directory/components/start_topics.html",
    "services_directory/components/alternatives.html",
    # a service's page and its feedback form ("Hinweis zu diesem Eintrag")
    "services_directory/service_page.html",
    "services_directory/components/service_actions.html",
    "services_directory/components/slip_link.html",
    "services_directory/components/feedback_form.html",
    "services_directory/feedback.html",
    "services_directory/feedback_thanks.html",
    "components/error_summary.html",
    # site search
    "portal/search.html",
    "components/pagination.html",
    # the page frame: header, skip link, menu, switcher, breadcrumbs, footer, notices
    "base.html",
    "navigation/main_menu.html",
    "navigation/language_switcher.html",
    "navigation/breadcrumbs.html",
    "navigation/footer.html",
    "navigation/shortcuts.html",
    "components/untranslated_notice.html",
    "components/sign_language_video.html",
]
# Python code whose ``_("…")`` messages those pages show: the directory's form checks and the
# feedback form's labels, hints and errors.
EASY_CODE = [
    "services_directory/directory.py",
    "services_directory/forms.py",
]
# Messages those pages show from elsewhere: Django's own form errors, choice labels of a
# service, the kinds of page named on each search result (the models' verbose_name).
EASY_MESSAGES = [
    "This field is required.",
    "Enter a valid email address.",
    *["by appointment", "open consultation", "by appointment and open consultation"],
    *["in person", "by phone", "by video call", "by chat"],
    *["home page", "content page", "service directory", "service", "handbook"],
    *["handbook edition", "handbook chapter", "publication index", "publication"],
    *["event index", "event", "workspace overview", "workspace", "meeting"],
]
_GETTEXT_CALL = re.compile(r'\b_\(\s*"((?:[^"\\]|\\.)*)"\s*\)')
_TRANSLATE = re.compile(r"{%\s*(?:translate|trans)\s+([\"'])(.*?)\1")
_BLOCK = re.compile(
    r"{%\s*(?:blocktranslate|blocktrans)\b([^%]*)%}(.*?){%\s*(?:endblocktranslate|endblocktrans|plural)\s*%}",
    re.S,
)


def template_msgids(paths):
    """The msgids of ``{% translate %}`` and ``{% blocktranslate %}`` in these templates."""
    found = set()
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        found.update(match.group(2) for match in _TRANSLATE.finditer(text))
        for match in _BLOCK.finditer(text):
            body = re.sub(r"{{\s*(\w+)\s*}}", r"%(\1)s", match.group(2))
            found.add(" ".join(body.split()) if "trimmed" in match.group(1) else body)
    return found


def code_msgids(paths):
    """The msgids of single-literal ``_("…")`` calls in these Python files."""
    found = set()
    for path in paths:
        text = Path(path).read_text(encoding="utf-8")
        found.update(match.group(1) for match in _GETTEXT_CALL.finditer(text))
    return found


def easy_msgids():
    """Every msgid that the Leichte-Sprache catalogue must hold."""
    return (
        template_msgids(TEMPLATE_DIR / name for name in EASY_TEMPLATES)
        | code_msgids(LOCALE_DIR.parent / name for name in EASY_CODE)
        | set(EASY_MESSAGES)
    )


def easy_language_gaps(catalog, po_path):
    """Strings of the Leichte-Sprache interface that its catalogue lacks."""
    known = {m.id[0] if isinstance(m.id, tuple) else m.id for m in catalog if m.id}
    needed = easy_msgids()
    return [f"{po_path}: no Leichte Sprache for: {msgid!r}" for msgid in sorted(needed - known)]


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
        if code in PARTIAL_CATALOGUES:
            problems.extend(easy_language_gaps(catalog, po_path))
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
