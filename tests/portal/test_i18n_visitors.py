"""What visitors of the other languages get: fallback notice, search, translated facets."""

import pytest

from django.utils import translation

from wagtail.models import Locale

NOTICE = (
    "This page has not been translated into your language yet. You are reading the German original."
)


@pytest.mark.parametrize("code", ["en", "ar", "fa", "tr", "uk", "ru"])
def test_untranslated_page_shows_german_with_a_notice_in_the_visitors_language(
    content_page, sync_locale, client, code
):
    content_page.intro = "Kostenlose Beratung in zehn Städten."
    content_page.save_revision().publish()
    sync_locale(code)
    response = client.get(f"/{code}/ueber-kim/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kostenlose Beratung in zehn Städten." in html  # the German text, never empty
    notice = html.split('<p class="notice" role="note">')[1].split("</p>")[0]
    with translation.override(code):
        expected = translation.gettext(NOTICE)
    assert notice == expected
    assert code == "en" or expected != NOTICE  # really translated, not the English msgid
    assert f'<html lang="{code}"' in html
    assert '<main id="main" tabindex="-1">' in html and '<h1 lang="de" dir="ltr">' in html


def test_search_in_arabic_finds_the_arabic_translation(
    content_page, sync_locale, client, translate
):
    content_page.intro = "Sprachkurse und Beratung für Geflüchtete."
    content_page.save_revision().publish()
    sync_locale("ar")
    alias = content_page.get_translation(Locale.objects.get(language_code="ar"))
    alias.delete()  # replaced by a real translation below
    translate(content_page, "ar", title="عن إدارة الاندماج", intro="دورات لغة واستشارات للاجئين.")
    html = client.get("/ar/suche/", {"q": "دورات"}).content.decode()
    assert "عن إدارة الاندماج" in html and "/ar/ueber-kim/" in html
    # The German page is not offered in the Arabic search, nor the Arabic one in German.
    assert "Über KIM" not in html.split('id="main"')[1]
    assert "عن إدارة الاندماج" not in client.get("/de/suche/", {"q": "دورات"}).content.decode()
