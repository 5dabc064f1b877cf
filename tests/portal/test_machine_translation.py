"""Machine translation (dummy translator in tests), the reader's label, review, checks."""

import pytest

from django.core.checks import Info
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from portal.i18n.machine import DeepLTranslator
from portal.operations.checks import machine_translation_check

LABEL = 'class="notice notice--machine"'  # the label, in any language
INTRO = "Die Beratung ist kostenlos und vertraulich."


@pytest.fixture
def german_page(content_page):
    content_page.intro = INTRO
    content_page.save_revision().publish()
    return content_page


@pytest.fixture
def arabic_translation(german_page, sync_locale):
    """A wagtail-localize translation into Arabic, started (the alias becomes a page)."""
    sync_locale("ar")
    source, _created = TranslationSource.get_or_create_from_instance(german_page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="ar")
    )
    translation.save_target(publish=False)
    return translation


def _publish(translation):
    """Save the translation from its strings and publish it (as a moderator's approval)."""
    translation.save_target(publish=False)
    page = Page.objects.get(pk=translation.get_target_instance().pk).specific
    page.get_latest_revision().publish()
    return page


def _machine_translate(client, translation):
    url = reverse("wagtail_localize:machine_translate", args=[translation.id])
    return client.post(url, {"next": "/admin/"})


def test_machine_translation_is_labelled_until_reviewed(
    arabic_translation, client_for, django_assert_max_num_queries
):
    editor = client_for("editor")
    assert _machine_translate(editor, arabic_translation).status_code == 302
    strings = StringTranslation.objects.filter(locale__language_code="ar")
    assert strings.exists()
    assert set(strings.values_list("translation_type", flat=True)) == {"machine"}
    page = _publish(arabic_translation)

    anonymous = client_for("anonymous")
    html = anonymous.get("/ar/ueber-kim/").content.decode()
    assert "vertraulich. und kostenlos ist Beratung Die" in html  # the dummy reverses words
    assert LABEL in html and 'href="/de/ueber-kim/"' in html
    assert LABEL not in anonymous.get("/de/ueber-kim/").content.decode()

    # The label costs no query per page view once the set of labelled pages is cached.
    anonymous.get("/ar/ueber-kim/")
    from portal.cache import request_scope, versions
    from portal.i18n.status import machine_translated_page_ids

    with request_scope():
        versions()  # read once per request by ContentVersionMiddleware
        with django_assert_max_num_queries(0, info="label lookup"):
            machine_translated_page_ids()

    report = editor.get("/admin/translations/", {"language": "ar"}).content.decode()
    assert 'data-language="ar" data-status="machine"' in report
    assert reverse("portal_translation_reviewed", args=[page.pk]) in report

    response = editor.post(reverse("portal_translation_reviewed", args=[page.pk]))
    assert response.status_code == 302
    assert set(strings.values_list("translation_type", flat=True)) == {"manual"}
    assert set(strings.values_list("last_translated_by__username", flat=True)) == {"editor"}
    assert LABEL not in anonymous.get("/ar/ueber-kim/").content.decode()
    report = editor.get("/admin/translations/", {"language": "ar"}).content.decode()
    assert 'data-language="ar" data-status="translated"' in report


def test_editing_every_machine_string_removes_the_label_on_publish(arabic_translation, client_for):
    _machine_translate(client_for("editor"), arabic_translation)
    _publish(arabic_translation)
    assert LABEL in client_for("anonymous").get("/ar/ueber-kim/").content.decode()
    StringTranslation.objects.filter(locale__language_code="ar").update(translation_type="manual")
    _publish(arabic_translation)
    assert LABEL not in client_for("anonymous").get("/ar/ueber-kim/").content.decode()


@pytest.mark.parametrize("role", ["anonymous", "member_a"])
def test_only_editors_can_mark_a_translation_reviewed(arabic_translation, client_for, role):
    _machine_translate(client_for("editor"), arabic_translation)
    page = _publish(arabic_translation)
    response = client_for(role).post(reverse("portal_translation_reviewed", args=[page.pk]))
    assert response.status_code in {302, 403}
    assert "/admin/login/" in response.get("Location", "/admin/login/")
    assert StringTranslation.objects.filter(translation_type="machine").exists()
    assert LABEL in client_for("anonymous").get("/ar/ueber-kim/").content.decode()


def test_review_refuses_a_german_page(german_page, client_for, users):
    response = client_for("editor").post(
        reverse("portal_translation_reviewed", args=[german_page.pk]), follow=True
    )
    assert response.status_code == 200
    with translation.override("de"):  # the editor's admin language
        message = translation.gettext("Only a translation can be marked as reviewed.")
    assert message in response.content.decode()


def test_get_cannot_mark_reviewed(arabic_translation, client_for):
    page = arabic_translation.get_target_instance()
    url = reverse("portal_translation_reviewed", args=[page.pk])
    assert client_for("editor").get(url).status_code == 405


def test_deepl_offers_only_the_languages_it_supports():
    translator = DeepLTranslator({"AUTH_KEY": "x:fx"})
    german = Locale(language_code="de")
    supported = {
        code
        for code in ["en", "ar", "fa", "tr", "uk", "ru"]
        if translator.can_translate(german, Locale(language_code=code))
    }
    assert supported == {"en", "ar", "tr", "uk", "ru"}
    params = translator.get_parameters(german, Locale(language_code="en"), [])
    assert params["target_lang"] == "EN-GB" and params["source_lang"] == "DE"


def test_checks_say_whether_machine_translation_is_on():
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None):
        (message,) = machine_translation_check(None)
        assert isinstance(message, Info) and "DEEPL_API_KEY is not set" in message.msg
    deepl = {"CLASS": "portal.i18n.machine.DeepLTranslator", "OPTIONS": {"AUTH_KEY": "k"}}
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=deepl):
        (message,) = machine_translation_check(None)
        assert isinstance(message, Info) and "فارسی (fa)" in message.msg
        assert message.id == "portal.I002"
    # The dummy translates into every language but Leichte Sprache (German to German: it is
    # always written by people, docs/i18n.md).
    (message,) = machine_translation_check(None)
    assert "Leichte Sprache (de-ls)" in message.msg and "(fa)" not in message.msg
