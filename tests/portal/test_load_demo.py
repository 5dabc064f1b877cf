"""``load_demo``: refuses without DEBUG unless forced; running it twice changes nothing."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from wagtail.models import Collection, Page, PageViewRestriction, Site


def _counts():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.live().count(),
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "restrictions": PageViewRestriction.objects.count(),
        "collections": Collection.objects.count(),
        "sites": Site.objects.count(),
    }


def test_load_demo_refuses_without_debug(db):
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("load_demo")
    assert not Page.objects.filter(depth=2, slug="kim").exists()


def test_load_demo_is_idempotent(db, client, settings):
    call_command("load_demo", force=True)
    first = _counts()
    call_command("load_demo", force=True)
    assert _counts() == first
    assert first["pages"] > 7 * 10  # every German page has six more language versions
    # The demo serves the German home with navigation, Arabic right-to-left, and the logins.
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
    _demo_translations(client)


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
