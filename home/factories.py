"""Factories for the public page types (tests, demo, benchmarks)."""

import factory
import wagtail_factories

from .models import (
    ContentPage,
    HandbookChapterPage,
    HandbookEditionPage,
    HandbookPage,
    HomePage,
    PublicationIndexPage,
    PublicationPage,
)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "KIM im Kreis Mettmann"
    slug = "kim"
    intro = "Kommunales Integrationsmanagement im Kreis Mettmann (Beispieldaten)."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inhaltsseite {n}")
    slug = factory.Sequence(lambda n: f"inhaltsseite-{n}")
    intro = "Eine Beispielseite."
    show_in_menus = True

    class Meta:
        model = ContentPage


class HandbookPageFactory(wagtail_factories.PageFactory):
    title = "Beratungslandschaft im Kreis Mettmann"
    slug = "handbuch"
    intro = "Ein Handbuch für Multiplikatorinnen und Multiplikatoren (Beispieldaten)."

    class Meta:
        model = HandbookPage


class HandbookEditionPageFactory(wagtail_factories.PageFactory):
    edition_number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Ausgabe {o.edition_number}")
    slug = factory.LazyAttribute(lambda o: f"ausgabe-{o.edition_number}")
    change_summary = "Erste Ausgabe."

    class Meta:
        model = HandbookEditionPage


class HandbookChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kapitel {n}")
    slug = factory.Sequence(lambda n: f"kapitel-{n}")
    intro = "Worum es in diesem Kapitel geht."

    class Meta:
        model = HandbookChapterPage


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Publikationen"
    slug = "publikationen"
    intro = "Berichte, Flyer, Broschüren, Präsentationen und Formulare."

    class Meta:
        model = PublicationIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Publikation {n}")
    slug = factory.Sequence(lambda n: f"publikation-{n}")
    summary = "Eine Beispielpublikation."
    publication_type = "report"
    topic = "konzept"
    year = 2025

    class Meta:
        model = PublicationPage
