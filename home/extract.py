"""Plain text from PDF and office files, for search. Standard library plus pypdf only.

Every function here may meet broken or hostile files: sizes are capped, XML is parsed by
expat (which refuses entity expansion bombs), and callers log failures instead of raising.
"""

import re
import zipfile
from xml.etree import ElementTree

MAX_CHARS = 500_000
MAX_PDF_PAGES = 500
MAX_MEMBER_BYTES = 30 * 1024 * 1024

# Paragraph-like elements of WordprocessingML, DrawingML, SpreadsheetML and ODF.
_PARAGRAPH_TAGS = {"p", "h", "si"}
_MEMBERS = {
    "docx": re.compile(r"^word/(document|header\d*|footer\d*|footnotes)\.xml$"),
    "pptx": re.compile(r"^ppt/slides/slide\d+\.xml$"),
    "xlsx": re.compile(r"^xl/sharedStrings\.xml$"),
    "odt": re.compile(r"^content\.xml$"),
}


def _squash(text):
    return re.sub(r"[ \t\r\f\v]+", " ", text).strip()[:MAX_CHARS]


def pdf_text(fileobj):
    from pypdf import PdfReader

    reader = PdfReader(fileobj)
    parts = []
    for page in reader.pages[:MAX_PDF_PAGES]:
        parts.append(page.extract_text() or "")
        if sum(len(p) for p in parts) > MAX_CHARS:
            break
    return _squash("\n".join(parts))


def _xml_paragraphs(data):
    root = ElementTree.fromstring(data)  # noqa: S314 (expat refuses entity bombs)
    for element in root.iter():
        if element.tag.rsplit("}", 1)[-1] in _PARAGRAPH_TAGS:
            text = "".join(element.itertext()).strip()
            if text:
                yield text


def office_text(fileobj, extension):
    pattern = _MEMBERS[extension]
    parts = []
    with zipfile.ZipFile(fileobj) as archive:
        for info in sorted(archive.infolist(), key=lambda i: i.filename):
            if not pattern.match(info.filename) or info.file_size > MAX_MEMBER_BYTES:
                continue
            parts.extend(_xml_paragraphs(archive.read(info)))
    return _squash("\n".join(parts))


def extract_text(fileobj, extension):
    """The text of ``fileobj`` by its ``extension`` ("pdf", "docx" …); "" when unsupported."""
    extension = extension.lower().lstrip(".")
    if extension == "pdf":
        return pdf_text(fileobj)
    if extension in _MEMBERS:
        return office_text(fileobj, extension)
    return ""
