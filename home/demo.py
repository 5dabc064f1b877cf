"""Demo content of the public site, written from the KIM concept of Kreis Mettmann."""

from pathlib import Path

from wagtail.models import Page, Site

from portal.demo import EXAMPLE_NOTE, demo_step, ensure_child, load_demo_texts, stream
from portal.models import FooterLink, PortalSettings

from .factories import (
    ContentPageFactory,
    HandbookChapterPageFactory,
    HandbookEditionPageFactory,
    HandbookPageFactory,
    HomePageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
)
from .models import HomePage

DATA_DIR = Path(__file__).resolve().parent / "data"
# Strings that stay as they are in every language (abbreviations, proper names).
KEEP = {"KIM"}
# The handbook chapter whose demo translations exist.
CHAPTER_SLUG = "einleitung"


def _content_page(parent, spec):
    page = ensure_child(
        parent,
        ContentPageFactory,
        spec["slug"],
        title=spec["title"],
        intro=spec.get("intro", ""),
        body=stream(*spec.get("body", [])),
        show_in_menus=spec.get("show_in_menus", parent.depth == 2),
    )
    for child in spec.get("children", []):
        _content_page(page, child)
    return page


def site_data():
    """Home page, content pages, legal pages and site settings (``data/demo_site.json``)."""
    return load_demo_texts(DATA_DIR / "demo_site.json")


def ensure_home():
    """The German HomePage as the default site's root (replaces Wagtail's welcome page)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    spec = site_data()["home"]
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2).first()
    if home is None:
        home = HomePageFactory(
            parent=root, title=spec["title"], slug=spec["slug"], intro=spec["intro"]
        )
        home.save_revision().publish()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname, site.port, site.root_page = "localhost", 80, home
    site.site_name = spec["site_name"]
    site.save()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    return home


@demo_step(order=10)
def demo_home(context):
    data = site_data()
    home = ensure_home()
    if not home.body:
        home.intro = data["home"]["intro"]
        home.body = stream(*data["home"]["body"])
        home.save_revision().publish()
    context["home"] = home
    for spec in data["pages"]:
        _content_page(home, spec)
    legal = {
        spec["slug"]: _content_page(home, {**spec, "show_in_menus": False})
        for spec in data["legal_pages"]
    }
    site = Site.objects.get(is_default_site=True)
    portal_settings = PortalSettings.for_site(site)
    portal_settings.impressum_page = legal["impressum"]
    portal_settings.privacy_page = legal["datenschutz"]
    portal_settings.accessibility_page = legal["barrierefreiheit"]
    for field, value in data["settings"].items():
        setattr(portal_settings, field, value)
    portal_settings.save()
    if not portal_settings.footer_links.exists():
        for link in data["footer_links"]:
            FooterLink.objects.create(
                settings=portal_settings,
                label=link["label"],
                page=home.get_children().get(slug=link["page"]),
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
    from .models import PublicationFile
    from .pdf import generate_edition_pdf
    from .signal_handlers import pdf_generation_paused

    home = context.get("home") or ensure_home()
    handbook = ensure_child(
        home,
        HandbookPageFactory,
        "handbuch",
        title=HANDBOOK_TITLE,
        intro=HANDBOOK_INTRO,
        show_in_menus=True,
    )
    for number, summary, chapters in EDITIONS:
        with pdf_generation_paused():  # one PDF per edition, not one per chapter
            edition = ensure_child(
                handbook,
                HandbookEditionPageFactory,
                f"ausgabe-{number}",
                title=f"{HANDBOOK_TITLE} – Ausgabe {number}",
                edition_number=number,
                change_summary=summary,
            )
            for spec in chapters:
                ensure_child(
                    edition,
                    HandbookChapterPageFactory,
                    spec["slug"],
                    title=spec["title"],
                    intro=spec["intro"],
                    body=stream(*spec["body"]),
                )
        generate_edition_pdf(edition, edition.public_chapters())
    index = ensure_child(
        home,
        PublicationIndexPageFactory,
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
            continue  # its files exist too: no documents to look up
        ensure_child(
            index,
            PublicationPageFactory,
            slug,
            title=title,
            publication_type=kind,
            topic=topic,
            year=year,
            summary=summary,
            files=[
                PublicationFile(
                    language=language,
                    document=_ensure_document(
                        f"{title} ({language})",
                        f"{slug}-{language}.pdf",
                        text,
                        language,
                        collection,
                    ),
                )
                for language, text in files.items()
            ],
        )
    context["handbook"] = handbook
    context["publication_index"] = index


@demo_step(order=1010)
def demo_home_translations(context):
    """The home page and the first chapter of the newest handbook edition in six languages
    (translations in ``home/data/locale/<lang>/LC_MESSAGES/demo.po``)."""
    from portal.demo import demo_catalogue, ensure_translations

    from .models import HandbookChapterPage

    table = demo_catalogue(DATA_DIR)
    home = context.get("home") or ensure_home()
    ensure_translations(home, table, keep=KEEP)
    chapter = (
        HandbookChapterPage.objects.descendant_of(home)
        .filter(slug=CHAPTER_SLUG)
        .order_by("-path")
        .first()
    )
    if chapter is not None:
        ensure_translations(chapter, table, keep=KEEP)


@demo_step(order=1015)
def demo_home_easy_language(context):
    """The start page in Leichte Sprache (texts in ``home/data/demo_leichte_sprache.json``)."""
    from portal.demo import ensure_easy_translation

    texts = load_demo_texts(DATA_DIR / "demo_leichte_sprache.json")
    ensure_easy_translation(context.get("home") or ensure_home(), texts["pages"], keep=KEEP)
