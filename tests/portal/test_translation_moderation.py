"""A translation goes through moderation: nothing reaches readers before approval."""

from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

INTRO = "Die Beratung ist kostenlos und vertraulich."
ARABIC = "الاستشارة مجانية وسرية."


def test_translation_waits_for_moderation(content_page, sync_locale, client_for):
    content_page.intro = INTRO
    content_page.save_revision().publish()
    sync_locale("ar")
    editor, anonymous = client_for("editor"), client_for("anonymous")
    arabic = Locale.objects.get(language_code="ar")

    # The editor starts the translation in the admin ("Translate this page").
    response = editor.post(
        reverse("wagtail_localize:submit_page_translation", args=[content_page.pk]),
        {"locales": [arabic.pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(target_locale=arabic)
    source = TranslationSource.objects.get(pk=translation.source_id)
    segment = source.stringsegment_set.get(context__path="intro")
    StringTranslation.objects.create(
        translation_of_id=segment.string_id,
        context_id=segment.context_id,
        locale=arabic,
        data=ARABIC,
        translation_type="manual",
    )
    translation.save_target(publish=False)  # the translation editor's "Save draft"
    page = Page.objects.get(pk=translation.get_target_instance().pk).specific
    html = anonymous.get("/ar/ueber-kim/").content.decode()
    assert ARABIC not in html and INTRO in html
    # Still the German text, and readers are told so (no hreflang for it yet either).
    assert '<main id="main" tabindex="-1">' in html and '<h1 lang="de" dir="ltr">' in html
    assert 'class="notice" role="note"' in html and 'hreflang="ar" href=' not in html
    assert page.get_latest_revision().as_object().intro == ARABIC
    assert page.live and page.has_unpublished_changes

    # A moderator approves: now readers see the translation.
    page.get_latest_revision().publish()
    html = anonymous.get("/ar/ueber-kim/").content.decode()
    assert ARABIC in html and 'class="notice" role="note"' not in html
    assert '<main id="main" tabindex="-1">' in html and '<h1 lang="de"' not in html

    # A later draft of the live translation stays a draft too.
    StringTranslation.objects.filter(locale=arabic).update(data="نص جديد لم تتم الموافقة عليه.")
    translation.save_target(publish=False)
    html = anonymous.get("/ar/ueber-kim/").content.decode()
    assert ARABIC in html and "نص جديد" not in html


def test_status_view_calls_an_unapproved_translation_missing(content_page, sync_locale, client_for):
    sync_locale("ar")
    arabic = Locale.objects.get(language_code="ar")
    source, _created = TranslationSource.get_or_create_from_instance(content_page)
    Translation.objects.create(source=source, target_locale=arabic).save_target(publish=False)
    report = client_for("editor").get("/admin/translations/", {"language": "ar"}).content.decode()
    row = report.split(">Über KIM</a></th>")[1].split("</tr>")[0]
    assert 'data-status="missing"' in row
