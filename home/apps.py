from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from portal.cache import register_content

        register_content(self.label)
        from . import signal_handlers  # noqa: F401
