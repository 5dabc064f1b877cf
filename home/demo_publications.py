"""Demo handbook and publications (example data written from the KIM concept).

Kept apart from ``demo.py`` because of its length; ``demo.py`` registers the step.
Every text here is example data ("Beispieldaten") and says so.
"""

from portal.demo import EXAMPLE_NOTE

HANDBOOK_TITLE = "Beratungslandschaft im Kreis Mettmann"
HANDBOOK_INTRO = (
    "Ein Handbuch für Multiplikatorinnen und Multiplikatoren: Wer berät Zugewanderte und "
    "Geflüchtete im Kreis Mettmann, wofür ist welche Stelle zuständig und wie findet man "
    "schnell die richtige? (Beispieldaten)"
)


def _h(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def _p(html):
    return ("paragraph", html)


CHAPTERS_1 = [
    {
        "slug": "einleitung",
        "title": "Einleitung",
        "intro": "Wozu dieses Handbuch da ist und wie Sie es nutzen.",
        "body": [
            _h("Wozu dieses Handbuch?"),
            _p(
                "<p>Im Kreis Mettmann beraten viele Stellen Menschen mit Einwanderungsgeschichte: "
                "Wohlfahrtsverbände, Jobcenter, Agentur für Arbeit, Jugendämter, Ausländerbehörden "
                "und das Kommunale Integrationsmanagement (KIM). Das Handbuch hilft "
                "Fachkräften, Ehrenamtlichen und Lotsinnen und Lotsen, diese Landschaft zu "
                "überblicken und Ratsuchende gezielt weiterzuleiten.</p>"
            ),
            _h("Für wen ist es geschrieben?"),
            _p(
                "<ul><li>Fachkräfte in Beratung, Verwaltung, Schule und Kita</li>"
                "<li>Ehrenamtliche in Flüchtlingsinitiativen und Patenschaftsprojekten</li>"
                "<li>Integrationsbeauftragte der zehn Städte</li></ul>"
            ),
            _p(f"<p><em>{EXAMPLE_NOTE}</em></p>"),
        ],
    },
    {
        "slug": "beratungsstellen",
        "title": "Die Beratungsstellen im Überblick",
        "intro": "Wer berät wen – die wichtigsten Angebote für Zugewanderte und Geflüchtete.",
        "body": [
            _h("Jugendmigrationsdienste (JMD)"),
            _p(
                "<p>Die Jugendmigrationsdienste begleiten junge Menschen mit "
                "Migrationsgeschichte von 12 bis 27 Jahren: Schule, Ausbildung, Sprache, "
                "Freizeit und persönliche Fragen. Die Beratung ist freiwillig, kostenlos und "
                "vertraulich.</p>"
            ),
            _h("Migrationsberatung für erwachsene Zugewanderte (MBE)"),
            _p(
                "<p>Die MBE berät Erwachsene ab 27 Jahren in den ersten Jahren nach der "
                "Einreise: Integrationskurs, Anerkennung von Abschlüssen, Wohnen, Gesundheit "
                "und Behördenbriefe.</p>"
            ),
            _h("Integration Point"),
            _p(
                "<p>Im Integration Point arbeiten Jobcenter und Agentur für Arbeit zusammen, "
                "um Geflüchtete schnell in Ausbildung und Arbeit zu bringen.</p>"
            ),
            _h("Flüchtlingsberatung"),
            _p(
                "<p>Die Flüchtlingsberatung der Wohlfahrtsverbände und Städte hilft im "
                "Asylverfahren, bei Fragen zur Unterbringung und beim Zugang zu Leistungen.</p>"
            ),
            _h("Teilhabemanagement"),
            _p(
                "<p>Das Teilhabemanagement unterstützt Menschen mit Behinderung und "
                "Einwanderungsgeschichte dabei, Leistungen zur Teilhabe zu erhalten.</p>"
            ),
        ],
    },
    {
        "slug": "case-management",
        "title": "KIM Case Management",
        "intro": "Rechtskreisübergreifende Begleitung bei komplexen Problemlagen.",
        "body": [
            _h("Für wen?"),
            _p(
                "<p>Das Case Management ist für Menschen da, deren Anliegen mehrere "
                "Rechtskreise berühren – etwa SGB II, SGB VIII und Aufenthaltsrecht zugleich – "
                "und die noch kein anderes Case Management begleitet.</p>"
            ),
            _h("Ablauf"),
            _p(
                "<ol><li>Erstgespräch und Klärung des Bedarfs</li><li>gemeinsamer "
                "Hilfeplan</li><li>Vermittlung an die zuständigen Stellen</li>"
                "<li>Begleitung und Überprüfung</li><li>Abschluss</li></ol>"
            ),
            _h("Lebensbereiche"),
            _p(
                "<p>Existenzsicherung, Arbeit und Ausbildung, Bildung, Kinderbetreuung, "
                "Sprache, Aufenthalt, Gesundheit und Wohnen.</p>"
            ),
        ],
    },
    {
        "slug": "auslaenderbehoerden",
        "title": "Ausländer- und Einbürgerungsbehörden",
        "intro": "Aufenthalt sichern, Einbürgerung ermöglichen.",
        "body": [
            _h("Aufgaben"),
            _p(
                "<p>Die Ausländerbehörden erteilen und verlängern Aufenthaltstitel, die "
                "Einbürgerungsbehörden prüfen Anträge auf Einbürgerung. Mit KIM wurden "
                "zusätzliche Stellen geschaffen, um Bleibeperspektiven früh zu prüfen.</p>"
            ),
            _h("Zusammenarbeit mit der Beratung"),
            _p(
                "<p>Feste Ansprechpersonen und abgestimmte Wege für Rückfragen verkürzen "
                "Wartezeiten und vermeiden, dass Fristen versäumt werden.</p>"
            ),
        ],
    },
    {
        "slug": "richtige-stelle-finden",
        "title": "Die richtige Stelle finden",
        "intro": "In drei Schritten von der Frage zur zuständigen Beratung.",
        "body": [
            _h("Schritt 1: Anliegen klären"),
            _p("<p>Um welchen Lebensbereich geht es? Gibt es Fristen oder Bescheide?</p>"),
            _h("Schritt 2: Alter und Aufenthalt beachten"),
            _p(
                "<p>Bis 27 Jahre ist oft der JMD zuständig, danach die MBE. Geflüchtete im "
                "Asylverfahren wenden sich an die Flüchtlingsberatung.</p>"
            ),
            _h("Schritt 3: Weiterleiten"),
            _p(
                "<p>Vereinbaren Sie den ersten Termin möglichst gemeinsam mit der "
                "ratsuchenden Person und geben Sie Unterlagen nur mit Einwilligung weiter.</p>"
            ),
        ],
    },
]

LENKUNG_CHAPTER = {
    "slug": "steuerung",
    "title": "Steuerung: Lenkungsgruppe und Projektgruppen",
    "intro": "Wer im Kreis Mettmann die Integrationsarbeit steuert.",
    "body": [
        _h("Die Lenkungsgruppe"),
        _p(
            "<p>Die Lenkungsgruppe ist das zentrale Steuerungsgremium von KIM. Sie legt "
            "Zielgruppen fest, gestaltet die Arbeit des Case Managements aus und trifft "
            "verbindliche Absprachen zwischen Kreis, Städten und Trägern.</p>"
        ),
        _h("Projektgruppen"),
        _p(
            "<p>Projektgruppen bearbeiten Themen wie Sprachförderung, den Übergang von der "
            "Schule in den Beruf und interne Schnittstellen. Sie berichten der "
            "Lenkungsgruppe.</p>"
        ),
    ],
}


def _edition_2_chapters():
    chapters = [dict(spec) for spec in CHAPTERS_1]
    finder = next(c for c in chapters if c["slug"] == "richtige-stelle-finden")
    finder["body"] = list(finder["body"]) + [
        _h("Das Online-Verzeichnis"),
        _p(
            "<p>Im Verzeichnis „Beratung finden“ dieses Portals lassen sich Angebote nach "
            "Stadt, Thema, Sprache und Alter filtern – auch auf dem Smartphone.</p>"
        ),
    ]
    chapters.insert(4, LENKUNG_CHAPTER)
    return chapters


EDITIONS = [
    (1, "Erste Ausgabe des Handbuchs.", CHAPTERS_1),
    (
        2,
        "Neues Kapitel zur Lenkungsgruppe und zu den Projektgruppen; das Kapitel „Die "
        "richtige Stelle finden“ beschreibt jetzt das Online-Verzeichnis.",
        _edition_2_chapters(),
    ),
]

# slug, title, type, topic, year, summary, {language: (document title, [paragraphs])}
PUBLICATIONS = [
    (
        "handlungskonzept",
        "Handlungskonzept Kommunales Integrationsmanagement",
        "report",
        "konzept",
        2023,
        "Das Handlungskonzept beschreibt Ziele, Zielgruppen und Bausteine des KIM im Kreis "
        "Mettmann und die Zusammenarbeit mit den zehn Städten.",
        {
            "de": [
                "Ziele, Zielgruppen und Bausteine des Kommunalen Integrationsmanagements.",
                "Der Kreis Mettmann leitet jede Anfrage innerhalb von zehn Arbeitstagen an "
                "eine zuständige Stelle weiter.",
            ]
        },
    ),
    (
        "jahresbericht-2025",
        "Jahresbericht 2025",
        "report",
        "beratung",
        2025,
        "Zahlen, Erfahrungen und Ausblick aus dem Case Management und der strategischen "
        "Steuerung im Jahr 2025.",
        {
            "de": [
                "Rückblick auf das Jahr 2025.",
                "Das Case Management begleitete im Jahr 2025 Menschen aus achtundfünfzig "
                "Herkunftsländern bei der Anerkennung ihrer Berufsabschlüsse.",
            ]
        },
    ),
    (
        "flyer-beratung-finden",
        "Flyer: Beratung finden",
        "flyer",
        "beratung",
        2025,
        "Ein Faltblatt für Ratsuchende: Wo gibt es Beratung, und was bringe ich mit?",
        {
            "de": [
                "Sie suchen Beratung? Wir helfen Ihnen, die richtige Stelle zu finden.",
                "Bringen Sie zum ersten Termin Ihren Aufenthaltstitel und vorhandene "
                "Bescheide mit.",
            ],
            "ar": [
                "هل تبحث عن استشارة؟ نساعدك في العثور على الجهة المناسبة.",
                "أحضر معك إلى الموعد الأول تصريح الإقامة والقرارات الموجودة.",
            ],
        },
    ),
    (
        "praesentation-kim",
        "Präsentation: KIM in zehn Minuten",
        "presentation",
        "konzept",
        2024,
        "Die Folien für Vorstellungen von KIM in Gremien, Schulen und Vereinen.",
        {
            "de": [
                "KIM in zehn Minuten: Bausteine, Wege, Ansprechpersonen.",
                "Die siebte Folie zeigt den Weg einer Anfrage vom Erstkontakt bis zur "
                "Übergabe an die Fachstelle.",
            ]
        },
    ),
    (
        "einwilligung-datenweitergabe",
        "Formular: Einwilligung zur Datenweitergabe",
        "form",
        "beratung",
        2025,
        "Mit diesem Formular erlauben Ratsuchende, dass Beratungsstellen ihre Daten für die "
        "Weiterleitung austauschen.",
        {
            "de": [
                "Einwilligung zur Weitergabe personenbezogener Daten.",
                "Ich kann diese Einwilligung jederzeit ohne Angabe von Gründen widerrufen.",
            ],
            "en": [
                "Consent to the transfer of personal data.",
                "I may withdraw this consent at any time without giving reasons.",
            ],
        },
    ),
    (
        "broschuere-sprachkurse",
        "Broschüre: Sprachkurse im Kreis Mettmann",
        "brochure",
        "sprache",
        2024,
        "Integrationskurse, Berufssprachkurse und Angebote für Eltern im Überblick.",
        {
            "de": [
                "Sprachkurse in den zehn Städten des Kreises.",
                "Berufssprachkurse können auch in Teilzeit am Abend besucht werden.",
            ]
        },
    ),
]
