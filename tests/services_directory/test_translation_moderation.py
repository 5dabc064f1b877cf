"""A draft translation of a service (inline locations, M2M facets) never reaches readers."""

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from services_directory.factories import location

ARABIC = "نص عربي لم تتم الموافقة عليه بعد."


def test_draft_translation_of_a_service_keeps_the_live_page(
    make_service, vocab, sync_locale, client
):
    service = make_service(
        "JMD Hilden",
        towns=["hilden"],
        topics=["sprache"],
        description="<p>Beratung für junge Menschen.</p>",
        locations=[location(name="Beratungsstelle Mitte", address_1="Mittelstraße 1")],
    )
    sync_locale("ar")
    arabic = Locale.objects.get(language_code="ar")
    source, _created = TranslationSource.get_or_create_from_instance(service)
    translation = Translation.objects.create(source=source, target_locale=arabic)
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            context_id=segment.context_id,
            locale=arabic,
            data=ARABIC if "Beratung für" in segment.string.data else segment.string.data,
            translation_type="manual",
        )
    translation.save_target(publish=False)

    url = service.url.replace("/de/", "/ar/", 1)
    html = client.get(url).content.decode()
    assert ARABIC not in html and "Beratung für junge Menschen." in html
    assert "Mittelstraße 1" in html  # the inline location survived the restore
    page = Page.objects.get(pk=translation.get_target_instance().pk).specific
    assert [t.slug for t in page.towns.all()] == ["hilden"]

    page.get_latest_revision().publish()
    html = client.get(url).content.decode()
    assert ARABIC in html and "Mittelstraße 1" in html
