"""``manage.py purge_event_registrations``: delete registrations after the retention period.

Registrations are personal data: they are deleted ``EVENT_REGISTRATION_RETENTION_DAYS``
(default 90) days after their event has ended; registrations never confirmed are deleted
once their confirmation link has expired. Run daily from cron.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from home.events.models import Registration, retention_days
from home.events.registration import CONFIRM_MAX_AGE


class Command(BaseCommand):
    help = "Delete event registrations older than the retention period (cron, daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Override the setting")

    def handle(self, *args, **options):
        days = options["days"] if options["days"] is not None else retention_days()
        now = timezone.now()
        expired = Q(event__end__lt=now - datetime.timedelta(days=days)) | Q(
            status=Registration.Status.PENDING,
            created_at__lt=now - datetime.timedelta(seconds=CONFIRM_MAX_AGE),
        )
        deleted, _by_model = Registration.objects.filter(expired).delete()
        self.stdout.write(f"{deleted} registrations deleted")
