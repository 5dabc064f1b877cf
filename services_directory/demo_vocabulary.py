"""The seeded need vocabulary: the KIM Handlungsfelder, service types and languages.

The entries are data (``data/demo_vocabulary.json``, key ``need_terms``): slug, links
(service types, topics, target groups, language codes) and, per language, the name and the
everyday words. Written as multipliers and clients type them, not copied from the services'
texts and not translations of the German words, so they are records per language rather
than a gettext catalogue. Editors change all of it in the admin ("Directory" → "Search terms").
"""

from pathlib import Path

from portal.demo import demo_step, load_demo_texts

DATA_FILE = Path(__file__).resolve().parent / "data" / "demo_vocabulary.json"


def vocabulary_data():
    """The demo's vocabulary data (``data/demo_vocabulary.json``)::

    {"facets": {model: {slug: {lang: name}}},
     "need_terms": {slug: {"links": {...}, "names": {lang: {"name": ..., "words": ...}}}}}
    """
    return load_demo_texts(DATA_FILE)


@demo_step(order=25)
def demo_need_vocabulary(context):
    """The German entries with their links (idempotent: looked up by slug)."""
    ensure_need_vocabulary()


def ensure_need_vocabulary():
    """Create the German entries that are missing; links to the vocabularies that exist."""
    from wagtail.models import Locale

    from .models import NeedTerm, ServiceType, TargetGroup, Topic

    german = Locale.get_default()
    for slug, entry in vocabulary_data()["need_terms"].items():
        term = NeedTerm.objects.filter(slug=slug, locale=german).first()
        if term is not None:
            continue
        links, names = entry["links"], entry["names"]["de"]
        term = NeedTerm.objects.create(
            slug=slug,
            locale=german,
            name=names["name"],
            synonyms=names["words"],
            languages=links.get("languages", ""),
        )
        for model, attr, relation in (
            (ServiceType, "types", term.service_types),
            (Topic, "topics", term.topics),
            (TargetGroup, "targets", term.target_groups),
        ):
            if links.get(attr):
                relation.set(model.objects.filter(locale=german, slug__in=links[attr]))


@demo_step(order=1025)
def demo_need_vocabulary_translations(context):
    """Every entry in the six other languages (after the locales exist)."""
    translate_need_vocabulary()


def translate_need_vocabulary():
    from wagtail.models import Locale

    from portal.demo import TRANSLATION_LANGUAGES

    from .models import NeedTerm

    need_terms = vocabulary_data()["need_terms"]
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    for term in NeedTerm.objects.filter(locale=Locale.get_default(), slug__in=need_terms):
        names = need_terms[term.slug]["names"]
        done = set(
            NeedTerm.objects.filter(translation_key=term.translation_key).values_list(
                "locale__language_code", flat=True
            )
        )
        for code in TRANSLATION_LANGUAGES:
            if code in done or code not in locales:
                continue
            translated = term.copy_for_translation(locales[code])
            translated.name, translated.synonyms = names[code]["name"], names[code]["words"]
            translated.save()
