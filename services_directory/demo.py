"""Demo content of the service directory."""

from portal.demo import demo_step, ensure_child

from .models import ServiceDirectoryPage


@demo_step(order=20)
def demo_directory(context):
    context["directory"] = ensure_child(
        context["home"],
        ServiceDirectoryPage,
        "beratung",
        title="Beratung finden",
        intro="Beratungsangebote für Zugewanderte und Geflüchtete in den zehn Städten des "
        "Kreises Mettmann – nach Thema, Stadt, Sprache und Alter.",
        show_in_menus=True,
    )
