"""Site-wide settings: contact details, footer links and the legally required pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


def _legal_page(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="site")
class PortalSettings(ClusterableModel, BaseSiteSetting):
    """Contact block, Impressum/Datenschutz and footer links shown on every page."""

    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        default="Kreis Mettmann – Kommunales Integrationsmanagement (KIM)",
        help_text="Name im Fußbereich und in den Metadaten.",
    )
    street_address = models.CharField(
        _("street address"), max_length=200, blank=True, help_text="Straße und Hausnummer."
    )
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    locality = models.CharField(_("town"), max_length=100, blank=True)
    email = models.EmailField(
        _("e-mail"), default="kim@kreis-mettmann.de", help_text="Öffentliche Kontaktadresse."
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text="Nur eine öffentliche Rufnummer."
    )
    impressum_page = _legal_page(_("legal notice page"), "Impressum (Pflichtangabe nach § 5 DDG).")
    privacy_page = _legal_page(_("privacy page"), "Datenschutzerklärung (Art. 13 DSGVO).")
    accessibility_page = _legal_page(
        _("accessibility statement"), "Erklärung zur Barrierefreiheit (BITV 2.0)."
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("street_address"),
                FieldPanel("postal_code"),
                FieldPanel("locality"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("impressum_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Legal pages"),
        ),
        InlinePanel("footer_links", label=_("Footer links")),
    ]

    class Meta:
        verbose_name = _("portal settings")


class FooterLink(Orderable):
    """One extra link in the footer, to a page of the portal or an outside address."""

    settings = ParentalKey(PortalSettings, related_name="footer_links", on_delete=models.CASCADE)
    label = models.CharField(_("label"), max_length=80)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    url = models.URLField(_("address"), blank=True, help_text="Nur wenn keine Seite gewählt ist.")

    panels = [FieldPanel("label"), FieldPanel("page"), FieldPanel("url")]

    def __str__(self):
        return self.label


class MachineTranslatedPage(models.Model):
    """A live translation whose text is partly machine-translated and not yet reviewed.

    Readers see a "machine-translated" label on such a page. The row is written when a
    translation is published or marked as reviewed (``portal/i18n/status.py``), so
    rendering a page needs no look-up in wagtail-localize's string tables.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    tool_name = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("machine-translated page")

    def __str__(self):
        return f"{self.page_id} ({self.tool_name})"


class ContentVersion(models.Model):
    """A token that changes whenever the content it stands for changes (``portal/cache.py``).

    ``content`` changes with every write to content; apps may register tokens of their own
    (``register_version``). Each process compares tokens instead of sharing a cache; a
    random token (not a counter) stays unique across rolled-back transactions.
    """

    key = models.CharField(max_length=20, primary_key=True)
    token = models.CharField(max_length=32, default="")
    # When the token last changed (the HSDS API's Last-Modified for "directory").
    changed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.key}: {self.token}"
