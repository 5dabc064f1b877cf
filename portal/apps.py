from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Cross-cutting pieces: settings, privacy helper, search, navigation, demo data."""

    name = "portal"
    verbose_name = "KIM Portal"

    def ready(self):
        from . import audit, checks, locales, otp, signal_handlers  # noqa: F401
        from .translation_moderation import install

        locales.install()
        install()
        from . import wagtail_patches

        wagtail_patches.apply()
