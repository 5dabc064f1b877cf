from django.apps import AppConfig


class GroupsConfig(AppConfig):
    """Workspaces of the steering group and the project groups (docs/workspaces.md).

    The admin's permission policies are narrowed for workspaces in ``portal.patches.admin_privacy``.
    """

    name = "groups"

    def ready(self):
        from portal.cache import register_content

        register_content(self.label)
        from . import signal_handlers  # noqa: F401
