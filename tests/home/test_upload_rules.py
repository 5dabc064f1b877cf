"""Upload rules: only PDF, DOCX, XLSX, PPTX, ODT and raster images; content must match."""

import io
import zipfile

import pytest

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.pdf import simple_pdf
from tests.home.conftest import make_docx

HTML = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw-1234567")
    client.force_login(user)
    return client


def _upload_document(client, name, data):
    root = Collection.get_first_root_node()
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, data), "collection": root.pk},
    )


def _zip(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("angriff.html", HTML, "invalid_extension"),
        ("logo.svg", SVG, "invalid_extension"),
        ("skript.js", b"alert(1)", "invalid_extension"),
        ("programm.exe", b"MZ\x90\x00", "invalid_extension"),
        ("getarnt.pdf", HTML, "content_mismatch"),
        ("getarnt.docx", HTML, "content_mismatch"),
        ("falsch.xlsx", make_docx(["Kein Arbeitsblatt"]), "content_mismatch"),
        ("falsch.odt", _zip({"mimetype": "application/zip"}), "content_mismatch"),
    ],
)
def test_forbidden_documents_are_rejected_with_a_message(admin_client, name, data, message):
    response = _upload_document(admin_client, name, data)
    assert response.status_code == 200  # the form is shown again …
    error = response.context["form"].errors.as_data()["file"][0]
    assert error.code == message  # … with a clear reason, shown beside the field
    assert str(error.message) in response.content.decode()
    assert name.rsplit(".", 1)[1] in str(error.message)
    assert not get_document_model().objects.exists()


def test_multiple_upload_rejects_html(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("angriff.html", HTML, content_type="text/html")},
    )
    assert response.status_code == 200
    body = response.json()
    # The admin speaks the editor's language (German by default); the reason names the type.
    assert body["success"] is False and "html" in body["error_message"].lower()
    assert not get_document_model().objects.exists()


def test_multiple_upload_rejects_disguised_pdf(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("getarnt.pdf", HTML, content_type="application/pdf")},
    )
    assert response.json()["success"] is False
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bericht.pdf", simple_pdf("Bericht", ["Text"])),
        ("notiz.docx", make_docx(["Text"])),
        ("tabelle.xlsx", _zip({"xl/workbook.xml": "<workbook/>"})),
        ("folien.pptx", _zip({"ppt/presentation.xml": "<presentation/>"})),
        ("brief.odt", _zip({"mimetype": "application/vnd.oasis.opendocument.text"})),
    ],
)
def test_allowed_documents_are_accepted(admin_client, name, data):
    response = _upload_document(admin_client, name, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_document_model().objects.count() == 1


@pytest.mark.parametrize(("name", "data"), [("angriff.html", HTML), ("logo.svg", SVG)])
def test_forbidden_images_are_rejected(admin_client, name, data):
    root = Collection.get_first_root_node()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, data), "collection": root.pk},
    )
    assert response.status_code == 200
    message = response.context["form"].errors["file"][0]
    assert "GIF, JPG, JPEG, PNG, WEBP" in message and message in response.content.decode()
    assert not get_image_model().objects.exists()


def test_html_disguised_as_png_is_rejected(admin_client):
    root = Collection.get_first_root_node()
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "x", "file": SimpleUploadedFile("bild.png", HTML), "collection": root.pk},
    )
    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_document_size_limit(admin_client, settings):
    limit = settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    assert limit == 20 * 1024 * 1024
    response = _upload_document(admin_client, "gross.pdf", b"%PDF-1.7\n" + b"0" * limit)
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["file"][0].code == "file_too_large"
    assert not get_document_model().objects.exists()
