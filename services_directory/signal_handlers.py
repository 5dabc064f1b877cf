"""Tell every process that the directory's data changed (see ``directory.get_index``);
give Verzeichnispflege its permissions on a new directory page (``editorial.py``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import page_published, page_unpublished

from .models import (
    DirectoryVersion,
    Organisation,
    ServiceDirectoryPage,
    ServiceLanguage,
    ServiceLocation,
    ServicePage,
    ServiceSchedule,
    ServiceType,
    TargetGroup,
    Topic,
    Town,
)

WATCHED = [
    ServicePage,
    ServiceLanguage,
    ServiceLocation,
    ServiceSchedule,
    Town,
    ServiceType,
    Topic,
    TargetGroup,
    Organisation,
]


def bump(sender, **kwargs):
    if kwargs.get("raw") or kwargs.get("action", "post_").startswith("pre_"):
        return
    DirectoryVersion.bump()


def bump_for_page(sender, instance, **kwargs):
    if isinstance(instance, ServicePage) or issubclass(sender, ServicePage):
        DirectoryVersion.bump()


def register():
    for model in WATCHED:
        post_save.connect(bump, sender=model, dispatch_uid=f"directory-save-{model.__name__}")
        post_delete.connect(bump, sender=model, dispatch_uid=f"directory-del-{model.__name__}")
    for relation in (ServicePage.towns, ServicePage.topics, ServicePage.target_groups):
        m2m_changed.connect(
            bump, sender=relation.through, dispatch_uid=f"directory-m2m-{relation.field.name}"
        )
    from .editorial import grant_directory_page

    post_save.connect(
        grant_directory_page, sender=ServiceDirectoryPage, dispatch_uid="directory-team-pages"
    )
    # Privacy changes alter what the HSDS API may show (its ETag/Last-Modified follow).
    from wagtail.models import PageViewRestriction

    for signal in (post_save, post_delete):
        signal.connect(
            bump, sender=PageViewRestriction, dispatch_uid=f"directory-restriction-{id(signal)}"
        )
    m2m_changed.connect(
        bump, sender=PageViewRestriction.groups.through, dispatch_uid="directory-restriction-groups"
    )
    page_published.connect(bump_for_page, dispatch_uid="directory-published")
    page_unpublished.connect(bump_for_page, dispatch_uid="directory-unpublished")
