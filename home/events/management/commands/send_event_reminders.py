"""``manage.py send_event_reminders``: the reminder mail the day before (cron, e.g. hourly).

Every confirmed registration of an event that starts within the next ``--hours`` (24) and
has not been reminded yet gets one mail in its language; ``reminded_at`` makes a second run
send nothing.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from home.events.models import EventStatus, Registration
from home.events.registration import send_status_mail


class Command(BaseCommand):
    help = "Mail confirmed registrants of events starting within the next 24 hours (cron)."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=24)

    def handle(self, *args, **options):
        now = timezone.now()
        due = Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminded_at__isnull=True,
            event__live=True,
            event__event_status=EventStatus.SCHEDULED,
            event__start__gt=now,
            event__start__lte=now + datetime.timedelta(hours=options["hours"]),
        ).select_related("event")
        sent = 0
        for registration in due.iterator():
            send_status_mail(registration, "reminder")
            Registration.objects.filter(pk=registration.pk).update(reminded_at=timezone.now())
            sent += 1
        self.stdout.write(f"{sent} reminders sent")
