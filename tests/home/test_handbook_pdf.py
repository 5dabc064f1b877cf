"""The PDF of a whole edition: cover, contents with page numbers and links, bookmarks, cache."""

import io

import pytest
from pypdf import PdfReader

from django.core.files.storage import default_storage

from home.models import HandbookChapterPage, HandbookEditionPage
from home.pdf import PDF_DIR, edition_pdf, pdf_name


def _pdf(client, url="/de/handbuch/ausgabe-2/pdf/"):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(b"".join(response.streaming_content)))


def _outline_titles(outline):
    titles = []
    for item in outline:
        if isinstance(item, list):
            titles.extend(_outline_titles(item))
        else:
            titles.append(item.title)
    return titles


def test_edition_pdf_has_cover_contents_chapters_and_bookmarks(client, handbook):
    reader = _pdf(client)
    # Cover + contents + one page per chapter at least.
    assert len(reader.pages) >= 5
    cover = " ".join(reader.pages[0].extract_text().split())
    assert "Beratungslandschaft im Kreis Mettmann" in cover
    text = "\n".join(page.extract_text() for page in reader.pages)
    for title in ["Einleitung", "Case Management", "Lenkungsgruppe"]:
        assert title in text
    assert "Neu: Kapitel zum Case Management." in text
    titles = _outline_titles(reader.outline)
    assert titles[:1] and any("Case Management" in t for t in titles)
    assert "Ziele" in titles  # an h2 inside a chapter is a second-level bookmark
    assert not any("#" in t for t in titles)
    # The contents page links to the chapters and shows their page numbers.
    contents = reader.pages[1]
    links = [a.get_object() for a in contents.get("/Annots", [])]
    targets = {str(a.get("/Dest")) for a in links if a.get("/Subtype") == "/Link"}
    assert len(targets) == 3 and all(t.startswith("chapter-") for t in targets)
    contents_text = contents.extract_text()
    chapter_page = next(
        n
        for n, page in enumerate(reader.pages, 1)
        if "3. Lenkungsgruppe" in page.extract_text() and n > 2
    )
    assert str(chapter_page) in contents_text


def test_old_edition_pdf_has_its_own_chapters(client, handbook):
    text = "\n".join(p.extract_text() for p in _pdf(client, "/de/handbuch/ausgabe-1/pdf/").pages)
    assert "Beratungsstellen" in text and "Lenkungsgruppe" not in text


def test_pdf_is_generated_on_publish_and_cached_by_revision(handbook, settings):
    settings.HANDBOOK_PDF_ON_PUBLISH = True
    edition = HandbookEditionPage.objects.get(edition_number=2)
    edition.save_revision().publish()
    edition.refresh_from_db()
    first = pdf_name(edition, edition.public_chapters())
    assert default_storage.exists(first)
    assert first.startswith(f"{PDF_DIR}/{edition.pk}-de-r{edition.live_revision_id}-")
    # Publishing a chapter changes the key; the old file is removed, the new one exists.
    chapter = HandbookChapterPage.objects.child_of(edition).first()
    chapter.title = "Einleitung (neu)"
    chapter.save_revision().publish()
    second = pdf_name(edition, edition.public_chapters())
    assert second != first
    assert default_storage.exists(second) and not default_storage.exists(first)
    assert edition_pdf(edition, edition.public_chapters()) == second


def test_missing_pdf_is_regenerated_on_request(client, handbook):
    edition = HandbookEditionPage.objects.get(edition_number=2)
    name = edition_pdf(edition, edition.public_chapters())
    default_storage.delete(name)
    assert len(_pdf(client).pages) >= 5
    assert default_storage.exists(name)


def test_restricted_chapter_never_enters_the_shared_pdf(client_for, handbook):
    from wagtail.models import BaseViewRestriction, PageViewRestriction

    chapter = HandbookChapterPage.objects.get(slug="case-management")
    PageViewRestriction.objects.create(page=chapter, restriction_type=BaseViewRestriction.LOGIN)
    text = "\n".join(p.extract_text() for p in _pdf(client_for("member_a")).pages)
    assert "Lenkungsgruppe" in text
    assert "Ablauf" not in text and "Case Management\n" not in text


@pytest.mark.parametrize("language", ["ar"])
def test_arabic_text_renders(handbook, language):
    from home.pdf import render_edition_pdf

    edition = HandbookEditionPage.objects.get(edition_number=2)
    chapters = edition.public_chapters()
    chapters[0].title = "الإرشاد في منطقة ميتمان"
    reader = PdfReader(io.BytesIO(render_edition_pdf(edition, chapters)))
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert any("DejaVu" in f for f in fonts)
    text = "".join(p.extract_text() for p in reader.pages)
    assert "ميتمان" in text or "نامتيم" in text  # extraction may reverse RTL runs


def test_translated_alias_pdf_follows_the_german_source(client, handbook, sync_locale):
    sync_locale("en")
    assert "Lenkungsgruppe" in "".join(
        p.extract_text() for p in _pdf(client, "/en/handbuch/ausgabe-2/pdf/").pages
    )
    chapter = HandbookChapterPage.objects.get(slug="lenkungsgruppe", locale__language_code="de")
    chapter.title = "Steuerungsgruppe"
    chapter.save_revision().publish()  # updates the English alias as well
    text = "".join(p.extract_text() for p in _pdf(client, "/en/handbuch/ausgabe-2/pdf/").pages)
    assert "Steuerungsgruppe" in text


def test_restricted_edition_pdf_needs_login(client, client_for, handbook):
    from wagtail.models import BaseViewRestriction, PageViewRestriction

    edition = HandbookEditionPage.objects.get(edition_number=2)
    restriction = PageViewRestriction.objects.create(
        page=edition, restriction_type=BaseViewRestriction.GROUPS
    )
    from django.contrib.auth.models import Group

    restriction.groups.add(Group.objects.get(name="Editors"))
    response = client.get("/de/handbuch/ausgabe-2/pdf/")
    assert response.status_code == 302 and "/anmelden/" in response["Location"]
    assert client_for("member_b").get("/de/handbuch/ausgabe-2/pdf/").status_code in (302, 403)
    response = client_for("editor").get("/de/handbuch/ausgabe-2/pdf/")
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_untranslated_chapters_keep_german_direction_in_an_arabic_pdf(handbook, sync_locale):
    """German chapters in an Arabic edition are laid out left to right and say that they are
    the German original; a translated chapter is Arabic, right to left."""
    import re

    from home.pdf import edition_pdf_html

    sync_locale("ar")  # every chapter an alias of the German page
    # One chapter translated: the alias becomes a page of its own with an Arabic title.
    chapter = HandbookChapterPage.objects.get(
        slug="einleitung", locale__language_code="ar", url_path__contains="ausgabe-2"
    )
    chapter.alias_of, chapter.title = None, "مقدمة"
    chapter.save_revision().publish()
    edition = HandbookEditionPage.objects.get(edition_number=2, locale__language_code="ar")
    html = edition_pdf_html(edition, edition.public_chapters())
    assert '<html lang="ar" dir="rtl">' in html
    articles = re.findall(r'<article class="chapter"[^>]*>\s*<h1>([^<]*)</h1>', html)
    assert [title.split(". ", 1)[1] for title in articles] == [
        "مقدمة",
        "Case Management",
        "Lenkungsgruppe",
    ]
    german = re.findall(r'<article class="chapter" id="chapter-\d+" lang="de" dir="ltr">', html)
    assert len(german) == 2
    note = re.findall(r'<p class="original-note" lang="ar" dir="rtl">', html)
    assert len(note) == 2


def test_render_pdfs_stores_every_language_before_the_first_request(client, handbook, sync_locale):
    from django.core.management import call_command

    sync_locale("en")  # English editions come into being as aliases, without a publish
    english = HandbookEditionPage.objects.get(locale__language_code="en", edition_number=2)
    name = pdf_name(english, english.public_chapters())
    assert not default_storage.exists(name)
    call_command("render_pdfs")
    assert default_storage.exists(name)
    with default_storage.open(name) as handle:
        stored = handle.read()
    response = client.get("/en/handbuch/ausgabe-2/pdf/")
    assert b"".join(response.streaming_content) == stored  # served, not rendered again
    assert default_storage.listdir(PDF_DIR)[1].count(name.rsplit("/", 1)[-1]) == 1
