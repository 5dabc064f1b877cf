"""Images stored in a workspace collection before such uploads were refused (issue #15,
item 6): ``manage.py secure_workspace_images`` makes them stop being public.

An image is planted the old way (straight into the workspace collection, with a rendition);
before the command its original and rendition are files under ``/media/`` that the web
server hands to anyone; afterwards those files are gone and the content is a document of the
workspace, served to members only.
"""

import io

import pytest

from django.core.files.images import ImageFile
from django.core.management import call_command
from django.http import Http404
from django.test import Client, RequestFactory

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from portal.views import development_media

MARKER = "Zqbild"


def _png(colour="red"):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), colour).save(buffer, "PNG")
    return buffer.getvalue()


def _plant(collection, title):
    image = get_image_model()(title=title, collection=collection)
    image.file = ImageFile(io.BytesIO(_png()), name=f"{title.lower().replace(' ', '-')}.png")
    image.save()
    rendition = image.get_rendition("fill-4x4")
    return image, image.file.name, rendition.file.name


def _publicly_served(name):
    """What the web server (here: the development media view) hands to anyone."""
    request = RequestFactory().get(f"/media/{name}")
    try:
        response = development_media(request, name)
    except Http404:
        return False
    return response.status_code == 200


def _run(*args):
    output = io.StringIO()
    call_command("secure_workspace_images", *args, stdout=output)
    return output.getvalue()


@pytest.fixture
def planted(workspace_a):
    private = _plant(workspace_a.collection, f"Foto {MARKER}")
    public = _plant(Collection.get_first_root_node(), "Rathaus")
    return {"workspace": workspace_a, "private": private, "public": public}


def test_workspace_images_stop_being_public(planted, users):
    image, original, rendition = planted["private"]
    workspace = planted["workspace"]
    assert _publicly_served(original) and _publicly_served(rendition)  # the old state leaks

    assert "would become a document" in _run("--dry-run")
    assert get_image_model().objects.filter(pk=image.pk).exists()  # a dry run changes nothing

    output = _run()
    assert f"Image {image.pk}" in output and "1 image(s) converted." in output
    assert not get_image_model().objects.filter(collection=workspace.collection).exists()
    assert not _publicly_served(original) and not _publicly_served(rendition)
    storage = image.file.storage
    assert not storage.exists(original) and not storage.exists(rendition)

    # The content survives as a document of the workspace: members only.
    document = get_document_model().objects.get(collection=workspace.collection)
    assert document.title == f"Foto {MARKER}"
    anonymous = Client().get(document.url)
    assert anonymous.status_code in (302, 403, 404)
    assert _png() not in anonymous.content
    member = Client()
    member.force_login(users["member_a"])
    response = member.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content if response.streaming else [response.content]) == (
        _png()
    )
    outsider = Client()
    outsider.force_login(users["member_b"])
    assert outsider.get(document.url).status_code != 200

    # Images of public collections are untouched (positive control); a second run is a no-op.
    _public, public_original, public_rendition = planted["public"]
    assert _publicly_served(public_original) and _publicly_served(public_rendition)
    assert "No images in private collections." in _run()


def test_pages_using_a_converted_image_are_named(planted, content_page):
    """An editor learns which page showed the workspace image, to replace it there."""
    from wagtail.models import ReferenceIndex

    image = planted["private"][0]
    content_page.body = [("image", {"image": image, "alt_text": "Foto", "caption": ""})]
    content_page.save_revision().publish()
    ReferenceIndex.create_or_update_for_object(content_page)
    assert ReferenceIndex.get_references_to(image).exists()
    output = _run()
    assert f"Page {content_page.pk} “Über KIM”" in output and "replace the image" in output


def test_images_cannot_be_moved_into_a_workspace_collection_in_bulk(workspace_a, users):
    """The bulk action "add to collection" has a form of its own: it offers no restricted
    collection, and a crafted request naming one moves nothing (the admin speaks German)."""
    from django.contrib.auth.models import Permission

    from wagtail.models import GroupCollectionPermission

    from tests.conftest import make_user

    root = Collection.get_first_root_node()
    public_collection = root.add_child(name="Pressefotos")
    for codename in ("add_image", "change_image"):
        GroupCollectionPermission.objects.create(
            group=workspace_a.managers_group,
            collection=root,
            permission=Permission.objects.get(codename=codename),
        )
    manager = make_user("manager-a", groups=[workspace_a.managers_group], is_staff=True)
    image, _original, _rendition = _plant(root, "Rathaus")
    client = Client()
    client.force_login(manager)
    url = f"/admin/bulk/wagtailimages/image/add_to_collection/?id={image.pk}"
    form = client.get(url).content.decode()
    assert f'value="{public_collection.pk}"' in form  # the control: choices are listed
    assert f'value="{workspace_a.collection.pk}"' not in form
    response = client.post(url, {"collection": workspace_a.collection.pk})
    assert response.status_code == 200  # the form again, with an error
    image.refresh_from_db()
    assert image.collection_id == root.pk
    client.post(url, {"collection": public_collection.pk})
    image.refresh_from_db()
    assert image.collection_id == public_collection.pk
