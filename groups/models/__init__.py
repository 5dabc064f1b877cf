"""Workspace models, re-exported by name (docs/workspaces.md)."""

from .meetings import (
    ActionItem,
    AgendaItem,
    Decision,
    MeetingPage,
    MeetingPageForm,
    meetings_of,
    validate_documents_in_collection,
    workspace_overview,
)
from .members import (
    CalendarToken,
    MemberProfile,
    MinutesNotification,
    _new_token,  # noqa: F401  (named in migration 0002)
)
from .workspaces import (
    WorkspaceIndexPage,
    WorkspacePage,
    WorkspacePermissionTester,
    WorkspaceTreeMixin,
)

__all__ = [
    "ActionItem",
    "AgendaItem",
    "CalendarToken",
    "Decision",
    "MeetingPage",
    "MeetingPageForm",
    "MemberProfile",
    "MinutesNotification",
    "WorkspaceIndexPage",
    "WorkspacePage",
    "WorkspacePermissionTester",
    "WorkspaceTreeMixin",
    "meetings_of",
    "validate_documents_in_collection",
    "workspace_overview",
]
