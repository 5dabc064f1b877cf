"""Demo workspaces: the steering group and the project groups, with members and meetings.

Everything is example data. Meetings are looked up by slug, documents by title, so a second
run changes nothing. The demo's own minutes are not announced by e-mail; minutes added
later to a coming meeting are.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from portal.demo import demo_step, ensure_child, ensure_user

from .models import (
    ActionItem,
    AgendaItem,
    Decision,
    MeetingPage,
    MinutesNotification,
    WorkspaceIndexPage,
    WorkspacePage,
)

WORKSPACES = [
    (
        "lenkungsgruppe",
        "Lenkungsgruppe",
        "Zentrales Steuerungsgremium von KIM: legt Zielgruppen fest, gestaltet die Arbeit der "
        "Case Managerinnen und Case Manager, beruft Projektgruppen ein und trifft "
        "verbindliche Absprachen.",
        ["lenkung"],
    ),
    (
        "pg-kommunaler-raum",
        "PG Besonderheiten des kommunalen Raums",
        "Projektgruppe zu den Besonderheiten der zehn Städte im Kreis Mettmann.",
        [],
    ),
    (
        "pg-schnittstellen",
        "PG Interne Schnittstellen",
        "Projektgruppe zu Übergaben zwischen Jobcenter, Ausländerbehörde, Jugendamt und Sozialamt.",
        [],
    ),
    (
        "pg-beratungsstruktur",
        "PG Beratungsstruktur für Zugewanderte/Geflüchtete",
        "Projektgruppe zur Beratungslandschaft: wer berät wen, wo fehlen Angebote?",
        [],
    ),
    (
        "pg-sprachfoerderung",
        "PG Sprachförderung",
        "Projektgruppe zu Sprachförderung und Integrationskursen.",
        ["pg-sprache"],
    ),
]

# Managers ("Leitung") per workspace.
MANAGERS = {"lenkungsgruppe": ["lenkung"], "pg-sprachfoerderung": ["pg-sprache"]}


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


def ensure_meeting(workspace, slug, *, title, days, agenda, decisions=(), actions=(), **fields):
    """A published meeting (looked up by slug). A meeting whose minutes are in the demo is
    marked as announced; one without (a coming meeting) still announces minutes added later."""
    existing = workspace.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    meeting = MeetingPage(
        slug=slug,
        title=title,
        start=_at(days, 10),
        end=_at(days, 12),
        **fields,
    )
    meeting.agenda_items = [AgendaItem(**item) for item in agenda]
    meeting.decisions = [Decision(**item) for item in decisions]
    meeting.action_items = [ActionItem(**item) for item in actions]
    workspace.add_child(instance=meeting)
    if any(item.get("minutes") for item in agenda):
        MinutesNotification.objects.get_or_create(translation_key=meeting.translation_key)
    meeting.save_revision().publish()
    return meeting


def _meetings_for(workspace, minutes_pdf=None):
    label = workspace.title
    past_days, next_days = -21, 14
    documents = [("document", minutes_pdf)] if minutes_pdf else []
    ensure_meeting(
        workspace,
        "sitzung-1",
        title=f"1. Sitzung {label}",
        days=past_days,
        place="Kreishaus Mettmann, Goethestraße 23, Raum 1.23",
        present="Lena Lenkung (Vorsitz)\nGeschäftsstelle KIM\nJobcenter ME-aktiv",
        excused="Ausländerbehörde",
        guests="Kommunales Integrationszentrum",
        agenda=[
            {
                "title": "Begrüßung und Protokoll der letzten Sitzung",
                "presenter": "Vorsitz",
                "duration_minutes": 10,
                "documents": documents,
                "minutes": "<p>Das Protokoll wurde ohne Änderungen angenommen.</p>",
            },
            {
                "title": "Zielgruppen des Case Managements",
                "presenter": "Geschäftsstelle KIM",
                "duration_minutes": 45,
                "minutes": "<p>Die Gruppe hat die Zielgruppen für 2027 beraten "
                "(Beispieldaten).</p>",
            },
        ],
        decisions=[
            {
                "text": "Case Management richtet sich 2027 vorrangig an neu zugewanderte "
                "Familien mit schulpflichtigen Kindern (Beispieldaten).",
                "decided_on": timezone.localdate() + datetime.timedelta(days=past_days),
                "responsible": "Geschäftsstelle KIM",
                "status": "agreed",
            },
            {
                "text": "Übergaben zwischen Jobcenter und Ausländerbehörde erfolgen mit "
                "einem gemeinsamen Laufzettel (Beispieldaten).",
                "decided_on": timezone.localdate() + datetime.timedelta(days=past_days),
                "responsible": "PG Interne Schnittstellen",
                "status": "in_progress",
            },
        ],
        actions=[
            {
                "what": "Entwurf des Laufzettels an alle Mitglieder senden",
                "who": "Geschäftsstelle KIM",
                "due_date": timezone.localdate() + datetime.timedelta(days=7),
                "status": "open",
            },
            {
                "what": "Raum für die nächste Sitzung reservieren",
                "who": "Vorsitz",
                "status": "done",
            },
        ],
    )
    ensure_meeting(
        workspace,
        "sitzung-2",
        title=f"2. Sitzung {label}",
        days=next_days,
        video_url="https://video.example.org/kim-demo",
        agenda=[
            {"title": "Bericht aus den Projektgruppen", "duration_minutes": 30},
            {"title": "Verschiedenes", "duration_minutes": 15},
        ],
    )


@demo_step(order=30)
def demo_workspaces(context):
    index = ensure_child(
        context["home"],
        WorkspaceIndexPage,
        "gremien",
        title="Gremien",
        intro="Die Lenkungsgruppe steuert KIM; Projektgruppen bearbeiten einzelne Themen. "
        "Ihre Arbeitsräume sind nur für Mitglieder zugänglich.",
        show_in_menus=True,
    )
    context["workspaces"] = {}
    for slug, title, purpose, members in WORKSPACES:
        workspace = ensure_child(
            index,
            WorkspacePage,
            slug,
            title=title,
            purpose=purpose,
            body="Interne Arbeitsnotizen (Beispieldaten).",
            is_steering_group=slug == "lenkungsgruppe",
        )
        for username in members:
            ensure_user(username, groups=[workspace.group.name])
        for username in MANAGERS.get(slug, []):
            ensure_user(username, groups=[workspace.managers_group.name])
        context["workspaces"][slug] = workspace
    for slug, workspace in context["workspaces"].items():
        minutes_pdf = None
        if slug == "lenkungsgruppe":
            minutes_pdf = ensure_document(
                workspace,
                "Protokoll der 1. Sitzung der Lenkungsgruppe",
                "protokoll-lenkungsgruppe-sitzung-1.pdf",
                minimal_pdf(
                    "Protokoll der 1. Sitzung der Lenkungsgruppe",
                    [
                        "KIM - Kommunales Integrationsmanagement Kreis Mettmann",
                        "Beispieldaten - dieses Dokument dient nur der Vorfuehrung.",
                        "TOP 1: Protokoll der letzten Sitzung angenommen.",
                        "TOP 2: Zielgruppen des Case Managements 2027 beraten.",
                    ],
                ),
            )
        _meetings_for(workspace, minutes_pdf)
