"""References an author may not make: pages, documents and images they may not choose.

Wagtail's choosers hide workspace pages and restricted documents from outsiders, but a saved
form only carries ids, and Wagtail never checks them: a crafted request could link a public
page to a private meeting or document. ``add_reference_errors`` (run by the patched page
form, ``portal.patches.admin_privacy``) refuses such a save with a form error.

Rendering is guarded as well: ``portal.templatetags`` filters print no title of a target
the visitor may not see (``visible_target``).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from wagtail.models import Page

from ..privacy import document_visibility, page_visibility


def _chooser_kind(model):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    if issubclass(model, Page):
        return "page"
    if issubclass(model, get_document_model()):
        return "document"
    if issubclass(model, get_image_model()):
        return "image"
    return None


def _field_references(form):
    """``(model, pk)`` of every page, document or image the form's cleaned data names."""
    from django.db.models import Model

    model = form._meta.model
    for name, value in (getattr(form, "cleaned_data", None) or {}).items():
        if value is None:
            continue
        try:
            field = model._meta.get_field(name)
        except Exception:
            field = None
        if isinstance(value, Model):
            yield type(value), value.pk
        elif field is not None and hasattr(field, "extract_references"):
            try:
                for target_model, object_id, _path, _content_path in field.extract_references(
                    value
                ):
                    yield target_model, object_id
            except (TypeError, ValueError, AttributeError):
                continue
    for formset in getattr(form, "formsets", {}).values():
        for child in formset.forms:
            if getattr(child, "cleaned_data", None) and not child.cleaned_data.get("DELETE"):
                yield from _field_references(child)


def forbidden_references(form, user):
    """The references in ``form`` that ``user`` may not choose, as ``(kind, pk)``."""
    if user.is_active and user.is_superuser:
        return []
    page_visible = None
    document_visible = None
    refused = []
    for model, pk in _field_references(form):
        kind = _chooser_kind(model)
        if kind is None or pk in (None, ""):
            continue
        try:
            target = model._default_manager.get(pk=pk)
        except (ObjectDoesNotExist, ValueError, TypeError):
            refused.append((kind, pk))
            continue
        if kind == "page":
            if page_visible is None:
                page_visible = page_visibility(user)
            if not page_visible(target):
                refused.append((kind, pk))
        else:
            if document_visible is None:
                document_visible = document_visibility(user)
            if not document_visible(target):
                refused.append((kind, pk))
    return refused


def add_reference_errors(form, user):
    """Add a form error for each forbidden reference; return whether the form is still valid."""
    refused = forbidden_references(form, user)
    if not refused:
        return True
    names = {
        "page": _("a page"),
        "document": _("a document"),
        "image": _("an image"),
    }
    kinds = sorted({kind for kind, _pk in refused})
    form.add_error(
        None,
        _(
            "This content links to %(what)s that you may not use here (private or removed). "
            "Please choose another one."
        )
        % {"what": ", ".join(str(names[kind]) for kind in kinds)},
    )
    return False
