"""Workspace fixtures: meetings with children, documents in a workspace collection."""

import datetime

import pytest

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from groups.factories import create_meeting


def berlin(days, hour=10):
    """An aware datetime ``days`` from today at ``hour`` o'clock Europe/Berlin."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a throwaway directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def make_meeting():
    """``make_meeting(workspace, days=..., agenda=[{...}], decisions=[...], actions=[...])``.

    Builds the meeting with its inline children in memory and publishes one revision, as
    the admin does.
    """
    counter = {"n": 0}

    def make(workspace, *, days=14, **fields):
        counter["n"] += 1
        fields.setdefault("title", f"Sitzung {counter['n']}")
        fields.setdefault("slug", f"sitzung-{counter['n']}")
        fields.setdefault("start", berlin(days))
        fields.setdefault("place", "Kreishaus Mettmann")
        return create_meeting(workspace, **fields)

    return make


@pytest.fixture
def make_document():
    """``make_document(workspace, title, content=b"...")``: a PDF in the workspace collection."""

    def make(workspace, title, content=b"%PDF-1.4\n% test\n", filename="protokoll.pdf"):
        Document = get_document_model()
        document = Document(title=title, collection=workspace.collection)
        document.file.save(filename, ContentFile(content), save=False)
        document.save()
        return document

    return make
