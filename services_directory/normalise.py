"""Words as users type them, in seven languages: normalisation, stop words and stems.

Both the services' text and the query go through :func:`words`, so every variant a visitor
may type meets the stored one:

- German: umlauts and ß folded as before (``text.fold``: "Fluechtling" = "Flüchtling").
- Arabic: diacritics dropped, أ/إ/آ → ا (by ``fold``), ة → ه, ى → ي, tatweel removed, the
  article ال (also وال, بال, لل) stripped from longer words.
- Persian: ی/ي and ک/ك unified, the zero-width non-joiner joins the word ("می‌خواهم").
- Turkish: İ and ı → i.  Ukrainian/Russian: lower case, ё → е, й → и (by ``fold``).
- Arabic-Indic and Persian digits → 0–9 (ages and postcodes typed on phones).

Stems come from Snowball (``snowballstemmer``): German, English and Turkish for Latin
script, Russian for Cyrillic (also the closest Snowball has for Ukrainian), Arabic and
Persian for Arabic script. A word yields its own form plus the stems of its script's
languages; matching (``matching.py``) accepts any of them.
"""

from functools import lru_cache

import snowballstemmer

from .text import fold

_PRE = str.maketrans(
    {
        "ة": "ه",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
        "ı": "i",
        "ـ": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner inside Persian words
        **{chr(0x0660 + n): str(n) for n in range(10)},
        **{chr(0x06F0 + n): str(n) for n in range(10)},
    }
)
_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")

STOP_WORDS = {
    "de": "ich du er sie es wir ihr man suche suchen sucht gesucht brauche brauchen braucht "
    "benotigt benotige mochte mochten will wollen hilfe helfen unterstutzung fur mit und oder "
    "in im am an auf aus bei beim von vom zu zum zur nach uber der die das den dem des ein "
    "eine einen einem einer eines mein meine meinen meinem meiner sein seine ihre ihren ist "
    "sind hat haben wo wer wie was welche welcher kann konnen gibt es bitte frau mann kind "
    "person jemand jemanden finden etwas hier dort sich noch auch nicht kein keine",
    "en": "i im me my we our you he she it they their a an the for with and or in at on of "
    "to from by about need needs needed want wants looking look search searching find help "
    "helps support someone somebody who what where which how is are am be can please person "
    "woman man child client get",
    "ar": "في من على الى عن مع و انا انه هو هي نحن ابحث ابحث اريد احتاج يحتاج تحتاج بحاجه "
    "مساعده ل لي عندي هل ما اين كيف شخص امراه رجل يريد تريد",
    "fa": "من در به براي با و از كه را مي ميخواهم ميخوام كمك دنبال هستم يك است او ما "
    "نياز دارم دارد كجا چطور",
    "tr": "ben sen o biz bir icin ile ve veya de da bana yardim ariyorum ariyor istiyorum "
    "lazim gerek gerekiyor hakkinda nerede nasil kim bu su",
    "uk": "я ти він вона ми ви шукаю шукає потрібна потрібно потрібен допомога допомогти "
    "для з із у в на і и та до мені про як де хто що",
    "ru": "я ты он она мы вы ищу ищет нужна нужно нужен помощь помочь для с со в во на и "
    "по к ко мне о об как где кто что",
}


# What every service of the directory offers: dropped when a query has other words too.
GENERIC_WORDS = (
    "beratung beratungsstelle beraten counselling counseling advice service services "
    "استشاره استشارات مشاوره danismanlik danisma консультація консультации консультация "
    "консультации"
)


def _prepare(text):
    return fold(str(text).translate(_PRE)) if text else ""


def _word(word):
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article) :]
    return word


def words(text):
    """The normalised words of ``text`` (any language), in order."""
    return [_word(word) for word in _prepare(text).split()]


def digits(text):
    """``text`` with Arabic-Indic and Persian digits as 0–9 (nothing else changed)."""
    return str(text).translate(
        {
            **{0x0660 + n: str(n) for n in range(10)},
            **{0x06F0 + n: str(n) for n in range(10)},
        }
    )


STOP = frozenset(word for text in STOP_WORDS.values() for word in words(text))
GENERIC = frozenset(words(GENERIC_WORDS))

_STEMMERS = {}


def _stemmer(language):
    stemmer = _STEMMERS.get(language)
    if stemmer is None:
        stemmer = _STEMMERS[language] = snowballstemmer.stemmer(language)
    return stemmer


def _script(word):
    for ch in word:
        code = ord(ch)
        if 0x0600 <= code <= 0x06FF:
            return "arabic"
        if 0x0400 <= code <= 0x04FF:
            return "cyrillic"
    return "latin"


_LANGUAGES = {
    "latin": ("german", "english", "turkish"),
    "cyrillic": ("russian",),
    "arabic": ("arabic", "persian"),
}
# Shortest stem worth a substring match: Arabic roots are short.
MIN_STEM = {"latin": 4, "cyrillic": 4, "arabic": 3}
# Ukrainian endings the Russian stemmer does not know (ї/і forms, -ння).
_UK_ENDINGS = ("ння", "ів", "ою", "ої", "ам", "ах", "ям", "ях", "ий", "ій", "а", "і", "у", "ю", "я")


@lru_cache(maxsize=8192)
def variants(word):
    """``word`` and its stems (a tuple, the word first); stems shorter than usual dropped."""
    script = _script(word)
    minimum = MIN_STEM[script]
    found = [word]
    for language in _LANGUAGES[script]:
        stem = _stemmer(language).stemWord(word)
        if stem and len(stem) >= minimum and stem not in found:
            found.append(stem)
    if script == "cyrillic":
        for ending in _UK_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= minimum:
                stem = word[: -len(ending)]
                if stem not in found:
                    found.append(stem)
                break
    return tuple(found)


def script_minimum(word):
    return MIN_STEM[_script(word)]
