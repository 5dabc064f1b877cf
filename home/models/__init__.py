"""Models of the public site, re-exported so that ``home.models.X`` keeps working."""

from .documents import DocumentText
from .handbooks import HandbookChapterPage, HandbookEditionPage, HandbookPage
from .pages import ContentPage, HomePage
from .publications import (
    PublicationFile,
    PublicationIndexPage,
    PublicationPage,
    PublicationTopic,
    PublicationType,
)

__all__ = [
    "ContentPage",
    "DocumentText",
    "HandbookChapterPage",
    "HandbookEditionPage",
    "HandbookPage",
    "HomePage",
    "PublicationFile",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationTopic",
    "PublicationType",
]
