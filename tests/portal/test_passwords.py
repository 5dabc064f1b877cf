"""Password rules: at least 10 characters, common and all-numeric passwords rejected."""

import pytest

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.conftest import make_user


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Kurz-1x", "password_too_short"),
        ("password123", "password_too_common"),
        ("1234567890123", "password_entirely_numeric"),
    ],
)
def test_weak_passwords_are_rejected(db, password, code):
    with pytest.raises(ValidationError) as error:
        validate_password(password)
    assert code in [e.code for e in error.value.error_list]


def test_a_long_unusual_password_is_accepted(db):
    validate_password("Rheinbrücke-Mettmann-2031")


def test_admin_password_change_form_refuses_a_short_password(db, client):
    user = make_user("pwtest", is_staff=True, is_superuser=True)
    client.force_login(user)
    response = client.post(
        "/admin/account/",
        {
            "password-old_password": "pw-1234567",
            "password-new_password1": "kurz12",
            "password-new_password2": "kurz12",
        },
    )
    assert response.status_code == 200
    assert "mindestens 10 Zeichen" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("pw-1234567")
