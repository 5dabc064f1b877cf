"""Tell every process that the directory's data changed (see ``directory.get_index``);
give Verzeichnispflege its permissions on a new directory page (``editorial.py``)."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import page_published, page_unpublished

from .models import (
    DirectoryVersion,
    NeedTerm,
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
    NeedTerm,
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
    for relation in (
        ServicePage.towns,
        ServicePage.topics,
        ServicePage.target_groups,
        NeedTerm.topics,
        NeedTerm.service_types,
        NeedTerm.target_groups,
    ):
        uid = f"directory-m2m-{relation.field.model.__name__}-{relation.field.name}"
        m2m_changed.connect(bump, sender=relation.through, dispatch_uid=uid)
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


# --- A renamed term changes what finds its services ----------------------------------------
# Services keep their searchable text folded in their own columns (``refresh_search_text``),
# which includes the names of their type, organisation, topics, target groups and towns.
# Renaming a term therefore refolds the services that use it (live rows and every language).

TERM_RELATIONS = {
    ServiceType: "service_type",
    Organisation: "organisation",
    Topic: "topics",
    TargetGroup: "target_groups",
    Town: "towns",
}


def refold_services_of_term(sender, instance, created=False, raw=False, **kwargs):
    if created or raw:
        return
    relation = TERM_RELATIONS[sender]
    services = list(
        ServicePage.objects.filter(**{relation: instance})
        .select_related("service_type", "organisation")
        .prefetch_related("topics", "target_groups", "towns", "locations")
    )
    for service in services:
        service.refresh_search_text()
    ServicePage.objects.bulk_update(services, ["search_name", "search_text"], batch_size=500)


def register_refolding():
    for model in TERM_RELATIONS:
        post_save.connect(
            refold_services_of_term, sender=model, dispatch_uid=f"directory-refold-{model.__name__}"
        )
