"""Page creation rules and rendering of every page type in German and Arabic."""

import pytest

from wagtail.models import Page

from groups.models import WorkspaceIndexPage, WorkspacePage
from home.models import ContentPage, HomePage
from services_directory.models import ServiceDirectoryPage


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (HomePage, Page, True),
        (ContentPage, HomePage, True),
        (ContentPage, ContentPage, True),
        (ContentPage, WorkspacePage, False),
        (ServiceDirectoryPage, HomePage, True),
        (ServiceDirectoryPage, ContentPage, False),
        (WorkspaceIndexPage, HomePage, True),
        (WorkspaceIndexPage, ContentPage, False),
        (WorkspacePage, WorkspaceIndexPage, True),
        (WorkspacePage, HomePage, False),
        (WorkspacePage, ContentPage, False),
        (HomePage, HomePage, False),
    ],
)
def test_page_creation_rules(child, parent, allowed):
    possible = (
        child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()
    )
    assert possible is allowed


def test_single_directory_and_workspace_index_per_home(home, directory_page, workspace_index):
    assert not ServiceDirectoryPage.can_create_at(home)
    assert not WorkspaceIndexPage.can_create_at(home)
    assert ContentPage.can_create_at(home)


@pytest.fixture
def every_page_type(home, content_page, directory_page, workspace_a):
    return [home, content_page, directory_page, workspace_a.get_parent().specific, workspace_a]


@pytest.mark.parametrize(("language", "direction"), [("de", "ltr"), ("ar", "rtl")])
def test_every_page_type_renders(
    client_for, users, every_page_type, sync_locale, language, direction
):
    if language != "de":
        sync_locale(language)
    client = client_for("member_a")  # a member can also open the workspace page
    for german_page in every_page_type:
        page = german_page.get_translation(
            german_page.locale.__class__.objects.get(language_code=language)
        )
        response = client.get(page.get_url())
        assert response.status_code == 200, page.get_url()
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html
        # An alias shows the German title, marked as German inside the Arabic page.
        marked = "" if language == "de" else ' lang="de" dir="ltr"'
        assert f"<h1{marked}>{german_page.title}</h1>" in html or (
            f"<h1>{german_page.title}</h1>" in html  # pages with no text of their own
        )
        assert 'href="#main"' in html and 'id="main"' in html


def test_alias_content_is_marked_as_german(home, content_page, sync_locale, client):
    sync_locale("ar")
    response = client.get("/ar/ueber-kim/")
    assert response.status_code == 200
    html = response.content.decode()
    # The page's German text is marked, not <main> (its interface stays Arabic).
    assert '<main id="main" tabindex="-1">' in html
    assert '<h1 lang="de" dir="ltr">Über KIM</h1>' in html


def test_main_menu_and_breadcrumbs(home, content_page, workspace_index, client):
    child = content_page.add_child(
        instance=ContentPage(title="Case Management", slug="case-management", live=True)
    )
    html = client.get(child.get_url()).content.decode()
    menu = html.split('class="main-nav"')[1].split("</nav>")[0]
    assert "Über KIM" in menu and "Gremien" in menu
    assert "Case Management" not in menu  # only top-level pages
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="/de/ueber-kim/"' in crumbs
    assert '<span aria-current="page">Case Management</span>' in crumbs


def test_language_switcher_keeps_the_page(home, content_page, sync_locale, client):
    sync_locale("en")
    html = client.get("/de/ueber-kim/").content.decode()
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    assert 'href="/en/ueber-kim/"' in switcher
    # No Turkish tree yet: the switcher falls back to the Turkish home and says so.
    assert 'href="/tr/"' in switcher and "language-switcher__missing" in switcher


def test_root_redirects_by_accept_language(home, sync_locale, client):
    sync_locale("ar")
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,de;q=0.5")
    assert response.status_code == 302 and response["Location"] == "/ar/"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Location"] == "/de/"


def test_footer_shows_contact_and_legal_pages(home, content_page, client):
    from portal.models import PortalSettings

    settings = PortalSettings.for_site(home.get_site())
    settings.impressum_page = content_page
    settings.save()
    html = client.get("/de/").content.decode()
    footer = html.split("<footer")[1]
    assert "kim@kreis-mettmann.de" in footer
    assert 'href="/de/ueber-kim/"' in footer


def test_workspace_overview_shows_purpose_not_content(workspace_a, client):
    workspace_a.body = "GEHEIM-INTERN-4711"
    workspace_a.save_revision().publish()
    html = client.get(workspace_a.get_parent().get_url()).content.decode()
    assert workspace_a.purpose in html
    assert "GEHEIM-INTERN-4711" not in html
    assert workspace_a.get_url() not in html  # no link for non-members


def test_not_found_page_is_friendly(home, client):
    response = client.get("/de/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="de" dir="ltr">' in html and "kim@kreis-mettmann.de" in html
