"""Admin views of the portal: the freshness report for editors (freshness.py) and the
editing help for Leichte Sprache."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .editorial.freshness import sections, user_may_see_report


class FreshnessReportView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Freshness")
    page_subtitle = _("stale, broken or incomplete content")
    header_icon = "time"
    template_name = "portal/admin/freshness.html"

    def dispatch(self, request, *args, **kwargs):
        if not user_may_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = sections(self.request.user)
        return context


class EasyLanguageHelpView(WagtailAdminTemplateMixin, TemplateView):
    """Editing help "Leichte Sprache": the checklist for pages of the de-ls locale."""

    page_title = _("Leichte Sprache: checklist")
    header_icon = "help"
    template_name = "portal/admin/easy_language_help.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        from django.conf import settings
        from django.urls import reverse

        from wagtail.models import Page

        context = super().get_context_data(**kwargs)
        context["status_url"] = (
            reverse("portal_translation_status") + f"?language={settings.EASY_LANGUAGE}"
        )
        context["easy_pages"] = Page.objects.filter(
            locale__language_code=settings.EASY_LANGUAGE, alias_of__isnull=True
        ).count()
        return context


easy_language_help = EasyLanguageHelpView.as_view()
