"""``manage.py purge_login_log [--days N]``: forget login records older than N days.

Login entries hold client addresses (personal data); they are kept only as long as the
audit needs them (``PORTAL_LOGIN_LOG_DAYS``, default 180). Permission changes are kept.
Run daily from cron (docs/operations.md).
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from wagtail.models import ModelLogEntry


class Command(BaseCommand):
    help = "Delete login records (portal audit log, django-axes logs) older than --days."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.PORTAL_LOGIN_LOG_DAYS)

    def handle(self, *args, days, **options):
        from axes.models import AccessFailureLog, AccessLog

        cutoff = timezone.now() - timedelta(days=days)
        deleted, _per_model = ModelLogEntry.objects.filter(
            action__in=["portal.login", "portal.login_failed"], timestamp__lt=cutoff
        ).delete()
        for model in (AccessLog, AccessFailureLog):
            deleted += model.objects.filter(attempt_time__lt=cutoff).delete()[0]
        self.stdout.write(f"Deleted {deleted} login records older than {days} days.")
