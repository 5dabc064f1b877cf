"""Upload rules for documents: the content of a file must match its extension.

Wagtail checks the extension (``WAGTAILDOCS_EXTENSIONS``) and the size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``); this form, set as ``WAGTAILDOCS_DOCUMENT_FORM_BASE``,
also looks at the first bytes, so an HTML page renamed to ``.pdf`` is refused.
``ImageForm`` (``WAGTAILIMAGES_IMAGE_FORM_BASE``) keeps images out of private collections.
"""

import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from portal.privacy import collection_is_private

# Members that each OOXML/ODF type must contain (ODF also declares its mimetype).
_ZIP_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
    "odt": "mimetype",
}
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# The sign-language video on the start page and its captions: MP4 (an ISO box "ftyp" at
# byte 4), WebM (EBML header) and WebVTT (a text file starting with "WEBVTT").
_MEDIA_SIGNATURES = {
    "mp4": lambda head: head[4:8] == b"ftyp",
    "webm": lambda head: head[:4] == b"\x1a\x45\xdf\xa3",
    "vtt": lambda head: head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"),
}


def content_matches_extension(uploaded, extension):
    """True when the file's bytes look like ``extension`` (pdf, docx, xlsx, pptx, odt, mp4,
    webm, vtt)."""
    extension = extension.lower()
    position = uploaded.tell() if hasattr(uploaded, "tell") else 0
    try:
        uploaded.seek(0)
        if extension == "pdf":
            return uploaded.read(5) == b"%PDF-"
        if extension in _MEDIA_SIGNATURES:
            return _MEDIA_SIGNATURES[extension](uploaded.read(16))
        if extension in _ZIP_MARKERS:
            if not zipfile.is_zipfile(uploaded):
                return False
            uploaded.seek(0)
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
                if _ZIP_MARKERS[extension] not in names:
                    return False
                if extension == "odt":
                    return archive.read("mimetype").strip() == _ODT_MIMETYPE
            return True
        return False
    except (OSError, zipfile.BadZipFile, KeyError):
        return False
    finally:
        uploaded.seek(position)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form plus a check of the file's content."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not uploaded or not hasattr(uploaded, "content_type"):
            return uploaded  # unchanged file on edit
        extension = uploaded.name.rsplit(".", 1)[-1].lower() if "." in uploaded.name else ""
        from django.conf import settings

        allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or []
        if extension not in allowed:
            raise forms.ValidationError(
                _("Files of type “%(extension)s” are not allowed. Allowed: %(allowed)s.")
                % {"extension": extension or "?", "allowed": ", ".join(allowed).upper()},
                code="invalid_extension",
            )
        if not content_matches_extension(uploaded, extension):
            raise forms.ValidationError(
                _(
                    "The content of this file does not match its extension “%(extension)s”. "
                    "Please upload a real %(type)s file."
                )
                % {"extension": extension, "type": extension.upper()},
                code="content_mismatch",
            )
        return uploaded


class ImageForm(BaseImageForm):
    """Wagtail's image form; refuses uploads into a private (workspace) collection.

    Images are served as public files (originals and renditions under ``/media/``), so an
    image in a workspace collection would be readable by anyone with its address
    (docs/privacy.md). Files for a workspace are uploaded as documents.
    """

    def clean(self):
        cleaned_data = super().clean()
        collection = cleaned_data.get("collection") or (
            self.collections[0] if len(self.collections) == 1 else None
        )
        if collection_is_private(collection):
            raise forms.ValidationError(
                _(
                    "Images are always public and cannot be stored in the private collection "
                    "“%(collection)s”. Upload files for a workspace as documents."
                )
                % {"collection": collection.name},
                code="private_collection",
            )
        return cleaned_data
