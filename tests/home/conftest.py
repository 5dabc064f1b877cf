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
