"""StreamField blocks for free-form page bodies, shared by every content app."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .privacy import document_is_visible, page_is_visible


class HeadingValue(blocks.StructValue):
    """A heading's value with ``anchor``, the id its section is linked by."""

    @property
    def anchor(self):
        text = self.get("text") or ""
        # ASCII slugs keep existing links stable; other scripts (Arabic, Cyrillic) keep theirs.
        return slugify(text) or slugify(text, allow_unicode=True) or "abschnitt"


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 so the outline under the page's h1 stays valid."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))],
        default="h2",
        label=_("Level"),
        help_text="Ebene 2 für Abschnitte, Ebene 3 für Unterabschnitte.",
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        value_class = HeadingValue


class ImageBlock(blocks.StructBlock):
    """An image whose alternative text is required (BITV 2.0)."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text="Beschreibt das Bild für Menschen, die es nicht sehen. Pflichtfeld.",
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    """A quotation with an optional source."""

    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A highlighted box leading to one page or address."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(
        label=_("Page"), required=False, help_text="Ziel im Portal (oder unten eine Adresse)."
    )
    url = blocks.URLBlock(label=_("Address"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action_block.html"

    def get_context(self, value, parent_context=None):
        """``target_visible``: a chosen page the visitor may not see is not linked (#15)."""
        context = super().get_context(value, parent_context=parent_context)
        page = value.get("page")
        request = (parent_context or {}).get("request")
        context["target_visible"] = bool(
            page is None or (request is not None and page_is_visible(request, page))
        )
        return context

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            from django.forms.utils import ErrorList

            raise blocks.StructBlockValidationError(
                block_errors={"page": ErrorList([_("Choose a page or enter an address.")])}
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document, served through Wagtail's permission-checking view."""

    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"), required=False, max_length=200, help_text="Leer: Titel des Dokuments."
    )

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link_block.html"

    def get_context(self, value, parent_context=None):
        """``target_visible``: a private document's title is never printed (#15)."""
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        context["target_visible"] = request is not None and document_is_visible(
            request, value.get("document")
        )
        return context


class BodyBlock(blocks.StreamBlock):
    """The body of content pages: headings, text, images, quotes, calls to action, files."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="components/blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
