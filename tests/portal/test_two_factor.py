"""Two-factor authentication for the admin with real TOTP codes (django_otp.oath.totp)."""

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import make_user
from tests.portal.test_health import _run_portal


def code(device, offset=0):
    """The code an authenticator app shows now (``offset`` steps later)."""
    return (
        f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):06d}"
    )


def _login(client, username):
    response = client.post("/admin/login/", {"username": username, "password": "pw-1234567"})
    assert response.status_code == 302, response.content.decode()[:500]
    return response


@pytest.fixture
def required(settings):
    settings.PORTAL_REQUIRE_2FA_FOR_SUPERUSERS = True


@pytest.fixture
def superuser(db):
    return make_user("chefin", is_staff=True, is_superuser=True)


def _confirmed_device(user):
    return TOTPDevice.objects.create(user=user, name="default", confirmed=True)


def test_superuser_without_device_must_set_one_up(required, home, superuser, client):
    _login(client, "chefin")
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/2fa/setup/?next=/admin/pages/"
    for url in ["/admin/", "/admin/users/", "/admin/reports/security/"]:
        assert client.get(url)["Location"].startswith("/admin/2fa/setup/"), url

    page = client.get(response["Location"])
    html = page.content.decode()
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    secret = page.context["secret"]
    assert secret in html and "<svg" in html and "otpauth://totp/" in html
    assert "<script" not in html.split('id="main"')[1]

    wrong = client.post("/admin/2fa/setup/", {"token": "000000", "next": "/admin/pages/"})
    assert wrong.status_code == 200 and wrong.context["form"].errors["token"]
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/setup/")

    device.refresh_from_db()
    device.throttle_reset()
    ok = client.post("/admin/2fa/setup/", {"token": code(device), "next": "/admin/pages/"})
    assert ok.status_code == 302 and ok["Location"] == "/admin/pages/"
    assert TOTPDevice.objects.get(user=superuser).confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_next_login_asks_for_the_code(required, home, superuser, client):
    device = _confirmed_device(superuser)
    _login(client, "chefin")
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/2fa/verify/?next=/admin/pages/"
    verify = client.get(response["Location"])
    assert verify.status_code == 200 and 'autocomplete="one-time-code"' in verify.content.decode()
    ok = client.post("/admin/2fa/verify/", {"token": code(device), "next": "/admin/pages/"})
    assert ok["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200
    # The same code cannot be used twice (another session replaying it).
    other = type(client)()
    _login(other, "chefin")
    replay = other.post("/admin/2fa/verify/", {"token": code(device)})
    assert replay.status_code == 200 and replay.context["form"].errors


def test_wrong_codes_are_throttled(required, home, superuser, client):
    device = _confirmed_device(superuser)
    _login(client, "chefin")
    for _ in range(3):
        client.post("/admin/2fa/verify/", {"token": "123456"})
    response = client.post("/admin/2fa/verify/", {"token": code(device)})
    assert response.status_code == 200
    assert [e.code for e in response.context["form"].errors.as_data()["token"]] == ["throttled"]
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/verify/")


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/"])
def test_verify_next_stays_on_the_site(required, home, superuser, client, target):
    device = _confirmed_device(superuser)
    _login(client, "chefin")
    response = client.post("/admin/2fa/verify/", {"token": code(device), "next": target})
    assert response["Location"] == "/admin/"


def test_without_the_setting_superusers_go_straight_in(home, superuser, client, settings):
    assert settings.PORTAL_REQUIRE_2FA_FOR_SUPERUSERS is False
    _login(client, "chefin")
    assert client.get("/admin/").status_code == 200


def test_editors_may_opt_in(required, home, client, users):
    editor = users["editor"]
    _login(client, "editor")
    account = client.get("/admin/account/").content.decode()
    assert 'href="/admin/2fa/setup/"' in account  # offered, not forced
    assert client.get("/admin/").status_code == 200
    client.get("/admin/2fa/setup/")
    device = TOTPDevice.objects.get(user=editor)
    assert client.post("/admin/2fa/setup/", {"token": code(device)}).status_code == 302
    # From now on the editor's logins need the code too.
    fresh = type(client)()
    _login(fresh, "editor")
    assert fresh.get("/admin/")["Location"].startswith("/admin/2fa/verify/")
    ok = fresh.post("/admin/2fa/verify/", {"token": code(device, offset=1)})
    assert ok.status_code == 302 and fresh.get("/admin/").status_code == 200


def test_the_site_is_not_affected(required, home, superuser, client):
    _login(client, "chefin")
    assert client.get("/de/").status_code == 200


def test_production_requires_two_factor_for_superusers():
    setting = (
        "import django; django.setup(); from django.conf import settings;"
        "print(settings.PORTAL_REQUIRE_2FA_FOR_SUPERUSERS)"
    )
    production = _run_portal(
        setting,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="k3y-R4nd0m-" * 6,
        ALLOWED_HOSTS="kim.example.org",
    )
    assert production.stdout.strip() == "True", production.stderr
    assert _run_portal(setting).stdout.strip() == "False"
    assert _run_portal(setting, REQUIRE_2FA="1").stdout.strip() == "True"


def test_a_password_alone_cannot_replace_the_app(required, home, superuser, client):
    device = _confirmed_device(superuser)
    _login(client, "chefin")
    response = client.get("/admin/2fa/setup/")
    assert response["Location"] == "/admin/2fa/verify/"
    assert client.post("/admin/2fa/setup/", {"token": "123456"})["Location"] == "/admin/2fa/verify/"
    assert list(TOTPDevice.objects.filter(user=superuser)) == [device]
