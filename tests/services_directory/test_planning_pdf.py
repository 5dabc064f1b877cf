"""The monthly planning PDF: filed once per month in the steering group's private files."""

import datetime
import io

import pytest

from django.core import mail
from django.core.management import CommandError, call_command

from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.conftest import make_user

from .test_planning import MARKER, services  # noqa: F401  (the fixture)

TODAY = datetime.date(2026, 12, 1)


@pytest.fixture
def steering(workspace_a):
    # workspace_a is titled "Lenkungsgruppe": group "Gremium: Lenkungsgruppe", collection
    # "Lenkungsgruppe" restricted to its readers.
    make_user("lenkung", groups=[workspace_a.group])
    make_user("lenkung-leitung", groups=[workspace_a.managers_group])
    return workspace_a


def test_monthly_report_is_filed_once_and_members_are_told(client, services, steering):  # noqa: F811
    from services_directory.planning_pdf import file_monthly_report

    document, created = file_monthly_report(today=TODAY)
    assert created and document.title == "Angebotsplanung 2026-11"
    assert document.collection_id == steering.collection_id
    assert sorted(m.to[0] for m in mail.outbox) == [
        "lenkung-leitung@example.org",
        "lenkung@example.org",
    ]
    assert document.url in mail.outbox[0].body
    # Idempotent: the same month again files nothing and mails nobody.
    again, created = file_monthly_report(today=datetime.date(2026, 12, 15))
    assert not created and again.pk == document.pk
    assert len(mail.outbox) == 2
    assert get_document_model().objects.filter(title="Angebotsplanung 2026-11").count() == 1

    from pypdf import PdfReader

    with document.file.open("rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Angebotsplanung" in text and "Hilden" in text
    assert MARKER not in text and "Interne Beratung" not in text
    # The file is private: an anonymous visitor does not get it.
    assert client.get(document.url).status_code in (302, 403)


def test_command_refuses_a_public_collection(db, settings, services):  # noqa: F811
    root = Collection.get_first_root_node()
    root.add_child(name="Öffentlich")
    settings.PLANNING_REPORT_COLLECTION = "Öffentlich"
    with pytest.raises(CommandError, match="not restricted"):
        call_command("send_planning_report", "--month", "2026-11")
    with pytest.raises(CommandError, match="2026-11"):
        call_command("send_planning_report", "--month", "November")
    assert not get_document_model().objects.exists()
