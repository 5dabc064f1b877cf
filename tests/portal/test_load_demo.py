"""``load_demo``: refuses without DEBUG unless forced; the whole demo site, loaded twice.

Loading the demo takes most of a minute, so one test loads it twice (the second run must
change nothing) and then checks each area of the site: navigation and logins, the directory,
the workspaces and their minutes, and the translations.
"""

import re

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from wagtail.documents.models import Document
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from groups.models import Decision, MeetingPage, MinutesNotification, WorkspacePage
from portal.demo import EXAMPLE_NOTE
from services_directory.models import ServicePage, ServiceType, Town


def _counts():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "collections": Collection.objects.count(),
        "sites": Site.objects.count(),
        "services": ServicePage.objects.count(),
    }


def test_load_demo_refuses_without_debug(db):
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo")
    assert not Page.objects.filter(depth=2, slug="kim").exists()


def test_demo_site_loads_twice_without_change(db, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("load_demo", force=True)
    first = _counts()
    call_command("load_demo", force=True)
    assert _counts() == first
    assert first["pages"] > 7 * 10  # every German page has six more language versions
    _frame_and_logins(client)
    client.logout()
    _directory(client)
    _closures(client)
    _workspace_minutes_pdf(client)
    client.logout()
    _workspaces(client)
    _demo_translations(client)
    _absolute_links(client)
    _announcements_and_upkeep()


def _frame_and_logins(client):
    """The German home with navigation, Arabic right-to-left, and the demo logins."""
    html = client.get("/de/").content.decode()
    assert "KIM im Kreis Mettmann" in html and "Beratung finden" in html and "Gremien" in html
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/").content.decode()
    assert client.login(username="lenkung", password="kim-demo")
    assert client.get("/de/gremien/lenkungsgruppe/").status_code == 200
    # The steering group reads the project groups (issue 5); a project group not the steering.
    assert client.get("/de/gremien/pg-sprachfoerderung/").status_code == 200
    assert client.login(username="pg-sprache", password="kim-demo")
    assert client.get("/de/gremien/lenkungsgruppe/").status_code == 302
    for username in ["editor", "moderator", "lenkung", "pg-sprache"]:
        assert get_user_model().objects.filter(username=username).exists()


def _directory(client):
    """At least 60 services, every type, example contacts; search, facets and age work."""
    german = ServicePage.objects.filter(locale=Locale.objects.get(language_code="de"))
    count = german.count()
    assert count >= 60
    assert Town.objects.filter(locale__language_code="de").count() == 10
    for service_type in ServiceType.objects.filter(locale__language_code="de"):
        assert german.filter(service_type=service_type).exists(), service_type
    for page in german:
        assert EXAMPLE_NOTE in page.description
        for contact in page.contacts.all():
            assert contact.phone.startswith("0211 99999")
            assert contact.email.endswith("@example.org")
    html = client.get("/de/beratung/", {"q": "Ausbildung", "town": "velbert"}).content.decode()
    assert re.search(r'href="/de/beratung/jmd-velbert/">JMD Velbert<', html)
    html = client.get("/de/beratung/", {"q": "Ausbildung", "age": "19"}).content.decode()
    assert "JMD Hilden" in html and "MBE Hilden" not in html
    assert client.get("/de/beratung/jmd-velbert/").status_code == 200
    assert client.get("/ar/beratung/jmd-velbert/").status_code == 200


def _workspace_minutes_pdf(client):
    """The steering group downloads a real PDF of its minutes; anonymous visitors cannot."""
    assert client.login(username="lenkung", password="kim-demo")
    html = client.get("/de/gremien/lenkungsgruppe/").content.decode()
    links = re.findall(r'href="(/documents/\d+/[^"]+\.pdf)"', html)
    assert links, "the workspace page links a PDF through the serve view"
    response = client.get(links[0])
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")
    assert b"/Type /Catalog" in body
    # Anonymous visitors get the login page instead.
    client.logout()
    assert client.get(links[0]).status_code == 302


def _workspaces(client):
    """Meetings, decisions, roles: the steering group reads the project groups."""
    steering = WorkspacePage.objects.get(slug="lenkungsgruppe", locale__language_code="de")
    assert steering.is_steering_group
    assert steering.managers_group.user_set.filter(username="lenkung").exists()
    for workspace in WorkspacePage.objects.filter(locale__language_code="de"):
        meetings = MeetingPage.objects.child_of(workspace).live()
        assert meetings.count() == 2
    assert Decision.objects.filter(page__locale__language_code="de").exists()
    # The steering group reads the project groups; pg-sprache reads only its own.
    assert client.login(username="lenkung", password="kim-demo")
    assert client.get("/de/gremien/pg-sprachfoerderung/").status_code == 200
    assert client.login(username="pg-sprache", password="kim-demo")
    assert client.get("/de/gremien/lenkungsgruppe/").status_code == 302
    html = client.get("/de/gremien/pg-sprachfoerderung/").content.decode()
    assert "2. Sitzung" in html and "mitglieder/" in html  # pg-sprache manages it


def _demo_translations(client):
    """Home, directory, ten services and a handbook chapter are really translated."""
    from wagtail_localize.models import StringTranslation

    client.logout()
    for code, home_title in [("ar", "إدارة الاندماج البلدية"), ("uk", "KIM у районі Меттман")]:
        html = client.get(f"/{code}/").content.decode()
        assert home_title in html and "not been translated" not in html
    directory = client.get("/ar/beratung/", {"town": "mettmann"}).content.decode()
    assert "العثور على استشارة" in directory and "خدمة هجرة الشباب في Mettmann" in directory
    assert ">استشارة اللاجئين <" in directory  # a facet (service type) in Arabic
    easy = client.get("/de-ls/beratung/", {"town": "mettmann"}).content.decode()
    assert ">Flüchtlings-Beratung <" in easy and ">Deutsch lernen <" in easy  # Leichte Sprache
    service = client.get("/fa/beratung/jmd-mettmann/").content.decode()
    assert "خدمات مهاجرت جوانان در Mettmann" in service
    assert "داده‌های نمونه" in service  # the translated example-data note
    chapter = Page.objects.get(locale__language_code="tr", slug="einleitung", alias_of__isnull=True)
    assert "Bu el kitabı neden var?" in client.get(chapter.get_url()).content.decode()
    assert "خدمة هجرة الشباب" in client.get("/ar/suche/", {"q": "الشباب"}).content.decode()
    assert not StringTranslation.objects.filter(translation_type="machine").exists()
    # Every language has the same 13 translated pages; the status view calls them translated.
    for code in ["en", "ar", "fa", "tr", "uk", "ru"]:
        translated = Page.objects.filter(locale__language_code=code, alias_of__isnull=True)
        assert translated.filter(depth__gt=1).count() == 13, code
    client.login(username="editor", password="kim-demo")
    report = client.get("/admin/translations/", {"language": "ar"}).content.decode()
    assert 'data-total="translated">13<' in report and 'data-total="outdated">0<' in report


DEMO_ORIGIN = "http://127.0.0.1:8000"  # load_demo's default address, as `make demo` serves it
ABSOLUTE = re.compile(r"https?://[^\s\"'<>]+")


def _absolute_links(client):
    """Every absolute link the demo prints points at the address served, and answers there."""
    assert Site.objects.get(is_default_site=True).root_url == DEMO_ORIGIN
    sources = ["/de/", "/ar/", "/sitemap.xml", "/de/publikationen/", "/de/publikationen/feed/"]
    service = ServicePage.objects.live().filter(locale__language_code="de").first()
    sources.append(service.url)
    links = set()
    for source in sources:
        response = client.get(source, HTTP_HOST="127.0.0.1:8000")
        assert response.status_code == 200, source
        found = set(ABSOLUTE.findall(response.content.decode()))
        ours = {link for link in found if "127.0.0.1" in link or "localhost" in link}
        assert all(link.startswith(DEMO_ORIGIN + "/") for link in ours), (source, ours)
        links |= ours
    assert len(links) > 20
    for link in sorted(links):
        response = client.get(link.removeprefix(DEMO_ORIGIN), HTTP_HOST="127.0.0.1:8000")
        assert response.status_code == 200, link


def _closures(client):
    """Holiday closures in the demo (#18): one service closed in school holidays, one closed
    between the years, one with a closure in this week's view and on the slip."""
    from services_directory import demo_closures

    german = ServicePage.objects.filter(locale=Locale.objects.get(language_code="de"))
    assert german.get(slug=demo_closures.SCHOOL_HOLIDAY_SERVICE).closed_in_school_holidays
    year_end = german.get(slug=demo_closures.YEAR_END_SERVICE).closures.get()
    assert (year_end.starts_on.month, year_end.starts_on.day) == (12, 24)
    assert (year_end.ends_on.month, year_end.ends_on.day) == (1, 1)
    moving = german.get(slug=demo_closures.MOVE_SERVICE)
    assert moving.closures.count() == 1  # loading twice replaced nothing twice
    reason = demo_closures.MOVE_REASON
    url = f"/de/beratung/{demo_closures.MOVE_SERVICE}/"
    assert reason in client.get(url).content.decode()
    assert reason in client.get(url + "zettel/", {"sprache": "ar"}).content.decode()


def _announcements_and_upkeep():
    """Only meetings whose minutes are in the demo count as announced, so minutes added to a
    coming meeting notify its members; the directory's reports reach a real demo login."""
    announced = set(MinutesNotification.objects.values_list("translation_key", flat=True))
    meetings = MeetingPage.objects.filter(locale__language_code="de")
    assert meetings.filter(slug="sitzung-1").exists() and meetings.filter(slug="sitzung-2").exists()
    for meeting in meetings:
        assert (meeting.translation_key in announced) == meeting.has_minutes, meeting
    assert all(meeting.has_minutes for meeting in meetings.filter(slug="sitzung-1"))
    assert not any(meeting.has_minutes for meeting in meetings.filter(slug="sitzung-2"))
    # Document links add "(PDF, date)" themselves: titles do not repeat the format.
    assert not Document.objects.filter(title__iendswith="(PDF)").exists()
    team = Group.objects.get(name="Verzeichnispflege")
    assert team.user_set.filter(username="verzeichnis").exists()
