"""The demo step: a handbook in two editions and six publications found by their PDFs."""

from home.demo import demo_handbook_and_publications
from home.demo_publications import PUBLICATIONS
from home.models import HandbookEditionPage, PublicationPage


def test_demo_handbook_and_publications(home, client):
    context = {"home": home}
    demo_handbook_and_publications(context)
    demo_handbook_and_publications(context)  # idempotent
    editions = HandbookEditionPage.objects.live().order_by("edition_number")
    assert [e.slug for e in editions] == ["ausgabe-1", "ausgabe-2"]
    assert all(e.get_children().live().count() >= 5 for e in editions)
    assert editions[1].change_summary
    assert PublicationPage.objects.live().count() == len(PUBLICATIONS) >= 6
    kinds = set(PublicationPage.objects.values_list("publication_type", flat=True))
    assert kinds == {"report", "flyer", "brochure", "presentation", "form"}
    # Each publication is found by its last sentence, which appears only inside its PDF.
    for slug, _title, _kind, _topic, _year, summary, files in PUBLICATIONS:
        sentence = files["de"][-1]
        assert sentence not in summary
        words = " ".join(w.strip(".,") for w in sentence.split()[-4:])
        html = client.get("/de/suche/", {"q": words}).content.decode()
        assert f'href="/de/publikationen/{slug}/"' in html, (slug, words)
    assert client.get("/de/handbuch/ausgabe-2/pdf/")["Content-Type"] == "application/pdf"
