"""A handbook chapter's fragment cache: per content version, anonymous visitors only."""

import pytest

from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from home.models import HandbookChapterPage
from tests.portal.test_privacy import MARKER

CHAPTER = "/de/handbuch/ausgabe-2/einleitung/"


@pytest.fixture
def private_next_chapter(handbook, workspace_a, settings):
    """The chapter after "Einleitung" is for workspace A only, its title carries the marker."""
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    chapter = HandbookChapterPage.objects.get(url_path__endswith="/ausgabe-2/case-management/")
    chapter.title = f"Intern {MARKER}"
    chapter.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=chapter, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    return chapter


@pytest.mark.parametrize("member_first", [True, False])
def test_member_chapter_links_never_reach_anonymous_visitors(
    client_for, private_next_chapter, member_first
):
    member, anonymous = client_for("member_a"), client_for("anonymous")
    order = [member, anonymous, anonymous] if member_first else [anonymous, anonymous, member]
    for client in order:
        html = client.get(CHAPTER).content.decode()
        if client is member:
            assert MARKER in html  # the member's "next chapter" link
        else:
            assert MARKER not in html


def test_chapter_changes_render_afresh(client, handbook, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    assert "Neu geschrieben" not in client.get(CHAPTER).content.decode()
    client.get(CHAPTER)
    chapter = HandbookChapterPage.objects.get(url_path__endswith="/ausgabe-2/einleitung/")
    chapter.intro = "Neu geschrieben (Beispiel)"
    chapter.save_revision().publish()
    assert "Neu geschrieben" in client.get(CHAPTER).content.decode()
    # A change to a sibling (its title in the chapter links) counts too.
    sibling = Page.objects.get(url_path__endswith="/ausgabe-2/case-management/").specific
    sibling.title = "Fallmanagement"
    sibling.save_revision().publish()
    assert "Fallmanagement" in client.get(CHAPTER).content.decode()
