"""Screenshot of the planning report for docs/planning.md, and a check that it works for the
steering group's demo login without JavaScript-only parts.

Not part of `make e2e` (the file name doesn't match ``test_*.py``); run it by path.
"""

import pytest

from .screenshots import OUT, shrink
from .site import WIDTHS

pytestmark = pytest.mark.e2e


def test_planning_report_screenshot(open_context):
    context = open_context(login="lenkung", viewport={"width": WIDTHS["desktop"], "height": 900})
    page = context.new_page()
    response = page.goto("/admin/reports/angebotsplanung/")
    assert response.status == 200
    assert page.locator("table caption").count() >= 8
    assert page.locator("svg.planning-chart").count() >= 7
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "planning-de-desktop.png"
    page.screenshot(path=path, full_page=False)
    shrink(path)
