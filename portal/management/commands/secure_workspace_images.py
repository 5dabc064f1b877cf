"""``manage.py secure_workspace_images [--dry-run]``: images stored in a private (workspace)
collection before uploads there were refused stop being public (issue #15, item 6).

Images are served as plain files (``/media/original_images/``, ``/media/images/``) that any
web server may hand out, so an image in a restricted collection is readable by anyone who has
its address. This command turns each such image into a **document of the same collection**
(served only through Wagtail's permission-checked view, to the workspace's members), then
deletes the image, its renditions and their files. Pages that used the image are listed so an
editor can replace it; a public page showing a workspace image was a leak anyway.

Idempotent: a second run finds nothing. Run once after upgrading (docs/operations.md).
"""

import os

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex

from portal.patches.admin_privacy import restricted_collections


def public_images_in_private_collections():
    return get_image_model().objects.filter(collection__in=restricted_collections()).order_by("pk")


def _delete_files(image):
    """The original and every rendition, from storage (Wagtail's own clean-up runs only after
    the commit and through a task; the files must be gone when this command returns)."""
    for rendition in image.renditions.all():
        name, storage = rendition.file.name, rendition.file.storage
        rendition.delete()
        if name:
            storage.delete(name)
    name, storage = image.file.name, image.file.storage
    image.delete()
    if name:
        storage.delete(name)


def convert(image):
    """Make ``image`` a document of its collection; returns ``(document, pages using it)``."""
    Document = get_document_model()
    used_by = [
        f"{type(source).__name__} {source.pk} “{source}”"
        for source, _references in ReferenceIndex.get_references_to(image).group_by_source_object()
    ]
    with image.open_file() as handle:
        content = handle.read()
    with transaction.atomic():
        document = Document(
            title=image.title,
            collection=image.collection,
            uploaded_by_user=image.uploaded_by_user,
        )
        document.file.save(os.path.basename(image.file.name), ContentFile(content), save=False)
        document.save()
        document.tags.set(image.tags.all())
        _delete_files(image)
    return document, used_by


class Command(BaseCommand):
    help = (
        "Turn images stored in private (workspace) collections into documents of the same "
        "collection and delete the public image files and renditions."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list the images; change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        images = list(public_images_in_private_collections())
        if not images:
            self.stdout.write("No images in private collections.")
            return
        for image in images:
            label = f"Image {image.pk} “{image.title}” in collection “{image.collection.name}”"
            if dry_run:
                self.stdout.write(f"{label}: would become a document")
                continue
            document, used_by = convert(image)
            self.stdout.write(f"{label}: now document {document.pk}, image files deleted")
            for source in used_by:
                self.stdout.write(f"  was used by: {source} (replace the image there)")
        verb = "would be converted" if dry_run else "converted"
        self.stdout.write(f"{len(images)} image(s) {verb}.")
