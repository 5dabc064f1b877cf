"""Directory facets name towns, topics and types in the visitor's language."""

from wagtail.models import Locale


def test_directory_facets_show_translated_names(
    directory_page, make_service, vocab, client, translate
):
    from services_directory.models import DirectoryVersion

    make_service("JMD Hilden", towns=["hilden"], topics=["sprache"])
    arabic = Locale.objects.get(language_code="ar")
    translate(directory_page, "ar", title="العثور على استشارة")
    topic = vocab["topic"]["sprache"].copy_for_translation(arabic)
    topic.name = "اللغة"
    topic.save()
    DirectoryVersion.bump()
    ar_html = client.get("/ar/beratung/").content.decode()
    de_html = client.get("/de/beratung/").content.decode()
    assert "اللغة" in ar_html and "اللغة" not in de_html
    assert ">Sprache<" in de_html or "Sprache" in de_html
