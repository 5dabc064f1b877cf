"""Fixtures for handbooks and publications: a temporary MEDIA_ROOT and a small handbook."""

import json

import pytest

from home.factories import (
    HandbookChapterPageFactory,
    HandbookEditionPageFactory,
    HandbookPageFactory,
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files and cached PDFs go to a fresh folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def body(*headings, words=0):
    """A StreamField value: headings (level h2) each followed by a paragraph."""
    blocks = []
    for text in headings:
        blocks.append({"type": "heading", "value": {"text": text, "level": "h2"}})
        blocks.append({"type": "paragraph", "value": f"<p>Text zum Abschnitt {text}.</p>"})
    if words:
        blocks.append({"type": "paragraph", "value": "<p>" + " ".join(["Wort"] * words) + "</p>"})
    return json.dumps(blocks)


@pytest.fixture
def handbook(home, settings):
    """A handbook with edition 1 (two chapters) and edition 2 (three chapters)."""
    settings.HANDBOOK_PDF_ON_PUBLISH = False  # tests that need the PDF ask for it
    book = HandbookPageFactory(parent=home)
    first = HandbookEditionPageFactory(parent=book, edition_number=1, title="Ausgabe 1")
    for title, slug in [("Einleitung", "einleitung"), ("Beratungsstellen", "beratungsstellen")]:
        HandbookChapterPageFactory(parent=first, title=title, slug=slug, body=body("Überblick"))
    second = HandbookEditionPageFactory(
        parent=book,
        edition_number=2,
        title="Ausgabe 2",
        change_summary="Neu: Kapitel zum Case Management.",
    )
    chapters = [
        ("Einleitung", "einleitung", body("Wozu dieses Handbuch", "Aufbau")),
        ("Case Management", "case-management", body("Ziele", "Ablauf", "Kontakt", words=450)),
        ("Lenkungsgruppe", "lenkungsgruppe", body("Aufgaben")),
    ]
    for title, slug, value in chapters:
        HandbookChapterPageFactory(parent=second, title=title, slug=slug, body=value)
    return book


def make_document(title, data, filename, collection=None):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    document = get_document_model()(
        title=title,
        file=ContentFile(data, name=filename),
        collection=collection or Collection.get_first_root_node(),
    )
    document.save()
    return document


def make_docx(paragraphs):
    """A minimal DOCX (zip with word/document.xml), made with the standard library."""
    import io
    import zipfile

    from django.utils.html import escape

    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    runs = "".join(f"<w:p><w:r><w:t>{escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{runs}</w:body></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


@pytest.fixture
def publications(home, settings):
    """An index with four publications of different type, topic, year and languages."""
    from home.factories import PublicationIndexPageFactory, PublicationPageFactory
    from home.models import PublicationFile
    from home.pdf import simple_pdf

    index = PublicationIndexPageFactory(parent=home)
    specs = [
        ("handlungskonzept", "Handlungskonzept KIM", "report", "konzept", 2023, ["de"]),
        ("jahresbericht-2025", "Jahresbericht 2025", "report", "beratung", 2025, ["de"]),
        ("flyer-beratung", "Flyer Beratung", "flyer", "beratung", 2024, ["de", "ar"]),
        ("antrag", "Antrag auf Beratung", "form", "aufenthalt", 2025, ["de", "en"]),
    ]
    pages = {}
    for slug, title, kind, topic, year, languages in specs:
        page = PublicationPageFactory(
            parent=index, slug=slug, title=title, publication_type=kind, topic=topic, year=year
        )
        for language in languages:
            data = simple_pdf(
                title, [f"{title} ({language}). Inhalt nur im PDF: {slug}-{language}."]
            )
            document = make_document(f"{title} {language}", data, f"{slug}-{language}.pdf")
            PublicationFile.objects.create(page=page, language=language, document=document)
        page.save_revision().publish()
        pages[slug] = page
    return index, pages
