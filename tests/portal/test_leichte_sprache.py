"""Leichte Sprache (de-ls): a content locale of its own, marked lang="de" (docs/i18n.md)."""

import re

import pytest

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

from home.forms import content_matches_extension

EASY_INTRO = (
    "Auf dieser Seite finden Sie Beratung.\nDie Beratung ist für Menschen aus anderen Ländern."
)


@pytest.fixture
def easy_home(home, sync_locale, translate):
    page = translate(home, "de-ls", title="Willkommen beim Kreis Mettmann", intro=EASY_INTRO)
    sync_locale("de-ls")
    return page


def _html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_easy_home_is_german_with_a_marker(easy_home, client):
    html = _html(client.get("/de-ls/"))
    assert re.search(r'<html lang="de" dir="ltr" data-variant="leichte-sprache">', html)
    assert 'lang="de-ls"' not in html and 'hreflang="de-ls"' not in html
    # One statement per line: the intro's lines stay lines.
    assert "Sie Beratung.<br>Die Beratung" in html
    assert "Willkommen beim Kreis Mettmann" in html
    # The German page has no marker.
    german = _html(client.get("/de/"))
    assert '<html lang="de" dir="ltr">' in german and "leichte-sprache" not in german


def test_switcher_entry_is_labelled_leichte_sprache_and_tagged_german(easy_home, client):
    for path in ["/de/", "/ar/", "/de-ls/"]:
        html = _html(client.get(path))
        switcher = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
        assert re.search(
            r'<a href="/de-ls/" lang="de" hreflang="de"[^>]*>Leichte Sprache', switcher
        )
    assert 'aria-current="true">Leichte Sprache' in _html(client.get("/de-ls/"))


def test_hreflang_never_claims_leichte_sprache(easy_home, client, translate):
    german = _html(client.get("/de/"))
    alternates = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', german)
    assert ("de", "http://localhost/de/") in alternates
    assert not any("/de-ls/" in href for _code, href in alternates)
    easy = _html(client.get("/de-ls/"))
    assert '<link rel="canonical" href="http://localhost/de-ls/">' in easy
    assert 'rel="alternate"' not in easy
    # The sitemap lists the page, without alternates of its own or pointing at it.
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/de-ls/</loc>" in sitemap
    assert 'hreflang="de-ls"' not in sitemap and 'href="http://localhost/de-ls/"' not in sitemap
    assert 'hreflang="de" href="http://localhost/de/"' in sitemap


def test_untranslated_page_has_its_own_fallback_notice(home, content_page, sync_locale, client):
    sync_locale("de-ls")
    html = _html(client.get("/de-ls/ueber-kim/"))
    assert "Diese Seite gibt es noch nicht in Leichter Sprache." in html
    assert "noch nicht in Ihre Sprache" not in html
    # An alias names its German source as canonical.
    assert '<link rel="canonical" href="http://localhost/de/ueber-kim/">' in html
    assert "Leichte Sprache" in html and "(nicht in Leichter Sprache)" in html


def test_sign_language_placeholder_without_video(easy_home, client):
    assert "Hier erscheint bald ein Video in Deutscher Gebärdensprache" in _html(client.get("/de/"))
    easy = _html(client.get("/de-ls/"))
    assert "Das Video ist in Deutscher Gebärden-Sprache." in easy
    assert "<video" not in easy


def test_sign_language_video_with_captions(home, client):
    video = Document.objects.create(
        title="DGS Startseite",
        file=ContentFile(b"\x00\x00\x00\x18ftypmp42" + b"\0" * 64, "dgs.mp4"),
    )
    captions = Document.objects.create(
        title="DGS Untertitel",
        file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo\n", "dgs.vtt"),
    )
    home.sign_language_video, home.sign_language_captions = video, captions
    home.save_revision().publish()
    html = _html(client.get("/de/"))
    source = r'<video controls[^>]*>\s*<source src="/documents/\d+/dgs[^"]*\.mp4" type="video/mp4">'
    assert re.search(source, html), html
    assert re.search(
        r'<track kind="captions" src="/documents/\d+/dgs[^"]*\.vtt" srclang="de"', html
    )
    assert "Hier erscheint bald" not in html
    # Served by the portal itself, no third-party player.
    assert "youtube" not in html.lower() and "vimeo" not in html.lower()
    assert client.get(video.url).status_code == 200


@pytest.mark.parametrize(
    ("name", "content", "ok"),
    [
        ("a.mp4", b"\x00\x00\x00\x20ftypisom", True),
        ("a.mp4", b"<html>not a video</html>", False),
        ("a.webm", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81", True),
        ("a.webm", b"%PDF-1.4", False),
        ("a.vtt", b"\xef\xbb\xbfWEBVTT\n\n", True),
        ("a.vtt", b"1\n00:00:00,000 --> 00:00:02,000\n", False),
    ],
)
def test_video_and_caption_uploads_are_checked(name, content, ok):
    upload = ContentFile(content, name)
    assert content_matches_extension(upload, name.rsplit(".", 1)[1]) is ok


def test_admin_checklist_for_editors(easy_home, client_for):
    editor = client_for("editor")
    html = _html(editor.get("/admin/leichte-sprache/"))
    assert "Checkliste: Bevor Sie die Seite zur Freigabe geben" in html
    assert "Keine Abkürzungen." in html and "Schwere Wörter erklären." in html
    assert "Im Moment gibt es 1 Seite(n) in Leichter Sprache." in html
    assert "Leichte Sprache: Checkliste" in _html(editor.get("/admin/"))
    assert client_for("anonymous").get("/admin/leichte-sprache/").status_code == 302


def test_translation_status_counts_leichte_sprache(
    easy_home, content_page, sync_locale, users, client_for
):
    from portal.i18n.status import MISSING, TRANSLATED, status_table

    sync_locale("de-ls")
    html = _html(client_for("editor").get("/admin/translations/", {"language": "de-ls"}))
    assert '<th scope="col" lang="de">Leichte Sprache</th>' in html
    table = status_table(users["admin"], languages=["de-ls"])
    cells = {row["page"].slug: row["cells"][0]["status"] for row in table["rows"]}
    assert cells["kim"] == TRANSLATED and cells["ueber-kim"] == MISSING
    assert table["totals"]["de-ls"][TRANSLATED] == 1
    # Counted like the other languages: all eight columns without a language filter.
    assert "de-ls" in status_table(users["admin"])["codes"]


def test_workspace_text_never_leaks_into_leichte_sprache(
    easy_home, workspace_a, users, client_for, translate, sync_locale
):
    """A workspace translated into Leichte Sprache keeps its text inside the workspace (its
    title is public, as in every language: the overview lists the committees)."""
    marker = "Zqxleichtgeheim"
    easy_workspace = translate(
        workspace_a, "de-ls", title="Lenkungs-Gruppe", body=f"Notiz {marker}"
    )
    sync_locale("de-ls")
    member = client_for("member_a")
    assert marker in _html(member.get(easy_workspace.url))  # positive control
    for role in ["anonymous", "member_b", "editor"]:
        client = client_for(role)
        response = client.get(easy_workspace.url)
        assert response.status_code == 302 and marker not in response.content.decode(), role
        for url in [
            "/de-ls/",
            "/de-ls/gremien/",
            f"/de-ls/suche/?q={marker}",
            "/sitemap.xml",
            "/de-ls/gibt-es-nicht/",
        ]:
            text = client.get(url).content.decode().replace(f"q={marker}", "")
            text = text.replace(f'value="{marker}"', "").replace(f"„{marker}“", "")
            assert marker not in text, (role, url)


def test_page_editor_shows_the_checklist_on_leichte_sprache_pages(
    easy_home, content_page, translate, client_for
):
    easy_page = translate(content_page, "de-ls", title="Über KIM in Leichter Sprache")
    editor = client_for("admin")
    easy_form = _html(editor.get(f"/admin/pages/{easy_page.pk}/edit/"))
    assert "Diese Seite ist in Leichter Sprache." in easy_form
    assert 'href="/admin/leichte-sprache/"' in easy_form
    german_form = _html(editor.get(f"/admin/pages/{content_page.pk}/edit/"))
    assert "Diese Seite ist in Leichter Sprache." not in german_form


def test_site_search_in_leichte_sprache(easy_home, content_page, translate, sync_locale, client):
    translate(content_page, "de-ls", title="Über KIM in Leichter Sprache")
    sync_locale("de-ls")
    easy = _html(client.get("/de-ls/suche/", {"q": "Leichter"}))
    german = _html(client.get("/de/suche/", {"q": "KIM"}))
    assert "Wir haben 1 Seite gefunden. Sie haben gesucht: „Leichter“" in easy
    assert 'href="/de-ls/ueber-kim/"' in easy
    assert re.search(r"\d+ Ergebnis(se)? für „KIM“", german)
    assert "Ergebnis" not in easy and "Sie haben gesucht" not in german
    # The kind of page on each result, the search field's label, the page title.
    assert ">Seite mit Informationen<" in easy
    assert "Inhaltsseite" in german and "Inhaltsseite" not in easy
    assert ">Wort für die Suche</label>" in easy and "Suchbegriff" not in easy
    assert "<title>Suche nach: „Leichter“ – " in easy
    nothing = _html(client.get("/de-ls/suche/", {"q": "Zqxnichtda"}))
    assert "Wir haben 0 Seiten gefunden." in nothing
    assert "Versuchen Sie ein anderes Wort." in nothing
    blank = _html(client.get("/de-ls/suche/", {"q": "   "}))
    assert "Bitte schreiben Sie ein Wort in das Such-Feld." in blank
    assert "Suchbegriff ein" not in blank


def _translation_editor(client, page, code, sync_locale):
    """The page in ``code``, started as a wagtail-localize translation; its edit view."""
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    sync_locale(code)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=code)
    )
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    html = _html(client.get(f"/admin/pages/{target.pk}/edit/"))
    assert 'class="js-translation-editor"' in html  # wagtail-localize's editor, not the form
    return html


def test_translation_editor_shows_the_checklist_into_leichte_sprache(
    content_page, sync_locale, client_for
):
    editor = client_for("editor")
    easy = _translation_editor(editor, content_page, "de-ls", sync_locale)
    assert "Sie übersetzen in Leichte Sprache." in easy
    assert "Keine Abkürzungen." in easy and "Schwere Wörter erklären." in easy
    assert 'href="/admin/leichte-sprache/"' in easy
    english = _translation_editor(editor, content_page, "en", sync_locale)
    assert "Leichte Sprache:</strong>" not in english and "Keine Abkürzungen." not in english
