from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Cross-cutting pieces: settings, privacy helper, search, navigation, demo data."""

    name = "portal"
    verbose_name = "KIM Portal"

    def ready(self):
        from .cache import register_content

        # Content of the portal itself and of Wagtail; each app registers its own.
        register_content("portal", exclude=["contentversion"])
        register_content(
            "wagtailcore",
            exclude=[
                "pagelogentry",
                "modellogentry",
                "referenceindex",
                "taskstate",
                "workflowstate",
            ],
        )
        register_content("wagtaildocs")
        register_content("wagtailimages")
        from . import patches, signal_handlers  # noqa: F401
        from .operations import checks  # noqa: F401
        from .security import audit, otp  # noqa: F401

        patches.apply()  # framework patches, one module each (portal/patches/)
