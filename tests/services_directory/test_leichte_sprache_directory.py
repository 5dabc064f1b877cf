"""The directory in Leichte Sprache: its own interface catalogue (directory, a service's page,
the feedback form), kinds of service explained, names of the vocabularies, editors' checklist."""

import re

from django import forms
from django.core.validators import validate_email
from django.utils import translation

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


def _easy_url(page):
    return page.url.replace("/de/", "/de-ls/", 1)


def _both(easy, german, pairs):
    """Each Leichte-Sprache text shows on the easy page only, its standard German on the
    German page only."""
    for easy_text, standard in pairs:
        assert easy_text in easy and easy_text not in german, easy_text
        assert standard in german and standard not in easy, standard


def test_service_page_in_leichte_sprache(make_service, sync_locale, client):
    service = make_service("JMD Hilden", towns=["hilden"], topics=["sprache"])
    sync_locale("de-ls")
    easy = _html(client, _easy_url(service))
    german = _html(client, service.url)
    _both(
        easy,
        german,
        [
            ("<h2>Das Wichtigste</h2>", "<h2>Auf einen Blick</h2>"),
            ("Zurück zu allen Beratungs-Stellen", "Zurück zum Verzeichnis"),
            ("Ein Zettel mit dieser Beratung", "Zettel für die Weitervermittlung"),
            # the feedback form on the page
            ("Ist hier etwas falsch? Oder ist etwas nicht mehr richtig?", "Stimmt in diesem"),
            ("Was ist falsch? Oder was fehlt?", "Was stimmt nicht oder fehlt?"),
            ("Bitte schreiben Sie hier nichts Privates.", "keine persönlichen Angaben"),
            (">Abschicken</button>", ">Hinweis senden</button>"),
            # the frame: skip link, header, menu, breadcrumbs, footer
            ("Direkt zum Text von dieser Seite", "Zum Inhalt springen"),
            ("Auf dieser Internet-Seite suchen", "Im Portal suchen"),
            ('aria-label="Menü von dieser Internet-Seite"', 'aria-label="Hauptnavigation"'),
            ('aria-label="Hier sind Sie gerade"', 'aria-label="Brotkrümelnavigation"'),
            (">Anmelden für Mitglieder<", ">Anmeldung für Mitglieder<"),
            ("Regeln und Hilfe", "Rechtliches und Service"),
        ],
    )
    assert "Diese Seite gibt es noch nicht in Leichter Sprache." in easy  # the fallback notice
    assert "Kommunales Integrations-Management im Kreis Mettmann</title>" in easy


def test_feedback_form_errors_and_thanks_in_leichte_sprache(make_service, sync_locale, client):
    service = make_service("JMD Hilden", towns=["hilden"])
    sync_locale("de-ls")
    easy_url, german_url = (f"/{code}/beratung/hinweis/{service.pk}/" for code in ["de-ls", "de"])
    _both(
        _html(client, easy_url),
        _html(client, german_url),
        [("Etwas ist falsch bei: JMD Hilden", "Hinweis zu diesem Eintrag: JMD Hilden")],
    )
    bad = {"message": "  ", "email": "keine-adresse"}
    easy, german = (client.post(url, bad) for url in [easy_url, german_url])
    assert easy.status_code == german.status_code == 400
    with translation.override("de"):  # Django's own German messages
        required = str(forms.Field.default_error_messages["required"])
        invalid_email = str(validate_email.message)
    _both(
        easy.content.decode(),
        german.content.decode(),
        [
            ("Bitte prüfen Sie die markierten Felder.", "Bitte korrigieren Sie die markierten"),
            ("Das Feld darf nicht leer sein.", required),
            ("Die E-Mail-Adresse ist falsch geschrieben.", invalid_email),
        ],
    )
    response = client.post(easy_url, {"message": "Die Telefon-Nummer stimmt nicht mehr."})
    assert response.status_code == 302 and response["Location"].startswith("/de-ls/")
    thanks = _html(client, response["Location"])
    assert "Danke für Ihre Nachricht" in thanks and "Vielen Dank" not in thanks
    assert "Wir prüfen jetzt die Angaben." in thanks


def test_vocabulary_in_leichte_sprache_from_the_demo_data(
    directory_page, make_service, vocab, sync_locale, client
):
    """The demo's names of types, topics and target groups in Leichte Sprache (data file,
    stored as de-ls translations of the snippets) in facets, chips, cards and the page."""
    from services_directory.demo import demo_directory_easy_language
    from services_directory.models import ServiceType, TargetGroup, Topic

    service = make_service("JMD Hilden", towns=["hilden"], topics=["sprache"], targets=["jung"])
    make_service(
        "Flüchtlingsberatung Velbert", type="fb", towns=["velbert"], targets=["gefluechtete"]
    )
    sync_locale("de-ls")
    demo_directory_easy_language({"directory": directory_page})
    counts = [
        model.objects.filter(locale__language_code="de-ls").count()
        for model in (ServiceType, Topic, TargetGroup)
    ]
    demo_directory_easy_language({"directory": directory_page})  # idempotent
    assert counts == [
        model.objects.filter(locale__language_code="de-ls").count()
        for model in (ServiceType, Topic, TargetGroup)
    ]
    assert counts[0] == 3  # jmd, mbe, fluechtlingsberatung: every type of the fixture
    DirectoryVersion.bump()
    easy = _html(client, "/de-ls/beratung/", {"topic": "sprache"})
    german = _html(client, "/de/beratung/", {"topic": "sprache"})
    _both(
        easy,
        german,
        [
            # a facet option (topic)
            ('>Deutsch lernen <span class="facet__count">', '>Sprache <span class="facet__count">'),
            # the kind of service on a card
            (
                "<dd><bdi>Jugend-Migrations-Dienst</bdi></dd>",
                "<dd><bdi>JMD – Jugendmigrationsdienst",
            ),
        ],
    )
    chip = r'class="chip" href="[^"]*">{} <span'
    assert re.search(chip.format("Deutsch lernen"), easy)  # the chip of the selected topic
    assert re.search(chip.format("Sprache"), german)
    everything = _html(client, "/de-ls/beratung/")
    assert "Geflüchtete Menschen" in everything and "Flüchtlings-Beratung" in everything
    sync_locale("en")
    assert "Deutsch lernen" not in _html(client, "/en/beratung/")
    page = _html(client, _easy_url(service))
    assert "<bdi>Deutsch lernen</bdi>" in page and "<bdi>Jugend-Migrations-Dienst</bdi>" in page


def test_snippet_translation_editor_shows_the_checklist_into_leichte_sprache(
    vocab, client_for, home
):
    """Translating a kind of service (a snippet) opens the same editor, with the checklist."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(vocab["type"]["jmd"])
    admin = client_for("admin")
    for code, shown in [("de-ls", True), ("en", False)]:
        translation = Translation.objects.create(
            source=source, target_locale=Locale.objects.get(language_code=code)
        )
        translation.save_target()  # a snippet without drafts: saved as it is
        target = translation.get_target_instance()
        html = _html(admin, f"/admin/snippets/services_directory/servicetype/edit/{target.pk}/")
        assert 'class="js-translation-editor"' in html
        assert ("Sie übersetzen in Leichte Sprache." in html) is shown, code
