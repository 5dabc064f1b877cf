from django.apps import AppConfig


class EventsConfig(AppConfig):
    """Workshops and events for multipliers (docs/events.md): an app of its own inside home."""

    name = "home.events"
    label = "events"
    verbose_name = "Veranstaltungen"
