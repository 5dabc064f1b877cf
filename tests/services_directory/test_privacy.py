"""A service under a restricted page, or with a restriction of its own, never appears."""

import pytest

from wagtail.models import BaseViewRestriction, PageViewRestriction

MARKER = "VERBORGEN4417"


@pytest.fixture
def secret_services(make_service, workspace_a):
    public = make_service("Öffentliche Beratung", description=f"<p>{MARKER} offen</p>")
    restricted = make_service(f"Interne Beratung {MARKER}", description=f"<p>{MARKER}</p>")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    login_only = make_service(f"Nur angemeldet {MARKER}", description=f"<p>{MARKER}</p>")
    PageViewRestriction.objects.create(page=login_only, restriction_type=BaseViewRestriction.LOGIN)
    return public, restricted, login_only


@pytest.mark.parametrize("role", ["anonymous", "member_b"])
@pytest.mark.parametrize("params", [{}, {"q": MARKER}, {"q": "Beratung"}, {"q": "intern"}])
def test_restricted_service_never_appears(role, params, client_for, secret_services):
    public, restricted, login_only = secret_services
    html = client_for(role).get("/de/beratung/", params).content.decode()
    assert f"Interne Beratung {MARKER}" not in html
    assert restricted.url_path.rstrip("/").rsplit("/", 1)[-1] not in html
    if role == "anonymous":
        assert f"Nur angemeldet {MARKER}" not in html
    if params.get("q") != "intern":
        assert "Öffentliche Beratung" in html
    # The facet counts do not betray the hidden service either (a logged-in member of another
    # group may see the login-only service, never the group-restricted one).
    assert "(3)" not in html
    if role == "anonymous":
        assert "(2)" not in html


def test_member_sees_the_service_of_their_group(client_for, secret_services):
    response = client_for("member_a").get("/de/beratung/", {"q": MARKER})
    html = response.content.decode()
    assert f"Interne Beratung {MARKER}" in html
    assert "private" in response["Cache-Control"]


def test_restricted_service_stays_hidden_in_other_languages(client, secret_services, sync_locale):
    sync_locale("ar")
    html = client.get("/ar/beratung/", {"q": MARKER}).content.decode()
    assert "Öffentliche Beratung" in html
    assert f"Interne Beratung {MARKER}" not in html
