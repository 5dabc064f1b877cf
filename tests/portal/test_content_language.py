"""A page that falls back to German marks only its German text with lang="de"; the interface
around it keeps the visitor's language and direction (WCAG 3.1.2), and the language switcher
says which languages the page is not translated into."""

import re
from html.parser import HTMLParser

from django.utils import translation
from django.utils.translation import gettext


class LangOf(HTMLParser):
    """The ``lang`` in force for each piece of text: ``[(lang, text), …]``."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "col", "area", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        self.stack.append(lang if lang is not None else (self.stack[-1] if self.stack else None))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if data.strip() and self.stack:
            self.texts.append((self.stack[-1], data.strip()))


def lang_of(html, text):
    parser = LangOf()
    parser.feed(html)
    return {lang for lang, data in parser.texts if text in data}


def test_an_untranslated_page_marks_only_its_german_text(client, content_page, sync_locale):
    content_page.intro = "Einleitung nur auf Deutsch"
    content_page.save_revision().publish()
    sync_locale("ar")
    html = client.get("/ar/ueber-kim/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert re.search(r"<main [^>]*>", html).group(0) == '<main id="main" tabindex="-1">'
    assert lang_of(html, "Über KIM") >= {"de"}  # the German title, marked
    assert lang_of(html, "Einleitung nur auf Deutsch") == {"de"}
    with translation.override("ar"):
        notice = gettext(
            "This page has not been translated into your language yet. "
            "You are reading the German original."
        )
        skip = gettext("Skip to content")
    assert lang_of(html, notice) == {"ar"}  # interface text stays Arabic
    assert lang_of(html, skip) == {"ar"}


def test_the_switcher_marks_languages_a_page_is_not_translated_into(
    client, content_page, sync_locale, translate
):
    sync_locale("ar")
    translate(content_page, "en", title="About KIM")
    html = client.get("/de/ueber-kim/").content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    english = re.search(r'<li><a [^>]*hreflang="en".*?</li>', switcher).group(0)
    arabic = re.search(r'<li><a [^>]*hreflang="ar".*?</li>', switcher).group(0)
    assert "language-switcher__untranslated" in arabic and "(nicht übersetzt)" in arabic
    assert "untranslated" not in english and "übersetzt" not in english
