"""PDF of a whole handbook edition, made with WeasyPrint and cached in default storage.

The file name carries the edition's page id, language and live revision plus a digest of
its own and its chapters' revisions and publish times, so any publish produces a new name,
and every process (or host sharing the storage) finds the same file without in-process state.
"""

import hashlib
import logging
import mimetypes
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

PDF_DIR = "handbooks/pdf"
# A base URL that never resolves: only /media/ files are read, from storage, nothing else.
BASE_URL = "https://pdf.invalid/"


def pdf_name(edition, chapters):
    # last_published_at too: alias pages (other languages) have no revisions of their own
    # but take the source's publish time when the source changes.
    parts = [
        f"{p.pk}:{p.live_revision_id}:{p.last_published_at and p.last_published_at.isoformat()}"
        for p in [edition, *chapters]
    ]
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]
    language = edition.locale.language_code
    return f"{PDF_DIR}/{edition.pk}-{language}-r{edition.live_revision_id}-{digest}.pdf"


def _url_fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StorageFetcher(URLFetcher):
        """Reads images from MEDIA storage; refuses every other URL (no network access)."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            prefix = settings.MEDIA_URL
            if url.startswith(BASE_URL) and parts.path.startswith(prefix):
                name = parts.path[len(prefix) :]
                if name.startswith(("images/", "original_images/")) and ".." not in name:
                    with default_storage.open(name) as handle:
                        body = handle.read()
                    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body=body, headers={"Content-Type": mime})
            raise ValueError(f"Refusing to fetch {url} for a PDF")

    return StorageFetcher


def edition_pdf_html(edition, chapters):
    """The print document of ``edition``: the edition's language around, and each chapter
    still in the German original marked ``lang="de" dir="ltr"`` with a note saying so."""
    handbook = edition.get_parent().specific
    with translation.override(edition.locale.language_code):
        return render_to_string(
            "home/handbook_edition_pdf.html",
            {
                "edition": edition,
                "handbook": handbook,
                "chapters": chapters,
                "LANGUAGE_CODE": edition.locale.language_code,
                "LANGUAGE_BIDI": translation.get_language_bidi(),
            },
        )


def render_edition_pdf(edition, chapters):
    """PDF bytes of ``edition`` with ``chapters``, in the edition's language."""
    from weasyprint import HTML

    html = edition_pdf_html(edition, chapters)
    fetcher = _url_fetcher_class()()
    return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).write_pdf()


def generate_edition_pdf(edition, chapters):
    """Render and store the PDF of the edition's live state with ``chapters`` (the public
    ones: ``HandbookEditionPage.public_chapters``); returns the storage name."""
    name = pdf_name(edition, chapters)
    if not default_storage.exists(name):
        data = render_edition_pdf(edition, chapters)
        if not default_storage.exists(name):  # another process may have been faster
            default_storage.save(name, ContentFile(data))
    _remove_stale(edition, keep=name)
    return name


def edition_pdf(edition, chapters):
    """The storage name of the edition's current PDF with ``chapters``, generated if missing."""
    name = pdf_name(edition, chapters)
    if default_storage.exists(name):
        return name
    return generate_edition_pdf(edition, chapters)


def _remove_stale(edition, keep):
    prefix = f"{edition.pk}-"
    try:
        _dirs, files = default_storage.listdir(PDF_DIR)
    except (FileNotFoundError, NotImplementedError):
        return
    for filename in files:
        name = f"{PDF_DIR}/{filename}"
        if filename.startswith(prefix) and name != keep:
            try:
                default_storage.delete(name)
            except OSError:
                logger.warning("Could not delete the stale PDF %s", name)


def simple_pdf(title, paragraphs, *, language="de"):
    """PDF bytes of a short document (demo publications and tests)."""
    from weasyprint import HTML

    from django.utils.html import escape

    direction = "rtl" if language in {"ar", "fa"} else "ltr"
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = (
        f'<!DOCTYPE html><html lang="{language}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>@page {{ size: A4; margin: 20mm }} "
        'html { font: 11pt/1.5 "DejaVu Sans", sans-serif } h1 { color: #0b4f6c }</style>'
        f"</head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTML(string=html, url_fetcher=_url_fetcher_class()()).write_pdf()
