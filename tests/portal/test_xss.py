"""Attack payloads in titles, rich text and search never execute."""

import pytest

from home.factories import ContentPageFactory
from portal.demo import stream

PAYLOADS = [
    "<script>alert('x')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_titles_are_escaped_everywhere(home, client, payload):
    page = ContentPageFactory(parent=home, title=f"Titel {payload}", slug="xss", intro=payload)
    for url in [page.get_url(), "/de/", "/de/suche/?q=Titel"]:
        html = client.get(url).content.decode()
        assert payload not in html, url
        # Escaped text is harmless; no payload may arrive as markup.
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "<svg/onload" not in html


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java&#x09;script:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
    ],
)
def test_dangerous_links_are_stripped_from_rich_text(home, client, href):
    body = stream(("paragraph", f'<p><a href="{href}">Klick</a> <b>fett</b></p>'))
    page = ContentPageFactory(parent=home, slug="links", body=body)
    html = client.get(page.get_url()).content.decode()
    main = html.split('id="main"')[1].split("</main>")[0]
    assert "Klick" in main and "<b>fett</b>" in main
    lowered = main.lower()
    assert "javascript:" not in lowered and "vbscript:" not in lowered
    assert "data:text" not in lowered and "&#x09;script" not in lowered


def test_safe_links_survive(home, client):
    body = stream(
        (
            "paragraph",
            '<p><a href="https://www.kreis-mettmann.de/">Kreis</a> '
            '<a href="mailto:kim@kreis-mettmann.de">Mail</a> <a href="/de/">Start</a></p>',
        )
    )
    page = ContentPageFactory(parent=home, slug="links-ok", body=body)
    html = client.get(page.get_url()).content.decode()
    assert 'href="https://www.kreis-mettmann.de/"' in html
    assert 'href="mailto:kim@kreis-mettmann.de"' in html and 'href="/de/"' in html
