"""Wagtail's ``purge_revisions`` that also keeps every **live** revision (#15 item 5).

Wagtail 7.4 keeps the latest revision, revisions approved for a go-live date and those in a
running workflow, but deletes the live revision of a page that has a newer draft (the
page's ``live_revision`` becomes empty, so "compare with live" and reverting to the
published state are lost). The project does not schedule this command (docs/operations.md);
if it ever does, this one runs.
"""

from django.apps import apps
from django.db.models.deletion import ProtectedError

from wagtail.management.commands.purge_revisions import Command as WagtailCommand
from wagtail.models import DraftStateMixin, Revision


def live_revision_ids():
    ids = set()
    for model in apps.get_models():
        if issubclass(model, DraftStateMixin) and not model._meta.abstract:
            if model._meta.proxy or any(
                parent._meta.concrete_model is not model._meta.concrete_model
                and issubclass(parent, DraftStateMixin)
                for parent in model._meta.get_parent_list()
            ):
                continue  # counted with the model that holds the column
            ids.update(
                model._default_manager.exclude(live_revision=None).values_list(
                    "live_revision_id", flat=True
                )
            )
    return ids


def purge_revisions(days=None, pages=True, non_pages=True):
    """Wagtail's purge, restricted to revisions that are neither live nor latest."""
    from wagtail.management.commands import purge_revisions as wagtail_module

    keep = live_revision_ids()
    deleted = protected = 0
    original_delete = Revision.delete

    def guarded_delete(revision, *args, **kwargs):
        if revision.pk in keep:
            raise ProtectedError("live revision", [revision])
        return original_delete(revision, *args, **kwargs)

    Revision.delete = guarded_delete
    try:
        deleted, protected = wagtail_module.purge_revisions(
            days=days, pages=pages, non_pages=non_pages
        )
    finally:
        Revision.delete = original_delete
    return deleted, protected


class Command(WagtailCommand):
    help = WagtailCommand.help + " (the portal also keeps every live revision)"

    def handle(self, *args, **options):
        deleted, protected = purge_revisions(
            days=options.get("days"), pages=options.get("pages"), non_pages=options.get("non_pages")
        )
        self.stdout.write(f"Deleted {deleted} revisions; kept {protected} live or protected ones.")
