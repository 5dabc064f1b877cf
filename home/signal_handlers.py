"""Keep edition PDFs and the file text of publications up to date."""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.search import index
from wagtail.signals import page_published

from .extract import extract_text
from .models import (
    DocumentText,
    HandbookChapterPage,
    HandbookEditionPage,
    PublicationPage,
)

logger = logging.getLogger(__name__)

_pdf_paused = ContextVar("home_pdf_paused", default=False)


@contextmanager
def pdf_generation_paused():
    """Publish many chapters without rendering the edition PDF after each one."""
    token = _pdf_paused.set(True)
    try:
        yield
    finally:
        _pdf_paused.reset(token)


def _generate_pdf(edition):
    if _pdf_paused.get() or not getattr(settings, "HANDBOOK_PDF_ON_PUBLISH", True):
        return
    from .pdf import generate_edition_pdf

    try:
        generate_edition_pdf(edition, edition.public_chapters())
    except Exception:
        # The PDF route regenerates on demand; publishing must never fail because of it.
        logger.exception("Could not generate the PDF of edition %s", edition.pk)


@receiver(page_published, sender=HandbookEditionPage)
def edition_published(sender, instance, **kwargs):
    _generate_pdf(instance)


@receiver(page_published, sender=HandbookChapterPage)
def chapter_published(sender, instance, **kwargs):
    parent = instance.get_parent().specific
    if isinstance(parent, HandbookEditionPage) and parent.live:
        _generate_pdf(parent)


@receiver(page_published, sender=PublicationPage)
def publication_published(sender, instance, **kwargs):
    # The index entry written on save predates the inline file rows; write it again.
    index.insert_or_update_object(instance)


def reindex_publications(document_id):
    pages = PublicationPage.objects.filter(files__document_id=document_id).distinct()
    for page in pages:
        index.insert_or_update_object(page)


def store_document_text(document):
    """Extract and store the document's text; logs and returns None on failure."""
    name = document.file.name
    existing = DocumentText.objects.filter(document=document).first()
    if existing is not None and existing.source_name == name:
        return existing
    try:
        with document.open_file() as handle:
            text = extract_text(handle, document.file_extension)
    except Exception:
        logger.exception("Text extraction failed for document %s (%s)", document.pk, name)
        text = ""
    stored, _created = DocumentText.objects.update_or_create(
        document=document, defaults={"source_name": name[:255], "text": text}
    )
    return stored


@receiver(post_save, sender=get_document_model())
def document_saved(sender, instance, raw=False, **kwargs):
    if raw or not instance.file:
        return
    try:
        store_document_text(instance)
        reindex_publications(instance.pk)
    except Exception:
        # Never block an upload because of search.
        logger.exception("Could not index the text of document %s", instance.pk)


@receiver(pre_delete, sender=get_document_model())
def document_deleting(sender, instance, **kwargs):
    # The file rows go with the document; remember their pages to re-index them afterwards.
    instance._publication_ids = list(
        PublicationPage.objects.filter(files__document=instance).values_list("pk", flat=True)
    )


@receiver(post_delete, sender=get_document_model())
def document_deleted(sender, instance, **kwargs):
    for page in PublicationPage.objects.filter(pk__in=getattr(instance, "_publication_ids", [])):
        index.insert_or_update_object(page)


@receiver(post_save, sender=CollectionViewRestriction)
@receiver(post_delete, sender=CollectionViewRestriction)
def collection_restriction_changed(sender, instance, **kwargs):
    """A collection that becomes private takes its files' text out of public search."""
    try:
        collection = instance.collection
    except Collection.DoesNotExist:
        return
    collections = collection.get_descendants(inclusive=True)
    pages = PublicationPage.objects.filter(files__document__collection__in=collections).distinct()
    for page in pages:
        index.insert_or_update_object(page)
