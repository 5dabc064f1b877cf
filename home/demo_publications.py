"""Demo handbook and publications (example data written from the KIM concept).

The texts are in ``data/demo_publications.json``: the handbook's title and introduction, the
chapters of the first edition, what the second edition adds (a chapter on the steering
group, a paragraph on the online directory) and the publications with the paragraphs of
their files per language. This module assembles the editions; ``demo.py`` registers the
step. Every text is example data ("Beispieldaten") and says so.
"""

from pathlib import Path

from portal.demo import load_demo_texts

DATA = load_demo_texts(Path(__file__).resolve().parent / "data" / "demo_publications.json")
HANDBOOK_TITLE = DATA["handbook"]["title"]
HANDBOOK_INTRO = DATA["handbook"]["intro"]
CHAPTERS_1 = DATA["chapters"]


def _edition_2_chapters():
    chapters = [dict(spec) for spec in CHAPTERS_1]
    finder = next(c for c in chapters if c["slug"] == "richtige-stelle-finden")
    finder["body"] = list(finder["body"]) + DATA["finder_addition"]
    chapters.insert(4, DATA["lenkung_chapter"])
    return chapters


_SUMMARIES = {edition["number"]: edition["summary"] for edition in DATA["editions"]}
EDITIONS = [(1, _SUMMARIES[1], CHAPTERS_1), (2, _SUMMARIES[2], _edition_2_chapters())]

# slug, title, type, topic, year, summary, {language: [paragraphs of the file]}
PUBLICATIONS = DATA["publications"]
