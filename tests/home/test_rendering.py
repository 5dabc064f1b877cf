"""Every handbook and publication page type renders in German and (as alias) in Arabic."""

import pytest

from wagtail.models import Locale, Page

from home.models import (
    HandbookPage,
    HomePage,
    PublicationIndexPage,
    PublicationPage,
)


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (PublicationIndexPage, HomePage, True),
        (PublicationPage, PublicationIndexPage, True),
        (PublicationPage, HomePage, False),
        (HandbookPage, PublicationIndexPage, False),
    ],
)
def test_publication_tree_rules(child, parent, allowed):
    possible = (
        child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()
    )
    assert possible is allowed


def test_one_publication_index_per_home(home, publications):
    assert not PublicationIndexPage.can_create_at(home)


@pytest.mark.parametrize(("language", "direction"), [("de", "ltr"), ("ar", "rtl")])
def test_new_page_types_render(client, handbook, publications, sync_locale, language, direction):
    if language != "de":
        sync_locale(language)
    locale = Locale.objects.get(language_code=language)
    urls = [
        "/handbuch/",
        "/handbuch/ausgabe-1/",
        "/handbuch/ausgabe-2/",
        "/handbuch/ausgabe-2/case-management/",
        "/publikationen/",
        "/publikationen/flyer-beratung/",
    ]
    for url in urls:
        response = client.get(f"/{language}{url}")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html
        assert html.count("<h1") == 1, url
    assert Page.objects.filter(locale=locale, url_path__endswith="/ausgabe-2/").exists()
    pdf = client.get(f"/{language}/handbuch/ausgabe-2/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
