"""Factories for the service directory (tests, demo, benchmarks)."""

import wagtail_factories

from .models import ServiceDirectoryPage


class ServiceDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Beratung finden"
    slug = "beratung"
    intro = "Beratungsangebote im Kreis Mettmann."
    show_in_menus = True

    class Meta:
        model = ServiceDirectoryPage
