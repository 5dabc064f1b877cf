"""The translation status report: translated / outdated / machine-translated / missing."""

import pytest

from django.urls import reverse

from home.factories import ContentPageFactory

URL = "/admin/translations/"


def _cell(html, page_title, code):
    row = html.split(f">{page_title}</a></th>")[1].split("</tr>")[0]
    return row.split(f'data-language="{code}" data-status="')[1].split('"')[0]


def _total(html, code, status):
    foot = html.split("<tfoot>")[1]
    cell = foot.split(f'<td data-language="{code}">')[1].split("</td>")[0]
    return int(cell.split(f'data-total="{status}">')[1].split("<")[0])


@pytest.fixture
def pages(home, content_page, translate):
    outdated = ContentPageFactory(parent=home, title="Sprachkurse", slug="sprachkurse")
    translate(content_page, "en", title="About KIM")
    translate(outdated, "en", title="Language courses")
    outdated.intro = "Neue Kurse ab März."
    outdated.save_revision().publish()  # the German page changes after translation
    return content_page, outdated


def test_status_of_every_page_and_language(pages, sync_locale, client_for):
    sync_locale("ar")
    response = client_for("editor").get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert _cell(html, "Über KIM", "en") == "translated"
    assert _cell(html, "Sprachkurse", "en") == "outdated"
    assert _cell(html, "Über KIM", "ar") == "missing"  # an alias shows German
    assert _cell(html, "Über KIM", "tr") == "missing"  # not even an alias
    assert _total(html, "en", "translated") == 1 and _total(html, "en", "outdated") == 1
    german_pages = html.count('<th scope="row"><a href="/admin/pages/')
    # home, two content pages, workspace index; the two workspaces are hidden from an editor
    # who is not a member (issue #15: no admin report lists a workspace to outsiders).
    assert german_pages == 4
    assert _total(html, "ar", "missing") == german_pages


def test_filter_by_language_and_status(pages, client_for):
    html = client_for("editor").get(URL, {"language": "en", "status": "outdated"}).content.decode()
    assert "Sprachkurse" in html and ">Über KIM</a>" not in html
    assert 'data-language="ar"' not in html


def test_bad_filter_input_is_a_form_error_not_a_500(pages, client_for):
    response = client_for("editor").get(URL, {"language": "xx", "status": "<b>"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and 'class="errorlist"' in html


def test_machine_translation_state_is_shown(pages, client_for):
    html = client_for("editor").get(URL).content.decode()
    section = html.split('id="mt-heading"')[1].split("</section>")[0]
    assert "Dummy" in section  # the dummy translator's name ("Dummy translator")
    assert "DEEPL_API_KEY" not in section


@pytest.mark.parametrize("role", ["anonymous", "member_a"])
def test_report_is_for_editors_only(pages, client_for, role):
    response = client_for(role).get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_report_lists_no_page_the_user_cannot_explore(pages, workspace_a, client_for, users):
    from django.contrib.auth.models import Group

    from wagtail.models import GroupPagePermission

    # A limited editor group that may only work below "Über KIM".
    group = Group.objects.create(name="Redaktion Über KIM")
    group.permissions.add(*Group.objects.get(name="Editors").permissions.all())
    from django.contrib.auth.models import Permission

    GroupPagePermission.objects.create(
        group=group, page=pages[0], permission=Permission.objects.get(codename="change_page")
    )
    limited = users["member_b"]
    limited.is_staff = True
    limited.save()
    limited.groups.add(group)
    client = client_for("member_b")
    html = client.get(URL).content.decode()
    assert "Über KIM" in html
    assert workspace_a.title not in html and "Sprachkurse" not in html


def test_report_queries_stay_constant(home, client_for, translate):
    client = client_for("editor")
    client.get(URL)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for n in range(15):
        page = ContentPageFactory(parent=home, title=f"Seite {n}", slug=f"seite-{n}")
        translate(page, "en", title=f"Page {n}")
    client.get(URL)  # the set of machine-translated pages is cached again after the changes
    with CaptureQueriesContext(connection) as many:
        assert "Seite 14" in client.get(URL).content.decode()
    import difflib

    a = [q["sql"][:120] for q in few.captured_queries]
    b = [q["sql"][:120] for q in many.captured_queries]
    assert len(many) == len(few), "\n".join(difflib.unified_diff(a, b, lineterm=""))


def test_menu_item_in_reports(home, client_for):
    html = client_for("editor").get(reverse("wagtailadmin_home")).content.decode()
    assert URL in html


def test_report_says_when_machine_translation_is_off_or_partial(pages, client_for):
    from django.test import override_settings

    client = client_for("editor")
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None):
        html = client.get(URL).content.decode()
    section = html.split('id="mt-heading"')[1].split("</section>")[0]
    assert "DEEPL_API_KEY" in section
    deepl = {"CLASS": "portal.i18n.machine.DeepLTranslator", "OPTIONS": {"AUTH_KEY": "k"}}
    with override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=deepl):
        html = client.get(URL).content.decode()
    section = html.split('id="mt-heading"')[1].split("</section>")[0]
    offered, refused = section.split("<strong>")[0], section.split("<strong>")[1]
    assert "DeepL" in offered and "العربية" in offered and "فارسی" not in offered
    assert "فارسی" in refused
