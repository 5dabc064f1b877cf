"""Editors can create the new page types; edition numbers are unique per handbook."""

import pytest

from django.contrib.auth import get_user_model

from wagtail.models import BaseViewRestriction, CollectionViewRestriction

from home.models import HandbookEditionPage
from home.pdf import simple_pdf
from tests.home.conftest import make_document


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("root", "root@example.org", "pw-1234567")
    client.force_login(user)
    return client


def test_add_forms_render(admin_client, handbook, publications):
    index, _pages = publications
    edition = HandbookEditionPage.objects.get(edition_number=2)
    for model, parent in [
        ("handbookpage", handbook.get_parent()),
        ("handbookeditionpage", handbook),
        ("handbookchapterpage", edition),
        ("publicationpage", index),
    ]:
        response = admin_client.get(f"/admin/pages/add/home/{model}/{parent.pk}/")
        assert response.status_code == 200, model


def test_edition_number_must_be_new(admin_client, handbook):
    data = {
        "title": "Noch eine Ausgabe 2",
        "slug": "neue-ausgabe",
        "edition_number": "2",
        "change_summary": "",
        "action-publish": "publish",
    }
    response = admin_client.post(f"/admin/pages/add/home/handbookeditionpage/{handbook.pk}/", data)
    assert response.status_code == 200
    assert "edition_number" in response.context["form"].errors
    data["edition_number"] = "3"
    data["title"] = "Ausgabe 3"
    response = admin_client.post(f"/admin/pages/add/home/handbookeditionpage/{handbook.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    assert HandbookEditionPage.objects.get(edition_number=3).slug == "ausgabe-3"


def test_collection_made_private_leaves_public_search(client, publications):
    from wagtail.models import Collection

    from home.models import PublicationFile

    _index, pages = publications
    root = Collection.get_first_root_node()
    folder = root.add_child(name="Bald privat")
    data = simple_pdf("Vermerk", ["Der Zauberwald-Vermerk liegt vor."])
    document = make_document("Vermerk", data, "vermerk.pdf", collection=folder)
    PublicationFile.objects.create(page=pages["antrag"], language="en", document=document)
    pages["antrag"].save_revision().publish()
    assert "search-results" in client.get("/de/suche/", {"q": "Zauberwald"}).content.decode()
    CollectionViewRestriction.objects.create(
        collection=folder, restriction_type=BaseViewRestriction.LOGIN
    )
    assert "search-results" not in client.get("/de/suche/", {"q": "Zauberwald"}).content.decode()


def test_deleted_document_leaves_search(client, publications):
    from home.models import PublicationFile

    _index, pages = publications
    data = simple_pdf("Anhang", ["Der Kristallbrunnen-Anhang liegt vor."])
    document = make_document("Anhang", data, "anhang.pdf")
    PublicationFile.objects.create(page=pages["antrag"], language="en", document=document)
    pages["antrag"].save_revision().publish()
    assert "search-results" in client.get("/de/suche/", {"q": "Kristallbrunnen"}).content.decode()
    document.delete()
    html = client.get("/de/suche/", {"q": "Kristallbrunnen"}).content.decode()
    assert "search-results" not in html
