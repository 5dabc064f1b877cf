"""The start page of every language has the directory's search (what, town, age) and the most
offered topics (below the start page's shortcuts), linking into the directory of the same
language."""

import re

import pytest

from portal.privacy import public_pages


@pytest.fixture
def services(make_service, sync_locale):
    make_service("JMD Velbert", towns=["velbert"], topics=["arbeit", "sprache"])
    make_service("MBE Hilden", type="mbe", towns=["hilden"], topics=["arbeit"])
    make_service(
        "Flüchtlingsberatung Wülfrath", type="fb", towns=["wuelfrath"], topics=["arbeit", "sprache"]
    )
    make_service("JMD Hilden", towns=["hilden"], topics=["uebergang"])
    for code in ["en", "ar", "fa", "tr", "uk", "ru"]:
        sync_locale(code)


def test_the_start_page_searches_the_directory_of_its_language(client, services):
    for lang in ["de", "en", "ar", "fa", "tr", "uk", "ru"]:
        _start_page_search(client, lang)


def _start_page_search(client, lang):
    html = client.get(f"/{lang}/").content.decode()
    form = re.search(r'<form class="start-search__form" method="get" action="([^"]+)"', html)
    assert form, "no directory search on the start page"
    action = form.group(1)
    assert action.startswith(f"/{lang}/") and action.endswith("/beratung/")
    for name in ['name="q"', 'name="town"', 'name="age"']:
        assert name in html
    assert '<option value="velbert">' in html
    shortcuts = re.findall(r'href="' + re.escape(action) + r'\?topic=([a-z-]+)"', html)
    assert shortcuts == ["arbeit", "sprache", "uebergang"]  # the most offered topics first
    # Phone first (issue #22): search, then the start page's shortcuts, then the topics.
    main = html.split('<main id="main"', 1)[1]
    order = [
        main.index(f'class="{name}"') for name in ("start-search", "shortcuts", "start-topics")
    ]
    assert order == sorted(order)
    assert main.index('class="start-topics"') < main.index("?topic=arbeit")
    # The form and a shortcut answer with results.
    found = client.get(action, {"q": "", "town": "velbert", "age": "19"})
    assert found.status_code == 200 and "JMD Velbert" in found.content.decode()
    assert "JMD Velbert" in client.get(f"{action}?topic=sprache").content.decode()


def test_without_a_public_directory_the_start_page_has_no_form(client, home, directory_page):
    directory_page.unpublish()
    assert not public_pages().type(type(directory_page)).exists()
    html = client.get("/de/").content.decode()
    assert "start-search__form" not in html
