from django.apps import AppConfig


class GroupsConfig(AppConfig):
    """Workspaces of the steering group and the project groups (docs/workspaces.md)."""

    name = "groups"

    def ready(self):
        from . import signal_handlers  # noqa: F401
        from .permissions import narrow_document_permission_policy, narrow_page_permission_policy

        narrow_document_permission_policy()
        narrow_page_permission_policy()
