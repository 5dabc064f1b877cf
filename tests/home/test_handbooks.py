"""Handbooks: contents, chapter navigation, reading aids, editions and their URLs."""

import re

import pytest

from wagtail.models import Page

from home.factories import HandbookChapterPageFactory
from home.models import HandbookChapterPage, HandbookEditionPage, HandbookPage, HomePage
from tests.conftest import QUERY_BUDGET


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (HandbookPage, HomePage, True),
        (HandbookEditionPage, HandbookPage, True),
        (HandbookChapterPage, HandbookEditionPage, True),
        (HandbookChapterPage, HandbookPage, False),
        (HandbookEditionPage, HomePage, False),
    ],
)
def test_handbook_tree_rules(child, parent, allowed):
    possible = (
        child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()
    )
    assert possible is allowed


def _links(html, css_class):
    section = html.split(f'class="{css_class}"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'<a href="([^"]+)"', section)


def test_handbook_page_shows_current_edition_contents(client, handbook):
    html = client.get("/de/handbuch/").content.decode()
    assert _links(html, "handbook-toc") == [
        "/de/handbuch/ausgabe-2/einleitung/",
        "/de/handbuch/ausgabe-2/case-management/",
        "/de/handbuch/ausgabe-2/lenkungsgruppe/",
    ]
    assert "Neu: Kapitel zum Case Management." in html
    assert 'href="/de/handbuch/ausgabe-1/"' in html  # older edition listed
    assert 'href="/de/handbuch/ausgabe-2/pdf/"' in html


def test_edition_urls_are_stable_and_old_edition_is_marked(client, handbook):
    old = client.get("/de/handbuch/ausgabe-1/")
    current = client.get("/de/handbuch/ausgabe-2/")
    assert old.status_code == current.status_code == 200
    old_html, current_html = old.content.decode(), current.content.decode()
    assert "edition-notice" in old_html
    assert 'href="/de/handbuch/ausgabe-2/"' in old_html.split("edition-notice", 1)[1]
    assert "edition-notice" not in current_html
    assert _links(old_html, "handbook-toc") == [
        "/de/handbuch/ausgabe-1/einleitung/",
        "/de/handbuch/ausgabe-1/beratungsstellen/",
    ]
    # Chapters of the old edition carry the notice too.
    chapter = client.get("/de/handbuch/ausgabe-1/einleitung/").content.decode()
    assert "edition-notice" in chapter
    assert "Neu: Kapitel zum Case Management." in current_html


def test_unpublished_higher_edition_is_not_current(client, handbook):
    from home.factories import HandbookEditionPageFactory

    draft = HandbookEditionPageFactory(parent=handbook, edition_number=3, live=False)
    assert draft.slug == "ausgabe-3"
    html = client.get("/de/handbuch/ausgabe-2/").content.decode()
    assert "edition-notice" not in html
    assert client.get("/de/handbuch/ausgabe-3/").status_code == 404


def test_edition_slug_follows_number_and_numbers_are_unique(handbook):
    from django.core.exceptions import ValidationError

    edition = HandbookEditionPage.objects.get(edition_number=2)
    edition.slug = "irgendwas"
    edition.full_clean()
    assert edition.slug == "ausgabe-2"
    edition.edition_number = 1
    with pytest.raises(ValidationError):
        edition.full_clean()


def test_previous_and_next_follow_tree_order(client, handbook):
    first = client.get("/de/handbuch/ausgabe-2/einleitung/").content.decode()
    middle = client.get("/de/handbuch/ausgabe-2/case-management/").content.decode()
    last = client.get("/de/handbuch/ausgabe-2/lenkungsgruppe/").content.decode()
    assert 'rel="prev"' not in first
    assert 'href="/de/handbuch/ausgabe-2/case-management/" rel="next"' in first
    assert 'href="/de/handbuch/ausgabe-2/einleitung/" rel="prev"' in middle
    assert 'href="/de/handbuch/ausgabe-2/lenkungsgruppe/" rel="next"' in middle
    assert 'href="/de/handbuch/ausgabe-2/case-management/" rel="prev"' in last
    assert 'rel="next"' not in last


def test_reordering_chapters_changes_navigation(client, handbook):
    edition = HandbookEditionPage.objects.get(edition_number=2)
    last = edition.get_children().get(slug="lenkungsgruppe")
    first = edition.get_children().get(slug="einleitung")
    last.move(first, pos="left")
    html = client.get("/de/handbuch/ausgabe-2/").content.decode()
    assert _links(html, "handbook-toc")[0] == "/de/handbuch/ausgabe-2/lenkungsgruppe/"
    html = client.get("/de/handbuch/ausgabe-2/einleitung/").content.decode()
    assert 'href="/de/handbuch/ausgabe-2/lenkungsgruppe/" rel="prev"' in html


def test_chapter_reading_aids(client, handbook):
    chapter = HandbookChapterPage.objects.get(slug="case-management", depth__gt=3)
    chapter.save_revision().publish()
    chapter.refresh_from_db()
    html = client.get("/de/handbuch/ausgabe-2/case-management/").content.decode()
    # "In this chapter" lists every heading, each heading has an id and a self-link.
    assert _links(html, "chapter-contents") == ["#ziele", "#ablauf", "#kontakt"]
    for anchor in ["ziele", "ablauf", "kontakt"]:
        assert f'<h2 id="{anchor}">' in html
        assert f'<a class="heading-anchor" href="#{anchor}">' in html
    # 2 title words + 6 intro words + 3×(1 heading + 4 words) + 450 = 473 → 3 minutes.
    assert chapter.word_count() == 473
    assert chapter.reading_minutes() == 3
    assert re.search(r"3 (minutes|Minuten)", html)
    assert '<time datetime="' in html
    assert chapter.last_published_at.astimezone().strftime("%Y") in html.split("<time", 1)[1]


def test_non_latin_headings_get_anchors(client, handbook):
    edition = HandbookEditionPage.objects.get(edition_number=2)
    from tests.home.conftest import body

    HandbookChapterPageFactory(parent=edition, slug="ar", body=body("الإرشاد"))
    html = client.get("/de/handbuch/ausgabe-2/ar/").content.decode()
    assert '<h2 id="الإرشاد">' in html and 'href="#الإرشاد"' in html


def test_chapter_queries_do_not_grow_with_chapters(client, handbook, count_queries):
    edition = HandbookEditionPage.objects.get(edition_number=2)
    chapter, contents = "/de/handbuch/ausgabe-2/case-management/", "/de/handbuch/ausgabe-2/"
    few = [count_queries(client, url)[0] for url in (chapter, contents)]
    for n in range(8):
        HandbookChapterPageFactory(parent=edition, slug=f"extra-{n}", title=f"Extra {n}")
    many = [count_queries(client, url)[0] for url in (chapter, contents)]
    assert "Extra 7" in count_queries(client, contents)[1].content.decode()
    assert few == many
    assert max(many) <= QUERY_BUDGET


def test_restricted_chapter_is_hidden_from_contents_and_navigation(client, handbook, users):
    from wagtail.models import BaseViewRestriction, PageViewRestriction

    chapter = Page.objects.get(url_path__endswith="/ausgabe-2/case-management/")
    PageViewRestriction.objects.create(page=chapter, restriction_type=BaseViewRestriction.LOGIN)
    html = client.get("/de/handbuch/ausgabe-2/").content.decode()
    assert "case-management" not in html
    html = client.get("/de/handbuch/ausgabe-2/einleitung/").content.decode()
    assert 'href="/de/handbuch/ausgabe-2/lenkungsgruppe/" rel="next"' in html
