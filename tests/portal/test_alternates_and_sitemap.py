"""hreflang alternates, canonical links and the sitemap over every locale."""

import xml.etree.ElementTree as ET

from wagtail.models import Locale

from tests.portal.test_privacy import MARKER, secret_pages  # noqa: F401 (fixture)

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _translate(page, code):
    """A real (non-alias) translation of ``page`` with a translated title."""
    locale = Locale.objects.get(language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.alias_of_id:
        existing.delete()
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = f"{page.title} ({code})"
    translation.save_revision().publish()
    return translation


def test_hreflang_lists_real_translations_only(home, content_page, sync_locale, client):
    _translate(content_page, "en")
    sync_locale("ar")  # Arabic is an alias: German text, so no hreflang for it
    html = client.get("/de/ueber-kim/").content.decode()
    assert '<link rel="alternate" hreflang="de" href="http://localhost/de/ueber-kim/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://localhost/en/ueber-kim/">' in html
    assert 'hreflang="x-default" href="http://localhost/de/ueber-kim/"' in html
    assert 'rel="alternate" hreflang="ar"' not in html
    assert '<link rel="canonical" href="http://localhost/de/ueber-kim/">' in html


def test_alias_names_its_german_source_as_canonical(home, content_page, sync_locale, client):
    sync_locale("ar")
    html = client.get("/ar/ueber-kim/").content.decode()
    assert '<link rel="canonical" href="http://localhost/de/ueber-kim/">' in html


def test_sitemap_covers_every_locale_and_no_private_page(
    home,
    content_page,
    secret_pages,  # noqa: F811
    sync_locale,
    client_for,
):
    _translate(content_page, "en")
    _translate(content_page, "uk")
    sync_locale("ar")
    for role in ["anonymous", "member_a", "admin"]:  # the sitemap is the same for everyone
        response = client_for(role).get("/sitemap.xml")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/xml")
        body = response.content.decode()
        assert MARKER not in body and "/intern/" not in body and "/lenkung/" not in body
        root = ET.fromstring(response.content)
        locs = {el.text for el in root.findall("s:url/s:loc", NS)}
        assert "http://localhost/de/ueber-kim/" in locs
        assert "http://localhost/en/ueber-kim/" in locs
        assert "http://localhost/uk/ueber-kim/" in locs
        assert "http://localhost/ar/ueber-kim/" not in locs  # alias: German text
        entry = next(
            url
            for url in root.findall("s:url", NS)
            if url.find("s:loc", NS).text == "http://localhost/en/ueber-kim/"
        )
        hreflangs = {link.get("hreflang") for link in entry.findall("x:link", NS)}
        assert hreflangs == {"de", "en", "uk"}
