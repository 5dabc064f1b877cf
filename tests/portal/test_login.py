"""Member login: works, keeps redirects on the site, and throttles guessing."""

import pytest

from tests.conftest import make_user


@pytest.fixture
def member(db):
    return make_user("mitglied")


def test_member_login_and_redirect(home, member, client):
    response = client.post(
        "/de/anmelden/", {"username": "mitglied", "password": "pw-1234567", "next": "/de/"}
    )
    assert response.status_code == 302 and response["Location"] == "/de/"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "/\\evil.example"]
)
def test_next_never_leaves_the_site(home, member, client, target):
    response = client.post(
        "/de/anmelden/", {"username": "mitglied", "password": "pw-1234567", "next": target}
    )
    assert response.status_code == 302
    assert not response["Location"].startswith(("http", "//", "javascript", "/\\"))


def test_wrong_password_gives_a_form_error(home, member, client):
    response = client.post("/de/anmelden/", {"username": "mitglied", "password": "falsch"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize("login_url", ["/de/anmelden/", "/admin/login/"])
def test_lockout_after_five_failed_logins(home, member, client, login_url):
    for _ in range(5):
        client.post(login_url, {"username": "mitglied", "password": "falsch"})
    response = client.post(login_url, {"username": "mitglied", "password": "pw-1234567"})
    assert response.status_code == 429
    assert "15" in response.content.decode()
    # Another account from the same address is not locked out.
    make_user("andere")
    other = client.post(login_url, {"username": "andere", "password": "pw-1234567"})
    assert other.status_code == 302


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_admin_login_next_stays_on_the_site(home, client, target):
    make_user("redakteurin", is_staff=True, is_superuser=True)
    response = client.post(
        "/admin/login/", {"username": "redakteurin", "password": "pw-1234567", "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/"])
def test_logout_next_stays_on_the_site(home, member, client, target):
    client.force_login(member)
    response = client.post(f"/de/abmelden/?next={target}")
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
