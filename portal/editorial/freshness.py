"""The freshness report for editors: what is stale, broken or incomplete.

Sections built here work on ``Page`` and images only (so ``portal`` imports no content
app); apps add their own through the hook ``register_freshness_sections`` (a callable that
takes ``(user, limit)`` and returns a list of :class:`Section`), e.g. the directory's
"services not verified". The admin view (``wagtail_hooks.py``) and the weekly digest
(``manage.py send_editorial_digest``) show the same sections.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from ..privacy import page_visibility, public_pages

STALE_PAGE_DAYS = 365
DEFAULT_LIMIT = 50
# Groups whose members see the report (and Redaktion gets the digest); superusers always.
REPORT_GROUPS = ("Redaktion", "Moderation", "Verzeichnispflege")


@dataclass
class Item:
    label: str
    url: str
    detail: str = ""


@dataclass
class Section:
    key: str
    title: str
    total: int
    items: list = field(default_factory=list)
    more_url: str = ""
    order: int = 100


def user_may_see_report(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=REPORT_GROUPS).exists()
    )


def absolute(url):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url if url.startswith("/") else url


def _edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def stale_pages(user, limit=DEFAULT_LIMIT, today=None):
    """Live public pages whose content has not changed for a year (oldest first)."""
    today = today or timezone.localdate()
    limit_date = timezone.make_aware(
        datetime.datetime.combine(today - datetime.timedelta(days=STALE_PAGE_DAYS), datetime.time())
    )
    changed = Coalesce("last_published_at", "latest_revision_created_at", "first_published_at")
    pages = (
        public_pages(Page.objects.filter(depth__gt=1, alias_of__isnull=True))
        .annotate(changed=changed)
        .filter(changed__lt=limit_date)
        .order_by("changed", "pk")
    )
    items = [
        Item(
            page.title,
            _edit_url(page.pk),
            _("last changed %(date)s") % {"date": f"{page.changed:%d.%m.%Y}"},
        )
        for page in pages[:limit]
    ]
    return Section(
        "stale_pages", _("Pages not changed for 12 months"), pages.count(), items, order=30
    )


def broken_links(user, limit=DEFAULT_LIMIT):
    """Links in live pages (rich text, StreamField, page choosers) to pages that are gone or
    not live. Read from Wagtail's reference index, so one query finds them all."""
    page_type = ContentType.objects.get_for_model(Page)
    live_ids = Page.objects.live().annotate(key=Cast("pk", CharField())).values("key")
    references = (
        ReferenceIndex.objects.filter(base_content_type=page_type, to_content_type=page_type)
        .exclude(to_object_id__in=live_ids)
        .values_list("object_id", "to_object_id")
        .distinct()
        .order_by("object_id", "to_object_id")
    )
    source_ids = {int(source) for source, _target in references}
    sources = {
        page.pk: page
        for page in public_pages(Page.objects.filter(pk__in=source_ids)).only("pk", "title")
    }
    rows = [(sources[int(s)], int(t)) for s, t in references if int(s) in sources]
    is_visible = page_visibility(user)
    targets = {
        page.pk: page
        for page in Page.objects.filter(pk__in={t for _s, t in rows}).only("pk", "title", "path")
    }
    items = []
    for source, target_id in rows[:limit]:
        target = targets.get(target_id)
        if target is None:
            detail = _("links to a deleted page (#%(id)s)") % {"id": target_id}
        elif not is_visible(target):
            detail = _("links to a page that is not published (#%(id)s)") % {"id": target_id}
        else:
            detail = _("links to “%(title)s”, which is not published") % {"title": target.title}
        items.append(Item(source.title, _edit_url(source.pk), detail))
    return Section("broken_links", _("Broken internal links"), len(rows), items, order=40)


def images_without_alt_text(user, limit=DEFAULT_LIMIT):
    """Images whose description (Wagtail's default alt text) is empty."""
    images = get_image_model().objects.filter(Q(description="") | Q(description__isnull=True))
    images = images.order_by("-created_at", "-pk")
    items = [
        Item(image.title, reverse("wagtailimages:edit", args=[image.pk]), "")
        for image in images[:limit]
    ]
    return Section(
        "images_without_alt",
        _("Images without alternative text"),
        images.count(),
        items,
        more_url=reverse("wagtailimages:index"),
        order=50,
    )


def sections(user, limit=DEFAULT_LIMIT):
    result = [
        stale_pages(user, limit),
        broken_links(user, limit),
        images_without_alt_text(user, limit),
    ]
    for hook in hooks.get_hooks("register_freshness_sections"):
        result.extend(hook(user, limit))
    return sorted(result, key=lambda section: section.order)
