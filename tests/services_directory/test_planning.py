"""The planning report ("Angebotsplanung", issue #17): readers, coverage, privacy, exports."""

import datetime
import io

import pytest

from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import BaseViewRestriction, PageViewRestriction

from services_directory.factories import OrganisationFactory, language, schedule
from services_directory.planning import build_report
from services_directory.unmet_needs import record
from tests.conftest import make_user

URL = "/admin/reports/angebotsplanung/"
MARKER = "PLANGEHEIM7781"


@pytest.fixture
def services(make_service, vocab, workspace_a):
    hilden_jmd = make_service(
        "JMD Hilden",
        towns=["hilden"],
        targets=["jung"],
        minimum_age=12,
        maximum_age=26,
        languages=[language("de"), language("ar")],
        schedules=[schedule("FR", 9, 17)],
    )
    make_service(
        "MBE Velbert",
        type="mbe",
        org="awo",
        towns=["velbert"],
        minimum_age=27,
        languages=[language("de"), language("ru")],
        schedules=[schedule("MO", 9, 12)],
        assured_date=datetime.date(2020, 1, 1),
    )
    vocab["org"]["secret"] = OrganisationFactory(name=f"Träger {MARKER}", slug="geheim")
    secret = make_service(
        f"Interne Beratung {MARKER}",
        type="fb",
        towns=["wuelfrath"],
        targets=["gefluechtete"],
        languages=[language("uk")],
        org="secret",
    )
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.add(workspace_a.group)
    return hilden_jmd


@pytest.fixture
def steering_user(workspace_a):
    # workspace_a is titled "Lenkungsgruppe": its member group is "Gremium: Lenkungsgruppe".
    return make_user("lenkung", groups=[workspace_a.group])


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member_b", 403), ("editor", 403), ("admin", 200)],
)
def test_readers(role, status, client_for, services):
    response = client_for(role).get(URL)
    assert response.status_code == status
    if status == 302:
        assert response["Location"].startswith("/admin/login/")


def test_redaktion_and_steering_group_read_it_without_other_admin_rights(
    client, services, steering_user
):
    redaktion = make_user("redaktion", groups=[Group.objects.get(name="Redaktion")])
    for user in (redaktion, steering_user):
        client.force_login(user)
        response = client.get(URL)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"]
    # The steering group gets this report only, not the rest of the admin.
    assert client.get("/admin/").status_code in (302, 403)
    assert client.get("/admin/pages/").status_code in (302, 403)


def test_coverage_counts_public_services_and_marks_gaps(client_for, services, vocab):
    report = build_report({})
    assert report.total == 2
    types = next(m for m in report.matrices if m.key == "types")
    hilden, velbert, wuelfrath = (
        str(vocab["town"][slug].translation_key) for slug in ("hilden", "velbert", "wuelfrath")
    )
    jmd = str(vocab["type"]["jmd"].translation_key)
    fb = str(vocab["type"]["fb"].translation_key)
    assert types.count(jmd, hilden) == 1
    assert types.count(jmd, velbert) == 0
    # The restricted Flüchtlingsberatung in Wülfrath is not counted: still a gap.
    assert types.count(fb, wuelfrath) == 0
    languages = next(m for m in report.matrices if m.key == "languages")
    assert languages.count("uk", wuelfrath) == 0
    assert languages.count("ar", hilden) == 1
    hours = next(m for m in report.matrices if m.key == "hours")
    assert hours.count("friday", hilden) == 1 and hours.count("late", hilden) == 1
    assert hours.count("late", velbert) == 0
    ages = {coverage.town: coverage.gaps() for coverage in report.ages}
    assert ages["Hilden"] == [(27, 80)]
    assert ages["Velbert"] == [(12, 26)]
    assert ages["Wülfrath"] == [(12, 80)]
    fresh = {row[0]: row[1:] for row in report.freshness_towns}
    assert fresh["Velbert"] == (1, 0, 1)

    html = client_for("admin").get(URL).content.decode()
    assert "<caption>" in html and 'scope="row"' in html and "<svg" in html
    assert '<td class="planning-gap">0 <span class="planning-mark">Lücke</span></td>' in html
    assert "<script" not in html.split('id="planning-types"')[1].split("</section>")[0]


def test_marker_of_a_restricted_service_never_leaks(client_for, services, steering_user):
    for _ in range(3):
        record(f"{MARKER} Beratung", "de", [], 0)
    admin = client_for("admin")
    pages = [
        admin.get(URL).content.decode(),
        admin.get(URL, {"export": "csv"}).content.decode("utf-8"),
    ]
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(admin.get(URL, {"export": "xlsx"}).content))
    pages.append(" ".join(str(c.value) for s in workbook for row in s.iter_rows() for c in row))
    for text in pages:
        assert "Interne Beratung" not in text
        assert MARKER.casefold() not in text.casefold()
    # The search words around it are counted (so the unmet-needs section was rendered);
    # a word with digits (like the marker, or a phone number) never is.
    assert "beratung" in pages[0].split('id="planning-unmet"')[1]


def test_hostile_filters_give_the_report_with_a_message(client_for, services):
    admin = client_for("admin")
    for params in (
        {"type": "<script>alert(1)</script>"},
        {"language": "xx", "topic": "'; DROP TABLE x"},
        {"months": "abc"},
        {"type": "jmd\x00"},
        {"type": "x" * 5000},
    ):
        response = admin.get(URL, params)
        assert response.status_code == 200, params
        assert "planning-messages" in response.content.decode()  # the "ignored" message
        assert "<script>alert(1)</script>" not in response.content.decode()
    assert build_report({"type": "mbe"}).total == 1
    assert build_report({"type": "mbe", "language": "ar"}).total == 0
    assert "planning-messages" not in admin.get(URL, {"type": "mbe"}).content.decode()


def test_exports_csv_with_bom_and_xlsx_without_formulas(client_for, services):
    OrganisationFactory(name='=HYPERLINK("http://evil.example")')
    record("=cmd|calc Anerkennung", "de", [], 0)
    for _ in range(3):
        record("@SUM(A1) -Zeugnis +Dari", "de", [], 0)
    admin = client_for("admin")
    response = admin.get(URL, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    body = response.content
    assert body.startswith("\ufeff".encode())
    text = body.decode("utf-8-sig")
    assert text.count("\r\n\r\n") >= 10  # one table per section, a blank line between
    assert "dari" in text and "zeugnis" in text
    assert "\n=" not in text and ";=" not in text and ";@" not in text

    from openpyxl import load_workbook

    response = admin.get(URL, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) >= 8
    for sheet in workbook:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(("=", "+", "-", "@"))


def test_unmet_needs_section_shows_words_from_three_searches(client_for, services):
    for _ in range(3):
        record("Dari Hilden", "de", [], 0)
    record("Olga", "de", [], 0)
    record("Olga", "de", [], 1)
    html = client_for("admin").get(URL).content.decode()
    section = html.split('id="planning-unmet"')[1]
    assert "dari" in section and "hilden" in section
    assert "olga" not in section


def test_query_count(client_for, services):
    admin = client_for("admin")
    admin.get(URL)
    with CaptureQueriesContext(connection) as captured:
        assert admin.get(URL).status_code == 200
    assert len(captured) <= 20, [q["sql"][:120] for q in captured]


def test_menu_item_for_the_steering_group(client, services, steering_user, client_for):
    from wagtail.admin.menu import admin_menu  # noqa: F401

    client.force_login(steering_user)
    html = client.get(URL).content.decode()
    assert URL in html
