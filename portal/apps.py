from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Cross-cutting pieces: settings, privacy helper, search, navigation, demo data."""

    name = "portal"
    verbose_name = "KIM Portal"

    def ready(self):
        from . import audit, checks, locales, localize_dates, otp, signal_handlers, wagtail_patches  # noqa: F401
        from .translation_moderation import install

        locales.install()
        install()
        localize_dates.install()
        wagtail_patches.apply()
