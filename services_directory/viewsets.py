"""Admin listings of the directory's vocabularies (registered in ``wagtail_hooks.py``)."""

import datetime

import django_filters

from django.db.models import Q
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisation, ServicePage, ServiceType, TargetGroup, Topic, Town


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


# --- Services (pages) -----------------------------------------------------------------------


class NotVerifiedFilter(django_filters.BooleanFilter):
    """True: services not verified for six months (or never)."""

    def filter(self, qs, value):
        if value is None:
            return qs
        limit = timezone.localdate() - datetime.timedelta(days=183)
        stale = Q(assured_date__isnull=True) | Q(assured_date__lt=limit)
        return qs.filter(stale) if value else qs.exclude(stale)


class ServiceFilterSet(PageFilterSet):
    towns = django_filters.ModelMultipleChoiceFilter(
        label=_("Town"), queryset=Town.objects.all(), widget=CheckboxSelectMultiple
    )
    service_type = django_filters.ModelChoiceFilter(
        label=_("Service type"), queryset=ServiceType.objects.all()
    )
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"), queryset=Organisation.objects.all()
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ServicePage.Status.choices)
    not_verified = NotVerifiedFilter(label=_("Not verified for 6 months"))

    class Meta:
        model = ServicePage
        fields = []


class ServiceListingViewSet(PageListingViewSet):
    model = ServicePage
    icon = "list-ul"
    menu_label = _("Services")
    menu_order = 240
    add_to_admin_menu = True
    filterset_class = ServiceFilterSet
    columns = [
        *PageListingViewSet.index_view_class.base_columns,
        Column("service_type", label=_("Service type")),
        Column("organisation", label=_("Organisation")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("assured_date", label=_("Last verified"), sort_key="assured_date"),
    ]


service_listing_viewset = ServiceListingViewSet("services")
