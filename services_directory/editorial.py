"""The group Verzeichnispflege: maintains the directory (see portal/editorial/roles.py).

It edits the service pages below every directory page (add, change, lock; publishing goes
through Moderation like all public content), the vocabularies (towns, types, topics,
target groups, organisations) and the reports on entries. A directory page created later
gets the same page permissions through a signal (``grant_directory_page``).
"""

from portal.editorial.roles import create_all_permissions, ensure_group

DIRECTORY_TEAM = "Verzeichnispflege"
SNIPPETS = ("town", "servicetype", "topic", "targetgroup", "organisation")

SPEC = {
    "model": [
        "wagtailadmin.access_admin",
        *(
            f"services_directory.{action}_{model}"
            for model in SNIPPETS
            for action in ("add", "change", "delete", "view")
        ),
        *(f"services_directory.{action}_servicereport" for action in ("view", "change", "delete")),
    ],
    "page": ["add", "change", "lock"],
    "collection": {"wagtailimages.image": ["add", "change", "choose"]},
}


def create_directory_team(apps, schema_editor):
    create_all_permissions(apps)
    ServiceDirectoryPage = apps.get_model("services_directory", "ServiceDirectoryPage")
    ensure_group(apps, DIRECTORY_TEAM, SPEC, pages=list(ServiceDirectoryPage.objects.all()))


def grant_directory_page(sender, instance, created, raw=False, **kwargs):
    """A new directory page: Verzeichnispflege may edit below it (when the group exists)."""
    if not created or raw:
        return
    from django.apps import apps

    if apps.get_model("auth", "Group").objects.filter(name=DIRECTORY_TEAM).exists():
        ensure_group(apps, DIRECTORY_TEAM, {"page": SPEC["page"]}, pages=[instance])
