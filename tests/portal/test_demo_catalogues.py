"""The demo's translation catalogues (docs/demo.md) are complete, and read the way the demo
uses them: German string → translations in ``TRANSLATION_LANGUAGES`` order."""

import json
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from portal.demo import DATA_DIR, TRANSLATION_LANGUAGES, demo_catalogue
from portal.i18n.catalogues import problems_in

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = [DATA_DIR, ROOT / "home" / "data", ROOT / "services_directory" / "data"]


def msgids(path):
    with path.open("rb") as handle:
        return {message.id for message in read_po(handle, domain="demo") if message.id}


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda folder: folder.parent.name)
def test_every_language_translates_every_demo_string(folder):
    catalogues = {
        code: folder / "locale" / code / "LC_MESSAGES" / "demo.po" for code in TRANSLATION_LANGUAGES
    }
    assert all(path.exists() for path in catalogues.values()), catalogues
    english = msgids(catalogues["en"])
    assert english
    for code, path in catalogues.items():
        assert msgids(path) == english, code
        with path.open("rb") as handle:
            assert problems_in(read_po(handle, locale=code, domain="demo"), path) == []


def test_catalogue_maps_german_to_each_language_in_order():
    table = demo_catalogue(ROOT / "services_directory" / "data")
    # A shared string from the portal's catalogue, and one of the directory's own.
    assert table["Beratung finden"] == (
        "Find counselling",
        "العثور على استشارة",
        "یافتن مشاوره",
        "Danışmanlık bul",
        "Знайти консультацію",
        "Найти консультацию",
    )
    jmd = table["JMD Mettmann"]
    assert jmd[TRANSLATION_LANGUAGES.index("fa")] == "خدمات مهاجرت جوانان در Mettmann"
    assert jmd[TRANSLATION_LANGUAGES.index("uk")] == "Молодіжна міграційна служба Меттман"


def test_a_language_without_an_entry_leaves_the_string_german(tmp_path):
    """A msgstr missing in one language is None there (the page keeps the German text)."""
    for code, text in [("en", "Only English"), ("ar", "")]:
        path = tmp_path / "locale" / code / "LC_MESSAGES" / "demo.po"
        path.parent.mkdir(parents=True)
        path.write_text(f'msgid ""\nmsgstr ""\n\nmsgid "Nur Deutsch"\nmsgstr "{text}"\n')
    table = demo_catalogue(tmp_path)
    assert table["Nur Deutsch"] == ("Only English", None, None, None, None, None)


def test_vocabulary_data_names_every_language():
    data = json.loads((ROOT / "services_directory" / "data" / "demo_vocabulary.json").read_text())
    for model, terms in data["facets"].items():
        for slug, names in terms.items():
            assert set(names) == set(TRANSLATION_LANGUAGES) and all(names.values()), (model, slug)
    for slug, entry in data["need_terms"].items():
        assert set(entry["names"]) == {"de", *TRANSLATION_LANGUAGES}, slug
        assert all(n["name"] and n["words"] for n in entry["names"].values()), slug


def test_closure_reasons_are_demo_strings_of_every_language():
    """The reasons of ``services_directory/data/demo_closures.json`` are German example text
    with a translation in each language's ``demo.po``."""
    from services_directory.demo_closures import CLOSURES

    table = demo_catalogue(ROOT / "services_directory" / "data")
    reasons = [record["reason"] for record in CLOSURES if record["reason"]]
    assert len(reasons) == 2
    for reason in reasons:
        assert reason.endswith("(Beispiel)"), reason
        translations = table.get(reason)
        assert translations is not None and None not in translations, reason
