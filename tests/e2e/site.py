"""What the browser suite knows about the portal: page types, demo logins, contract URLs.

When a feature lands, add its page type to ``PAGE_TYPES`` and every check (axe, vnu,
page weight, screenshots) covers it in both languages.
"""

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
REPORT_DIR = REPO / "var" / "e2e"
# The portal server writes its mails here (EMAIL_FILE_PATH, portal/settings/test.py).
MAIL_DIR = REPORT_DIR / "mail"
# Summaries that checks add; printed at the end of the run (conftest.pytest_terminal_summary).
SUMMARY = []
DEMO_PASSWORD = "kim-demo"  # portal.demo.demo_password(); the server runs with the default
# Journeys, page weight and screenshots: German and Arabic (right to left). axe and the Nu
# checker cover every language the portal offers (``site_languages``).
LANGUAGES = ("de", "ar")
WIDTHS = {"phone": 375, "desktop": 1280}


@dataclass(frozen=True)
class PageType:
    """One public page type, reached at ``path`` (``{lang}`` is replaced) as ``login``."""

    name: str
    path: str
    status: int = 200
    login: str | None = None  # demo user who must be logged in to see it

    def url(self, lang):
        return self.path.format(lang=lang)


PAGE_TYPES = [
    PageType("home", "/{lang}/"),
    PageType("content", "/{lang}/ueber-kim/case-management/"),
    PageType("directory", "/{lang}/beratung/"),
    PageType("service", "/{lang}/beratung/jmd-mettmann/"),
    PageType("slip", "/{lang}/beratung/jmd-velbert/zettel/?sprache=ar"),
    PageType("guide", "/{lang}/beratung/wegweiser/"),
    PageType("workspace-index", "/{lang}/gremien/"),
    PageType("events", "/{lang}/veranstaltungen/"),
    PageType("event", "/{lang}/veranstaltungen/workshop-aufenthaltsrecht/"),
    PageType("search", "/{lang}/suche/?q=Ausbildung"),
    PageType("login", "/{lang}/anmelden/"),
    PageType("not-found", "/{lang}/gibt-es-nicht/", status=404),
    PageType("workspace", "/{lang}/gremien/lenkungsgruppe/", login="lenkung"),
]

# The directory contract (docs/directory.md).
DIRECTORY = "/{lang}/beratung/"
LOGIN = "/{lang}/anmelden/"
WORKSPACE = "/de/gremien/lenkungsgruppe/"
WORKSPACE_INTERNAL_TEXT = "Interne Arbeitsnotizen"  # groups/data/demo_workspaces.json: every body


def site_languages(portal_url):
    """Every language the portal's language switcher offers (data-driven: a new locale is
    covered without touching the suite), German first."""
    import re
    import urllib.request

    with urllib.request.urlopen(portal_url + "/de/", timeout=30) as response:  # noqa: S310
        html = response.read().decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    # The URL prefix, not hreflang: Leichte Sprache (/de-ls/) is marked hreflang="de".
    codes = re.findall(r'href="/([\w-]+)/', switcher)
    assert "de" in codes and "ar" in codes, codes
    return ["de", *[code for code in dict.fromkeys(codes) if code != "de"]]


def log_in(page, username, lang="de", next_path=None):
    """Log ``username`` in through the member login form; returns the response after it."""
    url = LOGIN.format(lang=lang) + (f"?next={next_path}" if next_path else "")
    page.goto(url)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    with page.expect_navigation() as navigation:
        page.locator("main form button[type=submit]").click()
    # Logged in: every page then offers "Log out" (a form posting to /<lang>/abmelden/).
    if page.locator("form[action$='/abmelden/']").count() == 0:
        raise AssertionError(f"login as {username} failed; now on {page.url}")
    return navigation.value


def write_report(name, data):
    """Write ``var/e2e/<name>`` as JSON and return its path."""
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    path = REPORT_DIR / name
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return path


def open_page_type(open_context, page_type, lang, width=WIDTHS["desktop"], **options):
    """Open ``page_type`` in ``lang`` in a fresh context; returns ``(page, response)``.

    Fails unless the page answers with the page type's expected status. ``options`` go to
    the browser context; ``on_response`` (a callable) sees every response of the page.
    """
    on_response = options.pop("on_response", None)
    context = open_context(
        login=page_type.login, viewport={"width": width, "height": 900}, **options
    )
    page = context.new_page()
    if on_response:
        page.on("response", on_response)
    response = page.goto(page_type.url(lang))
    assert response.status == page_type.status, (
        f"{page_type.url(lang)} answered {response.status}, expected {page_type.status}"
    )
    expected = urlsplit(page_type.url(lang))
    actual = urlsplit(response.url)
    assert (actual.path, actual.query) == (expected.path, expected.query), (
        f"{page_type.url(lang)} ended at {response.url}"
    )
    return page, response
