"""Privacy inside the admin (issue #15, items 1–3 and 6): admin users who are not members of a
workspace read nothing of it, through any listing, report, API, bulk action, translation view
or crafted form, and cannot reuse its pages, documents or collections.

Every check plants secret markers (titles, SEO title, search description, a draft title, a
document title) and has a positive control: a superuser, or a member, does see them.
"""

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from home.factories import ContentPageFactory
from tests.conftest import make_user, response_text

PREFIX = "Zqa"
DRAFT = "Zqaentwurf"
PUBLISHED = "Zqasitzung"
SEO = "Zqaseo"
DESCRIPTION = "Zqabeschreibung"
DOCUMENT = "Zqadokument"
OUTSIDERS = ["editor", "moderator", "translator"]


@pytest.fixture
def secret(workspace_a, workspace_b, make_meeting, make_document, users):
    published = make_meeting(
        workspace_a,
        title=f"Sitzung {PUBLISHED}",
        slug="sitzung-geheim",
        seo_title=SEO,
        search_description=DESCRIPTION,
    )
    draft = make_meeting(workspace_a, title=f"Entwurf {DRAFT}", slug="entwurf", publish=False)
    document = make_document(workspace_a, f"Anlage {DOCUMENT}")
    users["translator"] = make_user(
        "translator", groups=[Group.objects.get(name="Übersetzung")], is_staff=True
    )
    return {"workspace": workspace_a, "meeting": published, "draft": draft, "document": document}


@pytest.fixture
def admin_client(users, secret):
    def build(role):
        client = Client(enforce_csrf_checks=False)
        client.force_login(users[role])
        return client

    return build


def _admin_urls(secret):
    meeting, draft, workspace = secret["meeting"], secret["draft"], secret["workspace"]
    return [
        f"/admin/api/main/pages/{meeting.pk}/",
        f"/admin/api/main/pages/{draft.pk}/",
        f"/admin/api/main/pages/?child_of={workspace.pk}",
        f"/admin/api/main/pages/?descendant_of={workspace.get_parent().pk}",
        f"/admin/api/main/pages/?search={PUBLISHED}",
        f"/admin/api/main/pages/?search={DRAFT}",
        f"/admin/bulk/wagtailcore/page/delete/?id={meeting.pk}&id={draft.pk}",
        f"/admin/bulk/wagtailcore/page/publish/?id={draft.pk}",
        f"/admin/bulk/wagtailcore/page/move/?id={meeting.pk}",
        f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={workspace.pk}",
        "/admin/reports/page-types-usage/",
        "/admin/reports/site-history/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/reports/workflow/",
        "/admin/localize/reports/translations/",
        f"/admin/pages/search/?q={PUBLISHED}",
        f"/admin/choose-page/search/?q={PUBLISHED}",
        f"/admin/documents/?q={DOCUMENT}",
        f"/admin/documents/chooser/results/?q={DOCUMENT}",
        "/admin/",
    ]


def _with_translation_source(secret):
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(secret["meeting"])
    Translation.objects.get_or_create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )


@pytest.mark.parametrize("role", OUTSIDERS)
def test_no_admin_listing_report_or_api_shows_workspace_pages(secret, admin_client, role):
    _with_translation_source(secret)
    secret["meeting"].save_revision(log_action=True)  # a site-history entry
    client = admin_client(role)
    leaks = []
    for url in _admin_urls(secret):
        response = client.get(url)
        assert response.status_code < 500, url
        text = response_text(response).replace(url.split("q=")[-1] if "q=" in url else "\0", "")
        if PREFIX in text:
            leaks.append(url)
    assert leaks == [], f"{role}: markers leaked at {leaks}"


def test_superuser_sees_the_markers(secret, admin_client):
    """Positive control: the same URLs do show the markers to a superuser."""
    _with_translation_source(secret)
    client = admin_client("admin")
    meeting, draft = secret["meeting"], secret["draft"]
    api = response_text(client.get(f"/admin/api/main/pages/{meeting.pk}/"))
    assert PUBLISHED in api and SEO in api and DESCRIPTION in api
    assert DRAFT in response_text(client.get(f"/admin/api/main/pages/{draft.pk}/"))
    assert DRAFT in response_text(client.get(f"/admin/api/main/pages/?search={DRAFT}"))
    bulk = response_text(client.get(f"/admin/bulk/wagtailcore/page/delete/?id={meeting.pk}"))
    assert PUBLISHED in bulk
    assert PREFIX in response_text(client.get("/admin/localize/reports/translations/"))


def test_member_manager_sees_own_workspace_in_the_api(secret, users):
    manager = make_user("manager-a", groups=[secret["workspace"].managers_group], is_staff=True)
    client = Client()
    client.force_login(manager)
    assert PUBLISHED in response_text(client.get(f"/admin/api/main/pages/{secret['meeting'].pk}/"))


def test_api_detail_of_hidden_page_is_not_found(secret, admin_client):
    response = admin_client("editor").get(f"/admin/api/main/pages/{secret['meeting'].pk}/")
    # A 404 under /admin/ is turned into a redirect to the language prefix, which 404s too.
    assert response.status_code in (302, 404)
    assert admin_client("editor").get(response.get("Location", "/x/")).status_code == 404
    public = admin_client("editor").get(
        f"/admin/api/main/pages/{secret['workspace'].get_parent().pk}/"
    )
    assert public.status_code == 200


def test_page_types_usage_report_keeps_public_last_edited(secret, admin_client, home):
    ContentPageFactory(parent=home, title="Öffentlich Xpub", slug="oeffentlich")
    html = response_text(admin_client("editor").get("/admin/reports/page-types-usage/"))
    assert "Xpub" in html
    assert PREFIX not in html


# --- Item 2: wagtail-localize submission needs permission on the object ------------------------


@pytest.mark.parametrize("role", ["translator", "editor", "moderator"])
def test_outsider_cannot_submit_a_workspace_page_for_translation(secret, users, role):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users[role])
    workspace = secret["workspace"]
    english = Locale.objects.get(language_code="en")
    url = f"/admin/localize/submit/page/{workspace.pk}/"
    client.get("/admin/")  # a CSRF cookie, as a browser has
    token = client.cookies["csrftoken"].value
    for response in [
        client.get(url),
        client.post(
            url,
            {"locales": [english.pk], "include_subtree": "on", "csrfmiddlewaretoken": token},
        ),
    ]:
        # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
        assert response.status_code in (302, 403)
        assert response.get("Location", "/admin/") == "/admin/"
        assert PREFIX not in response_text(response)
    assert not Page.objects.filter(locale=english, translation_key=workspace.translation_key)
    assert not Page.objects.filter(
        locale=english, translation_key=secret["meeting"].translation_key
    ).exists()


def test_translating_a_public_subtree_skips_hidden_workspaces(secret, users, home):
    """The overview "Gremien" is public; its workspaces below it are not translated by an
    outsider who submits the overview with its subtree."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["translator"])
    english = Locale.objects.get(language_code="en")
    # The overview's parent must exist in English first.
    home.copy_for_translation(english).save_revision()
    overview = secret["workspace"].get_parent()
    url = f"/admin/localize/submit/page/{overview.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    token = client.cookies["csrftoken"].value
    response = client.post(
        url,
        {"locales": [english.pk], "include_subtree": "on", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302, response_text(response)[:500]
    assert Page.objects.filter(locale=english, translation_key=overview.translation_key).exists()
    for hidden in (secret["workspace"], secret["meeting"], secret["draft"]):
        assert not Page.objects.filter(
            locale=english, translation_key=hidden.translation_key
        ).exists()


def test_manager_may_submit_own_workspace(secret):
    manager = make_user("manager-a", groups=[secret["workspace"].managers_group], is_staff=True)
    from django.contrib.auth.models import Permission

    manager.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    client = Client()
    client.force_login(manager)
    assert client.get(f"/admin/localize/submit/page/{secret['workspace'].pk}/").status_code == 200


# --- Item 6: collections of workspaces ---------------------------------------------------------


@pytest.mark.parametrize("role", ["editor", "moderator"])
def test_outsider_cannot_upload_into_a_workspace_collection(secret, users, role, settings):
    client = Client()
    client.force_login(users[role])
    collection = secret["workspace"].collection
    add_form = response_text(client.get("/admin/documents/add/"))
    assert f'value="{collection.pk}"' not in add_form
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Eingeschleust",
            "collection": collection.pk,
            "file": ContentFile(b"%PDF-1.4\n", name="x.pdf"),
        },
    )
    # The workspace collection is no choice: the file lands in the only one left, the root.
    assert response.status_code in (200, 302)
    assert (
        not get_document_model()
        .objects.filter(collection=collection)
        .exclude(pk=secret["document"].pk)
    )
    images = response_text(client.get("/admin/images/add/"))
    assert f'value="{collection.pk}"' not in images


def _png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_member_cannot_put_an_image_into_the_workspace_collection(secret):
    """Images are public files: even a manager is refused, with a message saying why."""
    from django.contrib.auth.models import Permission

    from wagtail.images import get_image_model
    from wagtail.models import Collection, GroupCollectionPermission

    manager = make_user("manager-a", groups=[secret["workspace"].managers_group], is_staff=True)

    GroupCollectionPermission.objects.create(
        group=secret["workspace"].managers_group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_image"),
    )
    client = Client()
    client.force_login(manager)
    collection = secret["workspace"].collection
    response = client.post(
        "/admin/images/add/",
        {"title": "Foto", "collection": collection.pk, "file": ContentFile(_png(), name="f.png")},
    )
    assert response.status_code == 200
    assert "Bilder sind immer öffentlich" in response_text(response)  # the admin speaks German
    assert not get_image_model().objects.filter(collection=collection).exists()
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Foto",
            "collection": Collection.get_first_root_node().pk,
            "file": ContentFile(_png(), name="f.png"),
        },
    )
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Foto").exists()


# --- Item 3: chooser ids are checked on save, private targets never rendered -------------------


def _content_form(title, body):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    return nested_form_data(
        {"title": title, "slug": "ueber-kim", "intro": "", "body": streamfield(body)}
    )


def _crafted_bodies(secret):
    from wagtail.test.utils.form_data import rich_text

    return {
        "document": [("document", {"document": secret["document"].pk, "label": ""})],
        "page": [
            (
                "call_to_action",
                {
                    "title": "Mehr",
                    "text": "",
                    "page": secret["meeting"].pk,
                    "url": "",
                    "button_label": "Los",
                },
            )
        ],
        "rich text": [
            (
                "paragraph",
                rich_text(
                    f'<p><a linktype="page" id="{secret["meeting"].pk}">hier</a> und '
                    f'<a linktype="document" id="{secret["document"].pk}">da</a></p>',
                    features=["link", "document-link"],
                ),
            )
        ],
    }


@pytest.mark.parametrize("kind", ["document", "page", "rich text"])
def test_moderator_cannot_publish_a_reference_to_private_content(secret, users, content_page, kind):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["moderator"])
    url = f"/admin/pages/{content_page.pk}/edit/"
    client.get(url)
    data = _content_form("Über KIM", _crafted_bodies(secret)[kind])
    data["csrfmiddlewaretoken"] = client.cookies["csrftoken"].value
    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 200, response.get("Location")
    assert "hier nicht verwenden dürfen" in response_text(response)  # the admin speaks German
    assert not content_page.revisions.exists()  # nothing saved, nothing published
    public = Client().get(content_page.url)
    assert PREFIX not in response_text(public) and "sitzung-geheim" not in response_text(public)


def test_member_may_reference_own_document_but_public_page_hides_its_title(secret, content_page):
    """A manager may choose the workspace's document; the public page still prints no title
    of it for visitors who may not see it (positive control for the save check)."""
    from django.contrib.auth.models import Permission

    from wagtail.models import GroupPagePermission

    workspace = secret["workspace"]
    GroupPagePermission.objects.create(
        group=workspace.managers_group,
        page=content_page,
        permission=Permission.objects.get(codename="publish_page"),
    )
    GroupPagePermission.objects.create(
        group=workspace.managers_group,
        page=content_page,
        permission=Permission.objects.get(codename="change_page"),
    )
    manager = make_user("manager-a", groups=[workspace.managers_group], is_staff=True)
    client = Client()
    client.force_login(manager)
    data = _content_form(
        "Über KIM", _crafted_bodies(secret)["document"] + _crafted_bodies(secret)["page"]
    )
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{content_page.pk}/edit/", data)
    assert response.status_code == 302, response_text(response)[-3000:]
    outsider = response_text(Client().get(content_page.url))
    assert PREFIX not in outsider and "sitzung-geheim" not in outsider
    member = Client()
    member.force_login(manager)
    assert DOCUMENT in response_text(member.get(content_page.url))
