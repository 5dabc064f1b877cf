"""The service directory ("Beratung finden")."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class ServiceDirectoryPage(Page):
    """The directory of counselling services for migrants and refugees in the ten towns."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text="Erklärt kurz, wofür das Verzeichnis da ist."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("service directory")
