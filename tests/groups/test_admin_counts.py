"""Admin counts and destructive bulk actions (issue #15, items 1 and 4).

- No number the admin prints (dashboard summary, child pages on bulk publish, unpublish and
  move confirmations, the unpublish view) counts workspace pages hidden from the user: a
  workspace with planted children changes none of them for an editor outside it, while a
  superuser sees them counted (positive control).
- A page whose subtree holds hidden pages cannot be deleted (nor its count shown on the
  delete confirmation) by a user outside the workspace.
- Bulk delete of many pages needs the typed site name server-side, also when the field is
  simply not sent, and skips pages locked by someone else.
"""

import pytest

from wagtail.models import Page

from home.factories import ContentPageFactory
from tests.portal.test_hardening import _csrf_client, big_page  # noqa: F401 (a fixture)

MARKER = "Zqzaehl"
HIDDEN_MEETINGS = 4  # two live, two drafts


@pytest.fixture
def hidden_subtree(workspace_a, workspace_b, make_meeting, users):
    """Workspace A with meetings whose titles carry the marker; B stays empty.

    The moderator also joins the portal's "Moderation" group, which may delete subtrees
    (``bulk_delete``), so the refusals below come from the hidden pages alone.
    """
    from django.contrib.auth.models import Group

    users["moderator"].groups.add(Group.objects.get(name="Moderation"))
    for number in range(HIDDEN_MEETINGS):
        make_meeting(
            workspace_a,
            title=f"Sitzung {MARKER} {number}",
            slug=f"geheim-{number}",
            publish=number % 2 == 0,
        )
    return workspace_a


def _context(response, key):
    assert response.status_code == 200, response.get("Location")
    return response.context[key]


def _counts(client, overview):
    """Every count the admin shows for the public overview "Gremien" and the whole site."""
    bulk = f"/admin/bulk/wagtailcore/page/%s/?id={overview.pk}"
    counts = {"summary": _context(client.get("/admin/"), "total_pages")}
    for action, key in [
        ("publish", "draft_descendant_count"),
        ("unpublish", "live_descendant_count"),
        ("move", "child_pages"),
    ]:
        response = client.get(bulk % action)
        items = _context(response, "items")
        # None: the overview is not actionable (moving a subtree needs delete rights on it).
        counts[action] = items[0][key] if items else None
        assert MARKER not in response.content.decode()
    unpublish = client.get(f"/admin/pages/{overview.pk}/unpublish/")
    counts["unpublish view"] = _context(unpublish, "live_descendant_count")
    return counts


def test_counts_shown_to_an_outsider_exclude_hidden_workspace_pages(hidden_subtree, users):
    overview = hidden_subtree.get_parent()
    moderator, _token = _csrf_client(users["moderator"])
    admin, _token = _csrf_client(users["admin"])
    outsider = _counts(moderator, overview)
    everything = _counts(admin, overview)
    # Below the overview: two workspaces and the meetings of A, all hidden from the moderator.
    assert outsider == {
        "summary": everything["summary"] - 2 - HIDDEN_MEETINGS,
        "publish": 0,
        "unpublish": 0,
        "move": None,
        "unpublish view": 0,
    }
    assert everything["publish"] == HIDDEN_MEETINGS // 2
    assert everything["unpublish"] == 2 + HIDDEN_MEETINGS // 2
    assert everything["move"] == 2 + HIDDEN_MEETINGS
    # Public children are still counted for the outsider.
    ContentPageFactory(parent=overview.get_parent(), title="Öffentlich", slug="oeffentlich")
    assert _counts(moderator, overview)["summary"] == outsider["summary"] + 1


def test_an_outsider_cannot_delete_a_page_above_a_hidden_workspace(hidden_subtree, users):
    overview = hidden_subtree.get_parent()
    client, token = _csrf_client(users["moderator"])
    view = client.get(f"/admin/pages/{overview.pk}/delete/")
    assert view.status_code in (302, 403)  # Wagtail turns PermissionDenied into a redirect
    assert "descendant_count" not in (view.context or {})
    client.post(f"/admin/pages/{overview.pk}/delete/", {"csrfmiddlewaretoken": token})
    bulk = f"/admin/bulk/wagtailcore/page/delete/?id={overview.pk}"
    confirmation = client.get(bulk)
    assert _context(confirmation, "items") == []
    assert _context(confirmation, "total_page_count") == 0
    client.post(bulk, {"csrfmiddlewaretoken": token, "confirm_site_name": "KIM"})
    assert Page.objects.filter(pk=hidden_subtree.pk).exists()
    assert Page.objects.filter(pk=overview.pk).exists()
    # Positive control: the moderator may delete a public page with public children.
    public = ContentPageFactory(parent=overview.get_parent(), title="Alt", slug="alt")
    ContentPageFactory(parent=public, title="Kind", slug="kind")
    client.post(f"/admin/pages/{public.pk}/delete/", {"csrfmiddlewaretoken": token})
    assert not Page.objects.filter(pk=public.pk).exists()


def test_an_outsider_cannot_copy_a_hidden_subtree(hidden_subtree, users, home, monkeypatch):
    from groups.models import WorkspaceIndexPage

    monkeypatch.setattr(WorkspaceIndexPage, "max_count_per_parent", None)
    overview = hidden_subtree.get_parent()
    tester = overview.permissions_for_user(users["moderator"])
    assert not tester.can_copy_to(home, recursive=True)
    assert tester.can_copy_to(home, recursive=False)  # the page alone, without its subtree
    assert overview.permissions_for_user(users["admin"]).can_copy_to(home, recursive=True)


# --- Bulk delete: the typed site name, server-side ----------------------------------------------


def test_bulk_delete_of_many_pages_needs_the_site_name(big_page, users, settings):  # noqa: F811
    client, token = _csrf_client(users["admin"])
    url = f"/admin/bulk/wagtailcore/page/delete/?id={big_page.pk}"
    assert _context(client.get(url), "type_to_confirm_before_delete") is True
    for data in [{}, {"confirm_site_name": ""}, {"confirm_site_name": "falsch"}]:
        response = client.post(url, {**data, "csrfmiddlewaretoken": token})
        assert response.status_code == 200, data
        # The admin speaks German.
        expected = f"Bitte geben Sie „{settings.WAGTAIL_SITE_NAME}“ zur Bestätigung ein."
        assert expected in response.content.decode(), data
        assert Page.objects.filter(pk=big_page.pk).exists(), data
    response = client.post(
        url, {"confirm_site_name": settings.WAGTAIL_SITE_NAME, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert not Page.objects.filter(pk=big_page.pk).exists()


def test_bulk_delete_of_few_pages_needs_no_site_name(content_page, users, settings):
    settings.WAGTAILADMIN_UNSAFE_PAGE_DELETION_LIMIT = 3
    client, token = _csrf_client(users["admin"])
    url = f"/admin/bulk/wagtailcore/page/delete/?id={content_page.pk}"
    client.post(url, {"csrfmiddlewaretoken": token})
    assert not Page.objects.filter(pk=content_page.pk).exists()


def test_bulk_delete_skips_a_page_locked_by_someone_else(content_page, users):
    from django.utils import timezone

    content_page.locked, content_page.locked_by = True, users["editor"]
    content_page.locked_at = timezone.now()
    content_page.save()
    url = f"/admin/bulk/wagtailcore/page/delete/?id={content_page.pk}"
    client, token = _csrf_client(users["admin"])
    assert _context(client.get(url), "items") == []
    client.post(url, {"csrfmiddlewaretoken": token})
    assert Page.objects.filter(pk=content_page.pk).exists()
    # The one who holds the lock may delete it in bulk (positive control).
    content_page.locked_by = users["admin"]
    content_page.save()
    client.post(url, {"csrfmiddlewaretoken": token})
    assert not Page.objects.filter(pk=content_page.pk).exists()
