"""Factories for the public page types (tests, demo, benchmarks)."""

import factory
import wagtail_factories

from .models import ContentPage, HomePage


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
