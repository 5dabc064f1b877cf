"""Site search on a real OpenSearch node: indexing, the German analyzer, other scripts,
PDF text, and the privacy filter with more restricted pages than a query may have clauses."""

import pytest

from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from home.factories import ContentPageFactory

from .conftest import delete_test_indices, node_get, refresh, update_index

pytestmark = pytest.mark.opensearch

MARKER = "GEHEIMMARKER7731"


def results(html):
    """The result list of the search page ("" when it shows none)."""
    if '<ol class="search-results"' not in html:
        return ""
    return html.split('<ol class="search-results"')[1].split("</ol>")[0]


def search(client, query, language="de"):
    response = client.get(f"/{language}/suche/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "vereinfachten Modus" not in html, "answered by the database fallback, not the node"
    return html


def test_node_is_opensearch_2_with_the_modules_the_mapping_needs(live_node):
    assert live_node.startswith("2.19.")
    modules = {
        module["name"]
        for node in node_get("/_nodes/plugins")["nodes"].values()
        for module in node["modules"]
    }
    assert {"analysis-common", "transport-netty4"} <= modules


def test_update_index_fills_an_empty_index(search_index, home, client):
    page = ContentPageFactory(parent=home, title="Sprachkurse in Ratingen", slug="sprachkurse")
    delete_test_indices()  # the node lost its data: the database answers, saying so …
    html = client.get("/de/suche/", {"q": "Sprachkurse"}).content.decode()
    assert "vereinfachten Modus" in html and page.url in results(html)
    update_index()  # … until it is rebuilt
    # (another query: the anonymous page cache still holds the fallback's answer)
    assert page.url in results(search(client, "Sprachkurse Ratingen"))
    mapping = node_get("/kimtest_wagtailcore_page/_mapping")
    (index,) = mapping.values()  # the alias of update_index's atomic rebuild
    assert index["mappings"]["properties"]["title"]["type"] == "text"


def test_german_stemming_through_the_analyzer(search_index, home, client):
    page = ContentPageFactory(
        parent=home, title="Beratungen für Familien", slug="beratungen", intro="Wir beraten."
    )
    refresh()
    for query in ["Beratung", "Beratungen", "Familie"]:
        assert page.url in results(search(client, query)), query


def test_german_compounds_are_split(search_index, home, client):
    page = ContentPageFactory(parent=home, title="Flüchtlingsberatung Velbert", slug="fb")
    other = ContentPageFactory(parent=home, title="Integrationskurse für Frauen", slug="ik")
    refresh()
    assert page.url in results(search(client, "Beratung"))
    assert page.url in results(search(client, "Flüchtlinge"))
    assert other.url in results(search(client, "Kurs"))
    assert other.url not in results(search(client, "Beratung"))


def test_arabic_and_ukrainian_pages(search_index, home, client, translate):
    page = ContentPageFactory(parent=home, title="Sprachberatung", slug="sprachberatung")
    arabic = translate(page, "ar", title="استشارة لغوية في مدينة فيلبرت")
    ukrainian = translate(page, "uk", title="Мовна консультація у Вельберті")
    refresh()
    html = search(client, "استشارة", language="ar")
    assert arabic.url in results(html) and page.url not in results(html)
    assert 'dir="rtl"' in html
    html = search(client, "консультація", language="uk")
    assert ukrainian.url in results(html) and arabic.url not in results(html)
    # Each language searches its own pages only.
    assert results(search(client, "консультація")) == ""


def test_text_only_in_a_pdf_is_found(search_index, publications, client):  # noqa: F811
    _index, pages = publications
    refresh()
    html = search(client, "jahresbericht-2025-de")
    assert pages["jahresbericht-2025"].url in results(html)
    html = search(client, "Inhalt PDF flyer-beratung-ar")
    assert pages["flyer-beratung"].url in results(html)


RESTRICTED = 1_100  # more than the node's default limit of 1,024 clauses in one query


@pytest.fixture
def many_restricted_pages(search_index, home, workspace_a):
    """1,100 pages beside each other, each restricted to workspace A by its own row.

    Written in bulk (treebeard paths by hand) and indexed with update_index: saving them
    one by one takes minutes.
    """
    import uuid

    from django.contrib.contenttypes.models import ContentType

    from portal.cache import bump_content_version

    home.refresh_from_db()
    step = home.steplen
    first = home.numchild + 1
    pages = Page.objects.bulk_create(
        Page(
            title=f"Protokoll {number} {MARKER}",
            draft_title=f"Protokoll {number} {MARKER}",
            slug=f"protokoll-{number}",
            path=home.path + home._int2str(first + number).rjust(step, "0"),
            depth=home.depth + 1,
            url_path=f"{home.url_path}protokoll-{number}/",
            live=True,
            has_unpublished_changes=False,
            content_type=ContentType.objects.get_for_model(Page),
            locale_id=home.locale_id,
            translation_key=uuid.uuid4(),
        )
        for number in range(RESTRICTED)
    )
    Page.objects.filter(pk=home.pk).update(numchild=first - 1 + RESTRICTED)
    restrictions = PageViewRestriction.objects.bulk_create(
        PageViewRestriction(page=page, restriction_type=BaseViewRestriction.GROUPS)
        for page in pages
    )
    through = PageViewRestriction.groups.through
    through.objects.bulk_create(
        through(pageviewrestriction_id=row.pk, group_id=workspace_a.group.pk)
        for row in restrictions
    )
    bump_content_version()
    home.refresh_from_db()
    public = ContentPageFactory(parent=home, title=f"Öffentlich {MARKER}", slug="oeffentlich")
    update_index()
    return pages, public


def test_privacy_filter_beyond_the_clause_limit(client_for, many_restricted_pages):
    pages, public = many_restricted_pages
    assert Page.objects.filter(title__contains=MARKER).count() == RESTRICTED + 1
    for role in ["anonymous", "member_b", "editor"]:
        html = search(client_for(role), MARKER)
        assert public.url in results(html), role
        assert "Protokoll" not in results(html) and "/protokoll-" not in html, role
    # A member of the workspace finds its pages (the same filter, built for her groups).
    html = search(client_for("member_a"), f"Protokoll 17 {MARKER}")
    assert pages[17].url in results(html)
