"""Demo events (Beispieldaten): six events around Kreis Mettmann, dated relative to today.

A Fachtag in Mettmann (nearly full), an online training on the directory (full, with a
waiting list), a workshop on residence law, a members-only meeting of the Lenkungsgruppe
and two past events with their materials. Registrants are invented people at example.org.
"""

import datetime
import zlib
from pathlib import Path

from django.contrib.auth.models import Group
from django.utils import timezone

from portal.demo import EXAMPLE_NOTE, demo_step, ensure_child, load_demo_texts, stream

from .factories import EventIndexPageFactory, EventPageFactory
from .models import EventMaterial, Registration


def _at(days, hour, minute=0):
    day = timezone.localtime() + datetime.timedelta(days=days)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def _pdf(title, lines):
    """A one-page PDF with a few lines of Latin-1 text (enough for a demo download)."""

    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = "BT /F1 16 Tf 56 780 Td (" + escape(title) + ") Tj /F1 11 Tf"
    for line in [*lines, "Beispieldaten - nur zur Vorfuehrung des Portals."]:
        text += " 0 -22 Td (" + escape(line) + ") Tj"
    content = zlib.compress((text + " ET").encode("latin-1", "replace"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _document(title, filename, lines):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = _pdf(title, lines)
    document = Document(title=title, collection=Collection.get_first_root_node())
    document.file.save(filename, ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    return document


# The events (slug, title, teaser, days from today, hours, page fields, registrations,
# materials) and the index page: data/demo_events.json.
DATA = load_demo_texts(Path(__file__).resolve().parent / "data" / "demo_events.json")
EVENTS = DATA["events"]


def _steering_group(context):
    workspace = context.get("workspaces", {}).get("lenkungsgruppe")
    if workspace is not None and getattr(workspace, "group", None) is not None:
        return workspace.group
    return Group.objects.filter(name__icontains="Lenkungsgruppe").order_by("pk").first()


@demo_step(order=45)
def demo_events(context):
    home = context.get("home")
    if home is None:
        return
    page = DATA["index"]
    index = ensure_child(
        home,
        EventIndexPageFactory,
        page["slug"],
        title=page["title"],
        intro=page["intro"] + EXAMPLE_NOTE,
        show_in_menus=True,
    )
    for spec in EVENTS:
        fields = dict(spec["fields"])
        hours = spec["hours"]
        start = _at(spec["days"], hours[0])
        end = _at(spec["days"], hours[1], hours[2] if len(hours) > 2 else 0)
        deadline_days = fields.pop("registration_deadline_days", None)
        if deadline_days is not None:
            fields["registration_deadline"] = _at(deadline_days, 23, 59)
        if fields.get("audience") == "workspace":
            fields["workspace_group"] = _steering_group(context)
            if fields["workspace_group"] is None:
                continue
        event = ensure_child(
            index,
            EventPageFactory,
            spec["slug"],
            title=spec["title"],
            teaser=spec["teaser"],
            start=start,
            end=end,
            event_languages=spec.get("languages", "de"),
            accessibility=spec.get("accessibility", ""),
            body=stream(("paragraph", f"<p>{spec['teaser']}</p><p>{EXAMPLE_NOTE}</p>")),
            **fields,
        )
        if not event.materials.exists():
            for number, (title, filename) in enumerate(spec.get("materials", [])):
                document = _document(title, filename, [spec["title"], title])
                EventMaterial.objects.create(page=event, document=document, sort_order=number)
        if not event.registrations.exists():
            _registrations(event, spec.get("confirmed", 0), spec.get("waiting", 0))
    context["events"] = index


def _registrations(event, confirmed, waiting):
    now = timezone.now()
    organisations = ["Caritas (Beispiel)", "Diakonie (Beispiel)", "AWO (Beispiel)", "Stadt"]
    rows = []
    for number in range(confirmed + waiting):
        rows.append(
            Registration(
                event=event,
                name=f"Beispielperson {number + 1}",
                email=f"teilnahme-{event.pk}-{number + 1}@example.org",
                organisation=organisations[number % len(organisations)],
                role="Beratung",
                status="confirmed" if number < confirmed else "waiting",
                confirmed_at=now - datetime.timedelta(minutes=confirmed + waiting - number),
                attended=event.end < now and number % 5 != 0,
            )
        )
    Registration.objects.bulk_create(rows)
