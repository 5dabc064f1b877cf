"""Two editors edit the same page: Wagtail's conflict notice appears and no revision is lost.

Both load the edit view; the first saves; the second's open editor learns about the newer
version from the editing-session ping (the notice "… saved a new version"), its autosave is
refused as stale, and its explicit save becomes a further revision beside the first one.
"""

from django.test import Client
from django.urls import reverse

from wagtail.models import Revision

from home.models import ContentPage
from tests.conftest import make_user
from tests.forms import form_values


def _open_editor(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    data = form_values(response.content.decode(), form_id="page-edit-form")
    assert data["title"] == page.title and "loaded_revision_id" in data
    # The StreamField editor is drawn by JavaScript; an empty body as the browser sends it.
    data.setdefault("body-count", "0")
    return data


def test_second_editor_sees_the_conflict_and_both_revisions_survive(home, content_page, users):
    content_page.save_revision(user=users["admin"]).publish()
    first, second = Client(), Client()
    first.force_login(users["editor"])
    second.force_login(make_user("zweite", groups=users["editor"].groups.all(), is_staff=True))
    form_one = _open_editor(first, content_page)
    form_two = _open_editor(second, content_page)
    assert form_one["loaded_revision_id"] == form_two["loaded_revision_id"]
    edit_url = f"/admin/pages/{content_page.pk}/edit/"

    # 1. The first editor saves a draft.
    form_one["title"] = "Über KIM – Fassung Eins"
    assert first.post(edit_url, form_one).status_code == 302
    revision_one = content_page.revisions.latest("created_at")
    assert revision_one.content["title"] == "Über KIM – Fassung Eins"

    # 2. The second editor's open page pings: the conflict notice names the first editor.
    ping_url = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=("wagtailcore", "page", content_page.pk, 999_999),
    )
    ping = second.post(
        ping_url,
        {
            "is_editing": "1",
            "revision_id": form_two["loaded_revision_id"],
            "revision_created_at": form_two["loaded_revision_created_at"],
        },
    ).json()
    [other] = [s for s in ping["other_sessions"] if s["revision_id"]]
    assert other["revision_id"] == revision_one.pk and other["user"] == "editor"
    assert "saved a new version" in ping["html"] or "neue Version" in ping["html"]

    # 3. Its autosave is refused: it would overwrite the newer version.
    form_two["title"] = "Über KIM – Fassung Zwei"
    autosave = second.post(edit_url, form_two, headers={"Accept": "application/json"})
    assert autosave.status_code == 400
    assert autosave.json()["error_code"] == "invalid_revision"
    assert content_page.revisions.count() == 2  # nothing written by the refused autosave

    # 4. An explicit save makes a new revision; the first editor's revision is still there.
    assert second.post(edit_url, form_two).status_code == 302
    titles = [r.content["title"] for r in content_page.revisions.order_by("created_at")]
    assert titles[-2:] == ["Über KIM – Fassung Eins", "Über KIM – Fassung Zwei"]
    assert Revision.objects.get(pk=revision_one.pk).content["title"] == "Über KIM – Fassung Eins"
    # The live page is unchanged by both drafts.
    assert ContentPage.objects.get(pk=content_page.pk).title == "Über KIM"
