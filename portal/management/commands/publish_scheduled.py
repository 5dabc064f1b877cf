"""Wagtail's ``publish_scheduled``, plus a heartbeat that ``/healthz/scheduled`` and the
admin dashboard read (``portal/operations/heartbeat.py``)."""

from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from portal.operations.heartbeat import beat


class Command(WagtailCommand):
    def handle(self, *args, **options):
        result = super().handle(*args, **options)
        if not options.get("dryrun"):
            beat()
        return result
