"""Editors: the service listing with its filters, "verified today", validation messages."""

import datetime

import pytest

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import GroupPagePermission

from services_directory.factories import location, schedule
from services_directory.models import ServiceContact, ServiceLanguage, ServicePage


@pytest.fixture
def editable(make_service, users, directory_page):
    """Editors may edit (not publish) services; moderators may publish (Wagtail defaults)."""
    from django.contrib.auth.models import Group

    for name in ("Editors", "Moderators"):
        group = Group.objects.get(name=name)
        for codename in ("add_page", "change_page", "publish_page"):
            if name == "Editors" and codename == "publish_page":
                continue
            GroupPagePermission.objects.get_or_create(
                group=group, page=directory_page, permission=_perm(codename)
            )
    old = make_service("Alt geprüft", towns=["hilden"], assured_date=datetime.date(2020, 1, 1))
    fresh = make_service("Frisch geprüft", type="mbe", towns=["velbert"])
    closed = make_service("Geschlossen", status=ServicePage.Status.TEMPORARILY_CLOSED)
    return {"old": old, "fresh": fresh, "closed": closed}


def _perm(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Alt geprüft", "Frisch geprüft", "Geschlossen"}),
        ({"not_verified": "true"}, {"Alt geprüft"}),
        ({"status": "inactive"}, {"Geschlossen"}),
        ({"towns": "TOWN:hilden"}, {"Alt geprüft"}),
        ({"service_type": "TYPE:mbe"}, {"Frisch geprüft"}),
    ],
)
def test_admin_listing_filters(client_for, editable, vocab, params, expected):
    params = {
        key: (
            vocab["town"][value[5:]].pk
            if str(value).startswith("TOWN:")
            else vocab["type"][value[5:]].pk
            if str(value).startswith("TYPE:")
            else value
        )
        for key, value in params.items()
    }
    response = client_for("admin").get(reverse("services:index"), params)
    assert response.status_code == 200
    html = response.content.decode()
    shown = {title for title in ["Alt geprüft", "Frisch geprüft", "Geschlossen"] if title in html}
    assert shown == expected


def test_verified_today_publishes_for_a_moderator(client_for, editable, users):
    page = editable["old"]
    client = client_for("moderator")
    url = reverse("services_directory_verified_today", args=[page.pk])
    assert client.get(url).status_code == 200  # confirmation form without JavaScript
    response = client.post(url)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.assured_date == timezone.localdate()
    assert page.assurer == "moderator"
    assert page.live and not page.has_unpublished_changes


def test_verified_today_saves_a_draft_for_an_editor(client_for, editable):
    page = editable["old"]
    response = client_for("editor").post(
        reverse("services_directory_verified_today", args=[page.pk])
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.assured_date == datetime.date(2020, 1, 1)  # live version unchanged
    assert page.has_unpublished_changes
    draft = page.get_latest_revision_as_object()
    assert draft.assured_date == timezone.localdate() and draft.assurer == "editor"


def test_verified_today_needs_edit_permission(client_for, editable):
    url = reverse("services_directory_verified_today", args=[editable["old"].pk])
    assert client_for("member_a").post(url).status_code in (302, 403)
    editable["old"].refresh_from_db()
    assert editable["old"].assured_date == datetime.date(2020, 1, 1)


def test_header_button_is_offered(client_for, editable):
    page = editable["old"]
    html = client_for("moderator").get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert reverse("services_directory_verified_today", args=[page.pk]) in html.content.decode()


def _messages(error):
    return " ".join(str(m) for messages in error.message_dict.values() for m in messages)


@pytest.fixture
def english():
    """The messages are checked in their English source form (German is the default)."""
    with translation.override("en"):
        yield


def test_validation_messages(make_service, english):
    page = make_service("Prüfling")
    page.minimum_age, page.maximum_age = 27, 12
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "maximum age (12) must not be lower than the minimum age (27)" in _messages(error.value)

    with pytest.raises(ValidationError) as error:
        schedule("MO", 12, 9).clean()
    assert "closing time (09:00) must come after the opening time (12:00)" in _messages(error.value)

    with pytest.raises(ValidationError) as error:
        location(latitude=6.97, longitude=51.25).clean()  # swapped
    text = _messages(error.value)
    assert "outside North Rhine-Westphalia" in text and "swapped" in text
    location(latitude=51.25, longitude=6.97).clean()  # Mettmann is fine

    with pytest.raises(ValidationError) as error:
        ServiceLanguage(code="xx", service=page).full_clean()
    assert "not a two-letter ISO 639-1 language code" in _messages(error.value)
    with pytest.raises(ValidationError):
        ServiceContact(phone_languages="de, klingon", service=page).full_clean()
