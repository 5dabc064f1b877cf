"""Publications: listing filters, search inside files, privacy, feed, citation metadata."""

import json
import re
from xml.etree import ElementTree

import pytest

from wagtail.models import BaseViewRestriction, PageViewRestriction

from home.factories import PublicationPageFactory
from home.models import DocumentText, PublicationFile
from home.pdf import simple_pdf
from tests.home.conftest import make_document, make_docx

SECRET = "Verschlusssache Quarzlampe 4471"
ATOM = "{http://www.w3.org/2005/Atom}"


def _listed(html):
    return re.findall(r'<h2 class="card__title"><a href="/de/publikationen/([^/]+)/">', html)


def test_listing_is_newest_first(client, publications):
    html = client.get("/de/publikationen/").content.decode()
    assert _listed(html) == ["antrag", "jahresbericht-2025", "flyer-beratung", "handlungskonzept"]
    assert "<fieldset>" in html and "<legend>" in html
    for name in ["type", "topic", "year", "language"]:
        assert f'<label for="f-{name}">' in html and f'id="f-{name}" name="{name}"' in html


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "report"}, ["jahresbericht-2025", "handlungskonzept"]),
        ({"topic": "beratung"}, ["jahresbericht-2025", "flyer-beratung"]),
        ({"year": "2025"}, ["antrag", "jahresbericht-2025"]),
        ({"language": "ar"}, ["flyer-beratung"]),
        ({"language": "en", "type": "form"}, ["antrag"]),
        ({"type": "report", "year": "2024"}, []),
        ({"type": "<script>", "year": "zwanzig", "language": "xx"}, None),  # ignored
    ],
)
def test_listing_filters(client, publications, params, expected):
    response = client.get("/de/publikationen/", params)
    assert response.status_code == 200
    html = response.content.decode()
    if expected is None:
        expected = ["antrag", "jahresbericht-2025", "flyer-beratung", "handlungskonzept"]
    assert _listed(html) == expected
    assert "<script>" not in html.split("<main", 1)[1]


def test_listing_paginates(client, publications):
    index, _pages = publications
    for n in range(12):
        PublicationPageFactory(parent=index, slug=f"weitere-{n}", year=2020)
    first = client.get("/de/publikationen/").content.decode()
    assert len(_listed(first)) == 12 and 'rel="next"' in first
    second = client.get("/de/publikationen/", {"page": 2}).content.decode()
    assert len(_listed(second)) == 4
    assert client.get("/de/publikationen/", {"page": "x"}).status_code == 200


def test_text_is_extracted_from_pdf_and_docx(publications):
    doc = make_document("Notiz", make_docx(["Erster Absatz.", "Zweiter Absatz."]), "notiz.docx")
    assert DocumentText.objects.get(document=doc).text == "Erster Absatz.\nZweiter Absatz."
    text = DocumentText.objects.get(document__title="Jahresbericht 2025 de").text
    assert "Inhalt nur im PDF: jahresbericht-2025-de." in text


def test_broken_file_is_logged_and_never_blocks(publications, caplog):
    doc = make_document("Kaputt", b"%PDF-1.7 this is not really a pdf", "kaputt.pdf")
    assert doc.pk
    assert DocumentText.objects.get(document=doc).text == ""
    assert "Text extraction failed" in caplog.text


def test_site_search_finds_a_sentence_only_in_the_pdf(client, publications):
    _index, pages = publications
    page = pages["jahresbericht-2025"]
    sentence = "Die Wartezeit im Mettmanner Lotsenmodell sank auf elf Tage"
    assert sentence not in page.summary and sentence not in page.title
    data = simple_pdf("Jahresbericht 2025", ["Ergebnisse.", sentence + "."])
    document = make_document("Jahresbericht 2025 (neu)", data, "jahresbericht-neu.pdf")
    PublicationFile.objects.create(page=page, language="en", document=document)
    # A file added later (e.g. replaced in the admin) re-indexes the publication.
    document.file.save("jahresbericht-neu-2.pdf", __import__("io").BytesIO(data), save=True)
    html = client.get("/de/suche/", {"q": "Lotsenmodell Wartezeit"}).content.decode()
    assert 'href="/de/publikationen/jahresbericht-2025/"' in html
    html = client.get("/de/suche/", {"q": "flyer-beratung-ar"}).content.decode()
    assert 'href="/de/publikationen/flyer-beratung/"' in html


@pytest.fixture
def private_material(publications, workspace_a, home):
    """A secret PDF in a workspace collection, linked from a public and a restricted page."""
    index, pages = publications
    data = simple_pdf("Protokoll", [f"{SECRET}."])
    secret = make_document("Protokoll", data, "protokoll.pdf", collection=workspace_a.collection)
    # Linked by mistake from a public publication …
    PublicationFile.objects.create(page=pages["antrag"], language="ru", document=secret)
    pages["antrag"].save_revision().publish()
    # … and from a publication that is restricted to the workspace's group.
    hidden = PublicationPageFactory(
        parent=index, slug="intern", title=f"Intern {SECRET}", summary=SECRET, year=2026
    )
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    public_doc = make_document("Intern", simple_pdf("Intern", [SECRET]), "intern.pdf")
    PublicationFile.objects.create(page=hidden, language="de", document=public_doc)
    hidden.save_revision().publish()
    return secret, hidden


@pytest.mark.parametrize("role", ["anonymous", "member_b"])
def test_private_files_and_pages_stay_out_of_listing_feed_and_search(
    role, client_for, private_material
):
    secret, hidden = private_material
    client = client_for(role)
    for url, params in [
        ("/de/suche/", {"q": "Quarzlampe"}),
        ("/de/publikationen/", {}),
        ("/de/publikationen/", {"year": "2026"}),
        ("/de/publikationen/feed/", {}),
        ("/de/publikationen/antrag/", {}),
    ]:
        html = client.get(url, params).content.decode()
        assert "Quarzlampe 4471" not in html, url
        assert "/intern/" not in html, url
        assert secret.url not in html, url
    # The private file's language is neither listed nor offered as a filter.
    html = client.get("/de/publikationen/").content.decode()
    assert 'value="ru"' not in html and '<span lang="ru">' not in html
    assert "antrag" not in client.get("/de/publikationen/", {"language": "ru"}).content.decode()
    assert "search-results" not in client.get("/de/suche/", {"q": "Quarzlampe"}).content.decode()


def test_member_sees_the_restricted_publication(client_for, private_material):
    response = client_for("member_a").get("/de/publikationen/")
    assert "/de/publikationen/intern/" in response.content.decode()
    # Rendered for a member: never stored by a shared cache.
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    feed = client_for("member_a").get("/de/publikationen/feed/")
    assert "/de/publikationen/intern/" in feed.content.decode()
    assert "private" in feed["Cache-Control"]


def test_private_collection_document_is_never_indexed(client, publications, workspace_a):
    data = simple_pdf("Notiz", [f"{SECRET}."])
    make_document("Notiz", data, "notiz.pdf", collection=workspace_a.collection)
    html = client.get("/de/suche/", {"q": "Quarzlampe"}).content.decode()
    assert "search-results" not in html


def test_atom_feed_is_valid(client, publications):
    response = client.get("/de/publikationen/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)  # noqa: S314 (our own output)
    assert feed.tag == f"{ATOM}feed"
    for name in ["id", "title", "updated"]:
        assert feed.find(f"{ATOM}{name}").text, name
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 4
    for entry in entries:
        for name in ["id", "title", "updated"]:
            assert entry.find(f"{ATOM}{name}").text, name
        assert entry.find(f"{ATOM}link").get("href").startswith("http://")
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"


def test_empty_feed_is_still_valid(client, home):
    from home.factories import PublicationIndexPageFactory

    PublicationIndexPageFactory(parent=home)
    feed = ElementTree.fromstring(client.get("/de/publikationen/feed/").content)  # noqa: S314
    assert feed.find(f"{ATOM}updated").text and not feed.findall(f"{ATOM}entry")


def test_publication_has_citation_and_json_ld(client, publications):
    html = client.get("/de/publikationen/jahresbericht-2025/").content.decode()
    assert '<meta name="citation_title" content="Jahresbericht 2025">' in html
    assert '<meta name="citation_publication_date" content="2025">' in html
    assert 'name="citation_pdf_url" content="http://testserver/documents/' in html
    assert 'class="citation"' in html and "<cite>Jahresbericht 2025</cite>" in html
    raw = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    data = json.loads(raw)
    assert data["@type"] == "Report" and data["name"] == "Jahresbericht 2025"
    assert data["datePublished"] == "2025"
    assert data["encoding"][0]["contentUrl"].startswith("http://testserver/documents/")
    flyer = client.get("/de/publikationen/flyer-beratung/").content.decode()
    assert '"@type": "CreativeWork"' in flyer and 'hreflang="ar"' in flyer
