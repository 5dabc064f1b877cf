"""The case-management guide: KIM criteria as a form without JavaScript, town and age."""

import pytest

from wagtail.models import BaseViewRestriction, Locale, PageViewRestriction

from services_directory.models import GuideCriterion, GuideText
from tests.conftest import QUERY_BUDGET

MARKER = "GEHEIM7713"
URL = "/de/beratung/wegweiser/"
ALL_YES = {f"c{n}": "yes" for n in range(1, 6)}


@pytest.fixture
def services(make_service):
    return {
        "cm": make_service("KIM Case Management Velbert", type="cm", towns=["velbert"]),
        "cm_hilden": make_service("KIM Case Management Hilden", type="cm", towns=["hilden"]),
        "jmd": make_service("JMD Velbert", towns=["velbert"], minimum_age=12, maximum_age=27),
        "mbe": make_service("MBE Velbert", type="mbe", towns=["velbert"], minimum_age=27),
        "fb": make_service("Flüchtlingsberatung Velbert", type="fb", towns=["velbert"]),
    }


@pytest.fixture
def vocab(vocab):
    from services_directory.factories import ServiceTypeFactory

    vocab["type"]["cm"] = ServiceTypeFactory(
        name="KIM Case Management", slug="kim-case-management", abbreviation="KIM"
    )
    return vocab


def test_form_without_answers_shows_the_criteria(client, services):
    html = client.get(URL).content.decode()
    assert html.count('type="radio"') == 10
    assert "<script" not in html.split("<main")[1].split("</main>")[0]
    assert "Velbert" in html


def test_all_criteria_recommend_case_management_in_the_town(client, services):
    html = client.get(URL, {**ALL_YES, "town": "velbert", "age": "34"}).content.decode()
    assert "KIM Case Management Velbert" in html
    assert "KIM Case Management Hilden" not in html
    assert "JMD Velbert" not in html
    assert "/de/beratung/" in html and "/zettel/?sprache=de" in html


@pytest.mark.parametrize(
    "age, expected, absent",
    [("19", "JMD Velbert", "MBE Velbert"), ("40", "MBE Velbert", "JMD Velbert")],
)
def test_otherwise_counselling_by_age(client, services, age, expected, absent):
    answers = {**ALL_YES, "c2": "no"}
    html = client.get(URL, {**answers, "town": "velbert", "age": age}).content.decode()
    answer = html.split('class="guide__answer"')[1].split("</section>")[0]
    assert expected in answer and "Flüchtlingsberatung Velbert" in answer
    assert absent not in answer and "KIM Case Management" not in answer


@pytest.mark.parametrize(
    "params",
    [
        {"c1": "vielleicht", "town": "velbert"},
        {**ALL_YES, "town": "atlantis"},
        {**ALL_YES, "town": "velbert", "age": "abc"},
        {**ALL_YES, "town": "velbert", "age": "-4"},
        {"town": "<script>alert(1)</script>"},
    ],
)
def test_bad_answers_give_the_form_with_a_message(client, services, params):
    response = client.get(URL, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'class="guide__answer"' not in html
    assert "<script>alert(1)" not in html


def test_editors_questions_and_texts_in_the_visitors_language(client, services):
    german = Locale.objects.get(language_code="de")
    GuideCriterion.objects.create(locale=german, question="Gibt es mehrere Baustellen?")
    GuideText.objects.create(locale=german, intro="Ein eigener Einleitungstext.")
    html = client.get(URL).content.decode()
    assert "Gibt es mehrere Baustellen?" in html and "Ein eigener Einleitungstext." in html
    assert html.count('type="radio"') == 2
    # Arabic visitors get the built-in questions in Arabic until editors translate them.
    arabic = client.get("/ar/beratung/wegweiser/").content.decode()
    assert "Gibt es mehrere Baustellen?" not in arabic
    assert arabic.count('type="radio"') == 10


@pytest.mark.parametrize("role", ["anonymous", "member_a"])
def test_guide_lists_only_public_services(role, client_for, services, workspace_a):
    secret = services["jmd"]
    secret.title = f"JMD intern {MARKER}"
    secret.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    answers = {**ALL_YES, "c1": "no", "town": "velbert", "age": "19"}
    html = client_for(role).get(URL, answers).content.decode()
    assert MARKER not in html
    assert "Flüchtlingsberatung Velbert" in html


def test_guide_queries_stay_within_budget(client, services, count_queries):
    params = {**ALL_YES, "town": "velbert", "age": "30"}
    count, response = count_queries(client, URL, params)
    assert count <= QUERY_BUDGET
    assert "KIM Case Management Velbert" in response.content.decode()
