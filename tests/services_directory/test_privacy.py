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


# --- Suggestions (issue #14): "did you mean", alternatives and age notes -------------------

SECRET_WORD = "Geheimprojektberatung"


@pytest.fixture
def secret_suggestions(make_service, workspace_a):
    make_service("Sprachpatenschaft Hilden", type="fb", towns=["hilden"])
    restricted = make_service(
        f"{SECRET_WORD} {MARKER}",
        type="fb",
        towns=["wuelfrath"],
        minimum_age=30,
        description=f"<p>{MARKER} {SECRET_WORD}</p>",
    )
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    return restricted


@pytest.mark.parametrize("role", ["anonymous", "member_b"])
@pytest.mark.parametrize(
    "params",
    [
        # A typo of a word only the restricted service has: no "did you mean" with it.
        {"q": "Geheimprojektberatunk"},
        {"q": MARKER[:-1] + "8"},
        # The right kind of service "nearby" and the age note: never the restricted one.
        {"q": "Flüchtlingsberatung", "town": "velbert"},
        {"q": "Flüchtlingsberatung", "town": "wuelfrath", "age": 20},
    ],
)
def test_suggestions_never_carry_restricted_content(role, params, client_for, secret_suggestions):
    html = client_for(role).get("/de/beratung/", params).content.decode()
    assert MARKER not in html
    assert SECRET_WORD.lower() not in html.lower()


def test_suggestions_do_carry_public_words(client, secret_suggestions):
    # The same typo of a public word is corrected: the test above can fail.
    html = client.get("/de/beratung/", {"q": "Sprachpatenschat"}).content.decode()
    assert "sprachpatenschaft" in html.lower() and "Sprachpatenschaft Hilden" in html
    html = client.get("/de/beratung/", {"q": "Flüchtlingsberatung", "town": "velbert"})
    assert "Sprachpatenschaft Hilden" in html.content.decode()
