from django.apps import AppConfig


class ServicesDirectoryConfig(AppConfig):
    name = "services_directory"

    def ready(self):
        from portal.cache import register_content, register_version

        # Reports on entries are tasks for editors, not shown publicly.
        register_content(self.label, exclude=["servicereport"])
        register_version("directory")  # DirectoryVersion: the facet data and the HSDS API
        from . import signal_handlers

        signal_handlers.register()
        signal_handlers.register_refolding()
