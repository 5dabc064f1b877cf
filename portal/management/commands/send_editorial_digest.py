"""``manage.py send_editorial_digest [--limit N] [--dry-run]``: the weekly freshness mail.

Sends the freshness report (portal/editorial/freshness.py) to every active member of Redaktion with
an e-mail address, one mail each, built with that member's view of the content. Nothing is
sent when all sections are empty unless ``--always``. Run weekly by cron (docs/editorial.md).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.editorial.freshness import absolute, sections
from portal.editorial.roles import REDAKTION

DIGEST_LIMIT = 10


class Command(BaseCommand):
    help = "Mail the weekly freshness report to the members of Redaktion."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=DIGEST_LIMIT, help="Items per list.")
        parser.add_argument("--always", action="store_true", help="Send even if all is fine.")
        parser.add_argument("--dry-run", action="store_true", help="List, send nothing.")

    def handle(self, *args, limit, always, dry_run, **options):
        members = (
            get_user_model()
            .objects.filter(groups__name=REDAKTION, is_active=True)
            .exclude(email="")
            .distinct()
            .order_by("pk")
        )
        sent = 0
        with translation.override(settings.LANGUAGE_CODE):
            for user in members:
                report = sections(user, max(limit, 0))
                if not always and not any(section.total for section in report):
                    continue
                for section in report:
                    section.items = [
                        type(item)(item.label, absolute(item.url), item.detail)
                        for item in section.items
                    ]
                body = render_to_string(
                    "portal/email/editorial_digest.txt",
                    {"sections": report, "report_url": absolute(reverse("portal_freshness"))},
                )
                if not dry_run:
                    send_mail(_("KIM portal: weekly freshness report"), body, None, [user.email])
                sent += 1
                self.stdout.write(user.email)
        verb = "would be sent" if dry_run else "sent"
        self.stdout.write(self.style.SUCCESS(f"{sent} digest(s) {verb}."))
