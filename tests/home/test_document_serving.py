"""Uploaded files are served with Content-Disposition, nosniff and a blocking CSP."""

import io

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.pdf import simple_pdf
from tests.home.conftest import make_docx
from tests.home.test_upload_rules import admin_client  # noqa: F401 (fixture)


def _document(filename, data):
    document = get_document_model()(title=filename, collection=Collection.get_first_root_node())
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    return document


@pytest.mark.parametrize(
    ("filename", "data", "disposition"),
    [
        ("bericht.pdf", simple_pdf("Bericht", ["Text"]), 'inline; filename="bericht.pdf"'),
        ("notiz.docx", make_docx(["Text"]), 'attachment; filename="notiz.docx"'),
    ],
)
def test_documents_carry_disposition_nosniff_and_csp(db, client, filename, data, disposition):
    response = client.get(_document(filename, data).url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    # Nothing inside a file may run scripts or load anything, even when opened inline.
    assert response["Content-Security-Policy"] == "default-src 'none'"


def _png(padding=0):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue() + b"\0" * padding


def test_image_size_limit(admin_client, settings):  # noqa: F811
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert limit == 10 * 1024 * 1024
    root = Collection.get_first_root_node()
    response = admin_client.post(
        "/admin/images/add/",
        {
            "title": "gross",
            "file": SimpleUploadedFile("gross.png", _png(limit)),
            "collection": root.pk,
        },
    )
    assert response.status_code == 200
    assert "10" in response.context["form"].errors["file"][0]
    assert not get_image_model().objects.exists()


def test_small_png_is_accepted(admin_client):  # noqa: F811
    root = Collection.get_first_root_node()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "klein", "file": SimpleUploadedFile("klein.png", _png()), "collection": root.pk},
    )
    assert response.status_code == 302
    assert get_image_model().objects.count() == 1
