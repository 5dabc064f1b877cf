"""Demo content of the public site, written from the KIM concept of Kreis Mettmann."""

from wagtail.models import Page, Site

from portal.demo import EXAMPLE_NOTE, demo_step, ensure_child, stream
from portal.models import FooterLink, PortalSettings

from .models import ContentPage, HomePage

TOWNS = [
    "Erkrath", "Haan", "Heiligenhaus", "Hilden", "Langenfeld",
    "Mettmann", "Monheim am Rhein", "Ratingen", "Velbert", "Wülfrath",
]  # fmt: skip

HOME_INTRO = (
    "Das Kommunale Integrationsmanagement (KIM) verbindet die zehn Städte des Kreises "
    "Mettmann mit den Beratungsangeboten für Zugewanderte und Geflüchtete – damit Menschen "
    "schneller die Unterstützung bekommen, die sie brauchen."
)

PAGES = [
    {
        "slug": "ueber-kim",
        "title": "Über KIM",
        "intro": "KIM steht für ein rechtskreisübergreifendes Zusammenarbeiten aller Stellen, "
        "die Zugewanderte im Kreis Mettmann beraten und begleiten.",
        "body": [
            ("heading", {"text": "Die drei Bausteine von KIM", "level": "h2"}),
            (
                "paragraph",
                "<p>Das Kommunale Integrationsmanagement in Nordrhein-Westfalen ruht auf drei "
                "Bausteinen:</p><ol><li><b>Strategische Steuerung</b> – Kreis und Städte "
                "stimmen Ziele, Zielgruppen und Angebote gemeinsam ab.</li>"
                "<li><b>Rechtskreisübergreifendes Case Management</b> – Case Managerinnen und "
                "Case Manager begleiten Menschen mit komplexen Problemlagen über die Grenzen "
                "von SGB II, SGB III, SGB VIII, SGB XII und Asylbewerberleistungsgesetz hinweg."
                "</li><li><b>Ausländer- und Einbürgerungsbehörden</b> – zusätzliche Stellen "
                "sichern Aufenthalt und Einbürgerung und verbessern die Zusammenarbeit mit "
                "den Beratungsstellen.</li></ol>",
            ),
            ("heading", {"text": "Die zehn Städte", "level": "h2"}),
            (
                "paragraph",
                "<p>KIM arbeitet mit allen kreisangehörigen Städten zusammen: "
                + ", ".join(TOWNS[:-1])
                + " und "
                + TOWNS[-1]
                + ".</p>",
            ),
            ("heading", {"text": "Für wen ist KIM da?", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Geflüchtete</li><li>(Neu-)Zugewanderte</li><li>Menschen ohne Zugang "
                "zu einem bestehenden Case Management</li></ul>",
            ),
            (
                "quote",
                {
                    "text": "Integration gelingt, wenn alle Stellen an einem Strang ziehen.",
                    "attribution": "Leitgedanke des KIM im Kreis Mettmann (Beispieltext)",
                },
            ),
        ],
        "children": [
            {
                "slug": "strategische-steuerung",
                "title": "Strategische Steuerung",
                "intro": "Die Lenkungsgruppe setzt den Rahmen für die Integrationsarbeit im Kreis.",
                "body": [
                    (
                        "paragraph",
                        "<p>Die <b>Lenkungsgruppe</b> ist das zentrale Steuerungsgremium von KIM. "
                        "Ihre Aufgaben sind:</p><ul><li>die Zielgruppen festlegen,</li>"
                        "<li>die Arbeit der Case Managerinnen und Case Manager ausgestalten,"
                        "</li><li>Projektgruppen einberufen und beauftragen,</li>"
                        "<li>verbindliche Absprachen zwischen den beteiligten Stellen treffen."
                        "</li></ul>",
                    ),
                    ("heading", {"text": "Projektgruppen", "level": "h2"}),
                    (
                        "paragraph",
                        "<p>Projektgruppen bearbeiten einzelne Themen, zum Beispiel die "
                        "Besonderheiten des kommunalen Raums, interne Schnittstellen und die "
                        "Beratungsstruktur für Zugewanderte und Geflüchtete.</p>",
                    ),
                ],
            },
            {
                "slug": "case-management",
                "title": "Case Management",
                "intro": "Rechtskreisübergreifende Begleitung für Menschen mit komplexen "
                "Problemlagen.",
                "body": [
                    (
                        "paragraph",
                        "<p>Das Case Management klärt gemeinsam mit den Menschen ihren "
                        "Unterstützungsbedarf, plant die nächsten Schritte und verbindet sie mit "
                        "den zuständigen Stellen. Es arbeitet in den Lebensbereichen:</p>"
                        "<ul><li>Existenzsicherung</li><li>Arbeit und Ausbildung</li>"
                        "<li>Bildung</li><li>Kinderbetreuung</li><li>Sprache</li>"
                        "<li>Aufenthalt</li><li>Gesundheit</li></ul>",
                    ),
                ],
            },
            {
                "slug": "auslaender-und-einbuergerungsbehoerden",
                "title": "Ausländer- und Einbürgerungsbehörden",
                "intro": "Aufenthalt sichern, Einbürgerung ermöglichen.",
                "body": [
                    (
                        "paragraph",
                        "<p>Mit KIM wurden die Ausländer- und Einbürgerungsbehörden gestärkt. "
                        "Ziel ist die <b>Verstetigung der aufenthaltsrechtlichen Stellung</b>: "
                        "Bleibeperspektiven werden früh geprüft, Übergänge in sichere "
                        "Aufenthaltstitel und die Einbürgerung werden begleitet.</p>",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "handlungsfelder",
        "title": "Handlungsfelder",
        "intro": "Worauf sich KIM im Kreis Mettmann konzentriert.",
        "body": [
            (
                "paragraph",
                "<ul><li><b>Sprachförderung und Integrationskurse</b></li>"
                "<li><b>Übergang Schule/Beruf</b></li><li><b>Arbeitsmarktzugang</b></li>"
                "<li><b>Zugang zum Ausbildungsmarkt</b>, zum Beispiel bei der "
                "Ausbildungsplatzsuche</li>"
                "<li><b>Verstetigung der aufenthaltsrechtlichen Stellung</b></li></ul>",
            ),
        ],
    },
    {
        "slug": "kontakt",
        "title": "Kontakt",
        "intro": "So erreichen Sie das Kommunale Integrationsmanagement.",
        "body": [
            (
                "paragraph",
                '<p>E-Mail: <a href="mailto:kim@kreis-mettmann.de">kim@kreis-mettmann.de</a></p>'
                "<p>Schreiben Sie uns, wenn Sie ein passendes Beratungsangebot suchen oder "
                "einen Eintrag im Verzeichnis korrigieren möchten.</p>",
            ),
        ],
    },
]

LEGAL_PAGES = [
    (
        "impressum",
        "Impressum",
        "<p>Kreis Mettmann, Der Landrat, Kommunales Integrationsmanagement (KIM).</p>"
        "<p>E-Mail: kim@kreis-mettmann.de</p><p>" + EXAMPLE_NOTE + "</p>",
    ),
    (
        "datenschutz",
        "Datenschutz",
        "<p>Dieses Portal setzt nur technisch notwendige Cookies (Sitzung, Schutz vor "
        "Fälschung von Anfragen) und bindet keine Inhalte anderer Anbieter ein. Es werden "
        "keine Zugriffe an Dritte übermittelt.</p><p>" + EXAMPLE_NOTE + "</p>",
    ),
    (
        "barrierefreiheit",
        "Erklärung zur Barrierefreiheit",
        "<p>Das Portal soll die Anforderungen der BITV 2.0 (WCAG 2.1 AA) erfüllen. "
        "Barrieren melden Sie bitte an kim@kreis-mettmann.de.</p>",
    ),
]


def _content_page(parent, spec):
    page = ensure_child(
        parent,
        ContentPage,
        spec["slug"],
        title=spec["title"],
        intro=spec.get("intro", ""),
        body=stream(*spec.get("body", [])),
        show_in_menus=spec.get("show_in_menus", parent.depth == 2),
    )
    for child in spec.get("children", []):
        _content_page(page, child)
    return page


def ensure_home():
    """The German HomePage as the default site's root (replaces Wagtail's welcome page)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        home = HomePage(title="KIM im Kreis Mettmann", slug="kim", intro=HOME_INTRO)
        root.add_child(instance=home)
        home.save_revision().publish()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.site_name = "KIM Portal Kreis Mettmann"
    site.save()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    return home


@demo_step(order=10)
def demo_home(context):
    home = ensure_home()
    if not home.body:
        home.intro = HOME_INTRO
        home.body = stream(
            ("heading", {"text": "Beratung finden", "level": "h2"}),
            (
                "paragraph",
                "<p>Im Verzeichnis finden Fachkräfte und Ehrenamtliche die passende "
                "Beratungsstelle – nach Thema, Stadt, Sprache und Alter.</p>",
            ),
            ("heading", {"text": "Drei Bausteine", "level": "h2"}),
            (
                "paragraph",
                "<ul><li>Strategische Steuerung</li><li>Rechtskreisübergreifendes Case "
                "Management</li><li>Ausländer- und Einbürgerungsbehörden</li></ul>",
            ),
        )
        home.save_revision().publish()
    context["home"] = home
    for spec in PAGES:
        _content_page(home, spec)
    legal = {
        slug: _content_page(
            home,
            {"slug": slug, "title": title, "body": [("paragraph", html)], "show_in_menus": False},
        )
        for slug, title, html in LEGAL_PAGES
    }
    site = Site.objects.get(is_default_site=True)
    portal_settings = PortalSettings.for_site(site)
    portal_settings.impressum_page = legal["impressum"]
    portal_settings.privacy_page = legal["datenschutz"]
    portal_settings.accessibility_page = legal["barrierefreiheit"]
    portal_settings.street_address = "Düsseldorfer Straße 26"
    portal_settings.postal_code = "40822"
    portal_settings.locality = "Mettmann"
    portal_settings.save()
    if not portal_settings.footer_links.exists():
        FooterLink.objects.create(
            settings=portal_settings, label="Kontakt", page=home.get_children().get(slug="kontakt")
        )


def _ensure_document(title, filename, paragraphs, language, collection):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from .pdf import simple_pdf

    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    data = simple_pdf(title, [*paragraphs, EXAMPLE_NOTE], language=language)
    document = Document(title=title, collection=collection)
    document.file.save(filename, ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    return document


@demo_step(order=40)
def demo_handbook_and_publications(context):
    """The handbook "Beratungslandschaft" in two editions and six publications with PDFs."""
    from wagtail.models import Collection

    from .demo_publications import (
        EDITIONS,
        HANDBOOK_INTRO,
        HANDBOOK_TITLE,
        PUBLICATIONS,
    )
    from .models import (
        HandbookChapterPage,
        HandbookEditionPage,
        HandbookPage,
        PublicationFile,
        PublicationIndexPage,
        PublicationPage,
    )
    from .pdf import generate_edition_pdf
    from .signal_handlers import pdf_generation_paused

    home = context.get("home") or ensure_home()
    handbook = ensure_child(
        home,
        HandbookPage,
        "handbuch",
        title=HANDBOOK_TITLE,
        intro=HANDBOOK_INTRO,
        show_in_menus=True,
    )
    for number, summary, chapters in EDITIONS:
        with pdf_generation_paused():  # one PDF per edition, not one per chapter
            edition = ensure_child(
                handbook,
                HandbookEditionPage,
                f"ausgabe-{number}",
                title=f"{HANDBOOK_TITLE} – Ausgabe {number}",
                edition_number=number,
                change_summary=summary,
            )
            for spec in chapters:
                ensure_child(
                    edition,
                    HandbookChapterPage,
                    spec["slug"],
                    title=spec["title"],
                    intro=spec["intro"],
                    body=stream(*spec["body"]),
                )
        generate_edition_pdf(edition, edition.public_chapters())
    index = ensure_child(
        home,
        PublicationIndexPage,
        "publikationen",
        title="Publikationen",
        intro="Berichte, Flyer, Broschüren, Präsentationen und Formulare des KIM (Beispieldaten).",
        show_in_menus=True,
    )
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name="Publikationen").first()
    if collection is None:
        collection = root.add_child(name="Publikationen")
    for slug, title, kind, topic, year, summary, files in PUBLICATIONS:
        if index.get_children().filter(slug=slug).exists():
            continue
        page = PublicationPage(
            slug=slug,
            title=title,
            publication_type=kind,
            topic=topic,
            year=year,
            summary=summary,
        )
        page.files = [
            PublicationFile(
                language=language,
                document=_ensure_document(
                    f"{title} ({language})", f"{slug}-{language}.pdf", text, language, collection
                ),
            )
            for language, text in files.items()
        ]
        index.add_child(instance=page)
        page.save_revision().publish()
    context["handbook"] = handbook
    context["publication_index"] = index


@demo_step(order=1010)
def demo_home_translations(context):
    """The home page and the first chapter of the newest handbook edition in six languages."""
    from portal.demo import ensure_translations

    from .demo_translations import CHAPTER, CHAPTER_SLUG, HOME, KEEP
    from .models import HandbookChapterPage

    home = context.get("home") or ensure_home()
    ensure_translations(home, HOME, keep=KEEP)
    chapter = (
        HandbookChapterPage.objects.descendant_of(home)
        .filter(slug=CHAPTER_SLUG)
        .order_by("-path")
        .first()
    )
    if chapter is not None:
        ensure_translations(chapter, CHAPTER, keep=KEEP)


@demo_step(order=1015)
def demo_home_easy_language(context):
    """The start page in Leichte Sprache (texts in ``home/data/demo_leichte_sprache.json``)."""
    from pathlib import Path

    from portal.demo import ensure_easy_translation, load_demo_texts

    from .demo_translations import KEEP

    texts = load_demo_texts(Path(__file__).parent / "data" / "demo_leichte_sprache.json")
    ensure_easy_translation(context.get("home") or ensure_home(), texts["pages"], keep=KEEP)
