from django.apps import AppConfig


class ServicesDirectoryConfig(AppConfig):
    name = "services_directory"

    def ready(self):
        from . import signal_handlers

        signal_handlers.register()
        signal_handlers.register_refolding()
