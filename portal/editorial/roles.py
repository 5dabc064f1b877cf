"""Editorial roles: the groups, their permissions and the two-step publishing workflow.

Used by data migrations (with the historical ``apps``), so it touches models only through
``apps.get_model``. Every function is idempotent: running it again changes nothing.

=================  ====================================================================
Redaktion          edits public pages and submits them; cannot publish (Moderation does)
Moderation         approves: the task of the workflow "Redaktionelle Freigabe"
Übersetzung        translates with wagtail-localize; translations also go to Moderation
Verzeichnispflege  maintains the directory (services_directory migration): its pages,
                   vocabularies and the reports on entries
=================  ====================================================================

Workspace managers are made per workspace by ``groups`` (``WorkspacePage.save``).
"""

REDAKTION = "Redaktion"
MODERATION = "Moderation"
UEBERSETZUNG = "Übersetzung"
WORKFLOW_NAME = "Redaktionelle Freigabe"
TASK_NAME = "Freigabe durch die Moderation"

IMAGE_DOC = ("wagtailimages.image", "wagtaildocs.document")

GROUPS = {
    REDAKTION: {
        "model": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
        "page": ["add", "change", "lock"],
        "collection": {kind: ["add", "change", "choose"] for kind in IMAGE_DOC},
    },
    MODERATION: {
        "model": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
        "page": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
        "collection": {kind: ["add", "change", "delete", "choose"] for kind in IMAGE_DOC},
    },
    UEBERSETZUNG: {
        "model": ["wagtailadmin.access_admin", "wagtail_localize.submit_translation"],
        "page": ["change"],
        "collection": {kind: ["choose"] for kind in IMAGE_DOC},
    },
}


def create_all_permissions(apps):
    """Permissions are normally created after ``migrate``; create them now for the models."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def _permission(apps, dotted):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_group(apps, name, spec, pages=None):
    """Create group ``name`` with the model, page and collection permissions of ``spec``.

    Page permissions apply to ``pages`` (default: the tree root, so every site and every
    language); collection permissions to the root collection.
    """
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group, _created = Group.objects.get_or_create(name=name)
    for dotted in spec.get("model", []):
        group.permissions.add(_permission(apps, dotted))
    if pages is None:
        pages = list(Page.objects.filter(depth=1))
    for page in pages:
        for action in spec.get("page", []):
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=_permission(apps, f"wagtailcore.{action}_page")
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for model, actions in spec.get("collection", {}).items():
            app_label, model_name = model.split(".")
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, f"{app_label}.{action}_{model_name}"),
                )
    return group


def ensure_moderation_workflow(apps):
    """Every page under the root goes through one approval by Moderation before going live.

    Wagtail's own "Moderators approval" workflow on the root page is reused when present
    (Moderation joins its task), otherwise "Redaktionelle Freigabe" is created. Workspaces
    have their own workflow ("Protokollfreigabe"), which takes precedence below them.
    """
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    moderation = Group.objects.get(name=MODERATION)
    for root in Page.objects.filter(depth=1):
        link = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
        if link is None or not link.workflow.active:
            workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
            content_type, _created = ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )
            task = GroupApprovalTask.objects.create(
                name=TASK_NAME, content_type=content_type, active=True
            )
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
            WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
            link = WorkflowPage.objects.get(page=root)
        for workflow_task in WorkflowTask.objects.filter(workflow=link.workflow):
            task = GroupApprovalTask.objects.filter(pk=workflow_task.task_id).first()
            if task is not None:
                task.groups.add(moderation)


# Names Wagtail's own migrations give in English; the admin is German (issue 25).
GERMAN_NAMES = {
    "workflow": {"Moderators approval": WORKFLOW_NAME},
    "task": {"Moderators approval": TASK_NAME},
}


def german_workflow_names(apps, schema_editor=None):
    """Rename Wagtail's default workflow and task to their German names (idempotent)."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for english, german in GERMAN_NAMES["workflow"].items():
        Workflow.objects.filter(name=english).update(name=german)
    for english, german in GERMAN_NAMES["task"].items():
        Task.objects.filter(name=english).update(name=german)


def create_editorial_groups(apps, schema_editor):
    create_all_permissions(apps)
    for name, spec in GROUPS.items():
        ensure_group(apps, name, spec)
    ensure_moderation_workflow(apps)
