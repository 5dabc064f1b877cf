"""Text extracted from uploaded documents, so that publications are found by their content."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def private_collection_ids():
    """Ids of every collection with a view restriction, and of all collections inside them.

    Two queries whatever the number of workspaces, once per content version (restrictions
    and collections are content: any change bumps it).
    """
    from portal.cache import cached_fragment

    return cached_fragment("private-collections", _load_private_collection_ids)


def _load_private_collection_ids():
    from django.db.models import Q

    from wagtail.models import Collection, CollectionViewRestriction

    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).values_list("path", flat=True)
    inside = Q(pk__in=[])
    for path in paths:
        inside |= Q(path__startswith=path)
    return set(Collection.objects.filter(inside).values_list("pk", flat=True))


def document_is_private(document):
    """True when the document's collection (or an ancestor) has a view restriction."""
    return document.collection.get_view_restrictions().exists()


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
