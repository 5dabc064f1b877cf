"""``manage.py render_pdfs``: store the PDF of every live handbook edition, in every language.

Publishing an edition or a chapter renders its PDF (``home/signal_handlers.py``), but pages
that come into being without a publish (translations created as aliases, a loaded demo or
a restored backup) would make their first reader wait seconds for WeasyPrint. This renders
what is missing, so every first request is served from the stored file; files that exist
are kept. ``load_demo`` runs it; run it after a restore or a deployment (``make pdf-rebuild``).
"""

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Render the missing PDFs of all live handbook editions (all languages)."

    def handle(self, *args, verbosity=1, **options):
        from home.models import HandbookEditionPage
        from home.pdf import edition_pdf

        editions = HandbookEditionPage.objects.live().select_related("locale").order_by("path")
        count = 0
        for edition in editions:
            # renders only when the current file is missing
            name = edition_pdf(edition, edition.public_chapters())
            count += 1
            if verbosity > 1:
                self.stdout.write(name)
        self.stdout.write(f"{count} edition PDFs stored")
