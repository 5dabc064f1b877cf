"""Full-page cache: anonymous pages are cached; nothing a member sees is stored or shared."""

from tests.portal.test_privacy import MARKER, secret_pages  # noqa: F401 (fixture)


def test_anonymous_pages_are_cached_and_invalidated_on_publish(home, content_page, client):
    first = client.get("/de/ueber-kim/")
    assert first["X-Cache"] == "MISS"
    second = client.get("/de/ueber-kim/")
    assert second["X-Cache"] == "HIT" and second.content == first.content
    assert "Content-Security-Policy" in second
    content_page.title = "Über KIM – neu"
    content_page.save_revision().publish()
    third = client.get("/de/ueber-kim/")
    assert third["X-Cache"] == "MISS" and "Über KIM – neu" in third.content.decode()


def test_member_page_is_never_served_to_others(client_for, secret_pages):  # noqa: F811
    workspace = secret_pages[0]
    url = workspace.get_url()
    member = client_for("member_a")
    for _ in range(2):
        response = member.get(url)
        assert response.status_code == 200 and MARKER in response.content.decode()
        assert "X-Cache" not in response
        assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    # A public page rendered for the member (with their menu entries) is not stored either.
    member.get("/de/")
    for role in ["anonymous", "member_b"]:
        response = client_for(role).get(url)
        assert response.status_code == 302 and MARKER not in response.content.decode()
        home_page = client_for(role).get("/de/")
        assert MARKER not in home_page.content.decode()


def test_pages_with_forms_are_not_cached(home, client):
    response = client.get("/de/anmelden/")
    assert response.status_code == 200 and "X-Cache" not in response


def test_cache_follows_privacy_changes(home, content_page, workspace_a, client):
    from wagtail.models import BaseViewRestriction, PageViewRestriction

    assert client.get("/de/ueber-kim/").status_code == 200
    assert client.get("/de/ueber-kim/")["X-Cache"] == "HIT"
    restriction = PageViewRestriction.objects.create(
        page=content_page, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    assert client.get("/de/ueber-kim/").status_code == 302


def test_html_is_compressed(home, content_page, client):
    import gzip

    response = client.get("/de/ueber-kim/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assert "<h1>Über KIM</h1>" in html
    assert len(response.content) < len(html.encode()) / 2
