"""Demo workspaces: the steering group and the project groups, with members and meetings.

The data is in ``data/demo_workspaces.json``; meetings are built through
``groups.factories.create_meeting`` like the tests' and the benchmark's. Everything is
example data. Meetings are looked up by slug, documents by title, so a second
run changes nothing. The demo's own minutes are not announced by e-mail; minutes added
later to a coming meeting are.
"""

import datetime
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from portal.demo import demo_step, ensure_child, ensure_user, load_demo_texts

from .factories import WorkspaceIndexPageFactory, WorkspacePageFactory, create_meeting

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo_workspaces.json"


def minimal_pdf(title, lines):
    """A small valid one-page PDF 1.4 (Helvetica, WinAnsi text), written by hand."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream_lines = ["BT", "/F1 16 Tf", "56 780 Td", f"({escape(title)}) Tj", "/F1 11 Tf"]
    for line in lines:
        stream_lines += ["0 -20 Td", f"({escape(line)}) Tj"]
    stream_lines.append("ET")
    content = "\n".join(stream_lines).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Title (" + escape(title).encode("cp1252") + b") /Producer (KIM Portal) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def ensure_document(workspace, title, filename, pdf_bytes):
    Document = get_document_model()
    existing = Document.objects.filter(collection=workspace.collection, title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=workspace.collection)
    document.file.save(filename, ContentFile(pdf_bytes), save=False)
    document.save()
    return document


def _at(days, hour):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def ensure_meeting(workspace, slug, *, title, days, agenda, **fields):
    """A published meeting (looked up by slug). A meeting whose minutes are in the demo is
    marked as announced; one without (a coming meeting) still announces minutes added later."""
    existing = workspace.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    return create_meeting(
        workspace,
        slug=slug,
        title=title,
        start=_at(days, 10),
        end=_at(days, 12),
        agenda=agenda,
        minutes_announced=any(item.get("minutes") for item in agenda),
        **fields,
    )


def _dated(fields):
    """``{"days": n}`` values of the data file → the date ``n`` days from today."""
    today = timezone.localdate()
    return {
        key: today + datetime.timedelta(days=value["days"]) if isinstance(value, dict) else value
        for key, value in fields.items()
    }


def _meetings_for(workspace, meetings, minutes_pdf=None):
    documents = [("document", minutes_pdf)] if minutes_pdf else []
    for spec in meetings:
        fields = {key: value for key, value in spec.items() if key != "slug"}
        fields["title"] = spec["title"].format(workspace=workspace.title)
        fields["agenda"] = [
            {**item, "documents": documents}
            if item.get("documents") == "minutes_document"
            else item
            for item in spec["agenda"]
        ]
        for key in ("decisions", "actions"):
            if key in spec:
                fields[key] = [_dated(item) for item in spec[key]]
        ensure_meeting(workspace, spec["slug"], **fields)


@demo_step(order=30)
def demo_workspaces(context):
    """The workspaces of ``data/demo_workspaces.json`` with members, managers and meetings."""
    data = load_demo_texts(DATA_FILE)
    index = ensure_child(
        context["home"],
        WorkspaceIndexPageFactory,
        data["index"]["slug"],
        title=data["index"]["title"],
        intro=data["index"]["intro"],
        show_in_menus=True,
    )
    context["workspaces"] = {}
    for spec in data["workspaces"]:
        workspace = ensure_child(
            index,
            WorkspacePageFactory,
            spec["slug"],
            title=spec["title"],
            purpose=spec["purpose"],
            body=data["workspace_body"],
            is_steering_group=spec["slug"] == "lenkungsgruppe",
        )
        for username in spec["members"]:
            ensure_user(username, groups=[workspace.group.name])
        for username in spec["managers"]:
            ensure_user(username, groups=[workspace.managers_group.name])
        context["workspaces"][spec["slug"]] = workspace
    minutes = data["minutes_document"]
    for slug, workspace in context["workspaces"].items():
        minutes_pdf = None
        if slug == minutes["workspace"]:
            minutes_pdf = ensure_document(
                workspace,
                minutes["title"],
                minutes["filename"],
                minimal_pdf(minutes["title"], minutes["lines"]),
            )
        _meetings_for(workspace, data["meetings"], minutes_pdf)
