"""Friendly 404 and 500 pages in the visitor's language."""

from django.test import RequestFactory
from django.utils import translation
from django.utils.translation import gettext

from portal.views import server_error


def test_404_in_arabic_is_right_to_left_and_translated(home, sync_locale, client):
    sync_locale("ar")
    response = client.get("/ar/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    with translation.override("ar"):
        expected = gettext("Page not found")
    assert expected != "Page not found"  # the Arabic catalogue is compiled and used
    assert '<html lang="ar" dir="rtl">' in html
    assert f"<h1>{expected}</h1>" in html


def test_404_in_german(home, client):
    html = client.get("/de/gibt-es-nicht/").content.decode()
    assert "<h1>Seite nicht gefunden</h1>" in html


def test_500_page_in_visitors_language_without_database(home):
    request = RequestFactory().get("/fa/")
    with translation.override("fa"):
        response = server_error(request)
        expected = gettext("Something went wrong")
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert expected in html and expected != "Something went wrong"
    assert "Traceback" not in html
