"""Admin listings of the directory's vocabularies (registered in ``wagtail_hooks.py``)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, ServiceType, TargetGroup, Topic, Town


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    ordering = ["name"]
    list_per_page = 50


class TownViewSet(TaxonomyViewSet):
    model = Town
    icon = "site"


class ServiceTypeViewSet(TaxonomyViewSet):
    model = ServiceType
    icon = "tag"
    list_display = ["name", "abbreviation", "slug", "locale"]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "list-ul"
    list_display = ["name", "kind", "slug", "locale"]
    list_filter = ["kind", "locale"]


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "group"


class OrganisationViewSet(TaxonomyViewSet):
    model = Organisation
    icon = "home"
    list_display = ["name", "slug", "website", "locale"]


class DirectoryViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (
        TownViewSet,
        ServiceTypeViewSet,
        TopicViewSet,
        TargetGroupViewSet,
        OrganisationViewSet,
    )
