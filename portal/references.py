"""References an author may not make: pages, documents and images they may not choose.

Wagtail's choosers hide workspace pages and restricted documents from outsiders, but a saved
form only carries ids, and Wagtail never checks them: a crafted request could link a public
page to a private meeting or document. ``add_reference_errors`` (run by the patched page
form, ``portal.wagtail_patches``) refuses such a save with a form error.

Rendering is guarded as well: ``portal.templatetags`` filters print no title of a target
the visitor may not see (``visible_target``).
"""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from wagtail.models import Page

from .privacy import hidden_collection_paths, hidden_paths


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
    page_paths = None
    collection_paths = None
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
            if page_paths is None:
                page_paths = hidden_paths(user)
            if any(target.path.startswith(path) for path in page_paths):
                refused.append((kind, pk))
        else:
            if collection_paths is None:
                collection_paths = hidden_collection_paths(user)
            collection_path = target.collection.path if target.collection_id else ""
            if any(collection_path.startswith(path) for path in collection_paths):
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
