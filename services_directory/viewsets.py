"""Admin listings of the directory's vocabularies (registered in ``wagtail_hooks.py``)."""

import datetime

import django_filters

from django.db.models import Q
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    DirectoryTeamScope,
    GuideCriterion,
    GuideText,
    NeedTerm,
    Organisation,
    ServicePage,
    ServiceReport,
    ServiceType,
    TargetGroup,
    Topic,
    Town,
)


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


class NeedTermViewSet(TaxonomyViewSet):
    """The need vocabulary: everyday words per language that lead to tagged services."""

    model = NeedTerm
    icon = "search"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name", "slug", "synonyms"]


class DirectoryTeamScopeViewSet(SnippetViewSet):
    model = DirectoryTeamScope
    icon = "lock"
    list_display = ["group", "__str__"]


class GuideCriterionViewSet(SnippetViewSet):
    model = GuideCriterion
    icon = "help"
    menu_label = _("Guide questions")
    list_display = ["question", "sort_order", "locale"]
    list_filter = ["locale"]
    ordering = ["sort_order", "pk"]


class GuideTextViewSet(SnippetViewSet):
    model = GuideText
    icon = "doc-full"
    menu_label = _("Guide texts")
    list_display = ["__str__", "locale"]
    list_filter = ["locale"]


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
        NeedTermViewSet,
        DirectoryTeamScopeViewSet,
        GuideCriterionViewSet,
        GuideTextViewSet,
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


class VerifiedFilter(django_filters.ChoiceFilter):
    """Last verified less than 6 months ago, 6–12 months, more than 12 months ago, never."""

    def filter(self, qs, value):
        from .verification import AGE_BUCKETS, age_bucket_q

        if value not in AGE_BUCKETS:
            return qs
        return qs.filter(age_bucket_q(value))


VERIFIED_CHOICES = [
    ("recent", _("less than 6 months ago")),
    ("6-12", _("6 to 12 months ago")),
    ("12+", _("more than 12 months ago")),
    ("never", _("never")),
]


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
    verified = VerifiedFilter(label=_("Last verified"), choices=VERIFIED_CHOICES)

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


# --- Reports on entries (tasks for the directory team) ---------------------------------------


class ServiceReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ServiceReport.Status.choices, empty_label=_("All")
    )
    source = django_filters.ChoiceFilter(label=_("Source"), choices=ServiceReport.Source.choices)

    class Meta:
        model = ServiceReport
        fields = []


class ServiceReportViewSet(ModelViewSet):
    """Notes from providers and visitors; editors work through them and mark them done.

    Reports come from the public forms; the editors' groups get view, change and delete
    permissions (not add).
    """

    model = ServiceReport
    icon = "comment"
    menu_label = _("Reports on entries")
    menu_order = 245
    add_to_admin_menu = True
    url_namespace = "service_reports"
    url_prefix = "directory/reports"
    filterset_class = ServiceReportFilterSet
    list_display = [
        "service",
        Column("message", label=_("Message"), accessor="short_message"),
        "source",
        "status",
        "created_at",
    ]
    list_export = ["service", "source", "message", "reporter_email", "status", "created_at"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    inspect_view_enabled = True


service_report_viewset = ServiceReportViewSet("service_reports")
