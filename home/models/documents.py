"""Text extracted from uploaded documents, so that publications are found by their content."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentText(models.Model):
    """The plain text of one document (PDF, DOCX, PPTX, XLSX, ODT), filled on upload.

    Not indexed itself: only a public ``PublicationPage`` carries the text of its public
    files into the search index, so text of workspace files never reaches public search.
    """

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="extracted_text"
    )
    source_name = models.CharField(
        max_length=255, help_text="Dateiname, aus dem der Text gewonnen wurde."
    )
    text = models.TextField(blank=True)
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("extracted document text")

    def __str__(self):
        return self.source_name
