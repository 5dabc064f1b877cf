"""Admin registration of the directory's snippets."""

from wagtail.snippets.models import register_snippet

from .viewsets import DirectoryViewSetGroup

register_snippet(DirectoryViewSetGroup)
