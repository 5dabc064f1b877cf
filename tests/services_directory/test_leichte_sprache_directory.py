"""The directory in Leichte Sprache: its own interface catalogue, kinds of service explained."""

from wagtail.models import Locale

from services_directory.models import DirectoryVersion

JMD_EASY = "Diese Beratung ist für junge Menschen. Die Menschen sind 12 bis 27 Jahre alt."


def _html(client, url, params=None):
    response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def test_interface_strings_in_leichte_sprache(directory_page, make_service, sync_locale, client):
    make_service("JMD Hilden", towns=["hilden"])
    sync_locale("de-ls")
    easy = _html(client, "/de-ls/beratung/")
    german = _html(client, "/de/beratung/")
    for text in [
        "Angebote zeigen",
        "Wie alt ist die Person? Die Person sucht Beratung.",
        "Post-Leitzahl",
    ]:
        assert text in easy and text not in german, text
    assert "Diese Seite gibt es noch nicht in Leichter Sprache." in easy
    # Bad input → a form error in Leichte Sprache, never a 500.
    html = _html(client, "/de-ls/beratung/", {"age": "alt"})
    assert "Bitte schreiben Sie das Alter als Zahl." in html


def test_card_explains_the_kind_of_service_without_easy_text(
    directory_page, make_service, vocab, sync_locale, translate, client
):
    vocab["type"]["jmd"].easy_explanation = JMD_EASY
    vocab["type"]["jmd"].save()
    make_service("JMD Hilden", towns=["hilden"])
    own = make_service("JMD Velbert", towns=["velbert"])
    translate(directory_page, "de-ls", title="Beratung finden")
    translate(own, "de-ls", title="Jugend-Migrations-Dienst in Velbert")
    sync_locale("de-ls")
    DirectoryVersion.bump()
    easy = _html(client, "/de-ls/beratung/")
    cards = easy.split('<li class="service-card">')[1:]
    by_title = {card.split("</a>", 1)[0].rsplit(">", 1)[1]: card for card in cards}
    assert JMD_EASY in by_title["JMD Hilden"]  # an alias: no easy text of its own
    assert JMD_EASY not in by_title["Jugend-Migrations-Dienst in Velbert"]
    assert JMD_EASY not in _html(client, "/de/beratung/")
    assert JMD_EASY not in _html(client, "/en/beratung/")


def test_explanation_is_synchronised_not_translated(vocab):
    from wagtail_localize.fields import get_translatable_fields

    from services_directory.models import ServiceType

    fields = {
        f.field_name: f.is_translated(vocab["type"]["jmd"])
        for f in get_translatable_fields(ServiceType)
    }
    assert fields["easy_explanation"] is False
    arabic = vocab["type"]["jmd"].copy_for_translation(Locale.objects.get(language_code="ar"))
    assert arabic.easy_explanation == vocab["type"]["jmd"].easy_explanation


def test_hsds_offers_no_leichte_sprache(directory_page, make_service, client):
    make_service("JMD Hilden", towns=["hilden"])
    response = client.get("/api/hsds/services", {"lang": "de-ls"})
    assert response.status_code == 400
    offered = response.content.decode().split("use one of", 1)[1]
    assert "unknown language" in response.content.decode() and "de-ls" not in offered
    assert client.get("/api/hsds/services", {"lang": "de"}).status_code == 200


def test_referral_slip_is_not_offered_in_leichte_sprache(directory_page, make_service, client):
    service = make_service("JMD Hilden", towns=["hilden"])
    page = client.get(service.url).content.decode()
    assert 'value="ar"' in page and 'value="de-ls"' not in page
    response = client.get(service.url + "zettel/", {"sprache": "de-ls"})
    assert response.status_code == 400
    assert client.get(service.url + "zettel/", {"sprache": "ar"}).status_code == 200
