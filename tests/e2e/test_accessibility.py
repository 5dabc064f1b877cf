"""WCAG 2.1 A/AA with axe-core on every public page type, de and ar, phone and desktop width.

Fails on any violation of impact "serious" or "critical"; all violations (minor and moderate
too) go to ``var/e2e/axe-report.json``.
"""

from collections import Counter

import pytest

from .site import PAGE_RUNS, REPO, SUMMARY, WIDTHS, open_page_type, write_report

pytestmark = pytest.mark.e2e

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FAILING_IMPACTS = {"serious", "critical"}
RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]
}).then(r => ({
    version: r.testEngine.version,
    violations: r.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary}))
    })),
    needs_review: r.incomplete.map(v => ({
        id: v.id, nodes: v.nodes.map(n => n.target.join(" "))
    }))
}))"""


@pytest.fixture(scope="module")
def axe_report():
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make e2e` runs npm ci")
    report = {"tags": TAGS, "fails_on": sorted(FAILING_IMPACTS), "runs": {}}
    yield report
    impacts = Counter(
        violation["impact"] for run in report["runs"].values() for violation in run["violations"]
    )
    report["totals"] = dict(impacts)
    path = write_report("axe-report.json", report)
    SUMMARY.append(
        f"axe-core {report.get('axe_version', '?')}: {len(report['runs'])} runs, violations by "
        f"impact {dict(impacts) or 'none'} -> {path.relative_to(REPO)}"
    )


@pytest.mark.parametrize(("page_type", "lang"), PAGE_RUNS, ids=lambda v: getattr(v, "name", v))
def test_no_serious_accessibility_violations(open_context, axe_report, page_type, lang):
    # bypass_csp: axe is injected as an inline script, which a strict CSP rightly blocks.
    page, _response = open_page_type(
        open_context, page_type, lang, width=WIDTHS["phone"], bypass_csp=True
    )
    page.add_script_tag(path=AXE)
    failures = []
    for width_name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        result = page.evaluate(RUN_AXE, TAGS)
        axe_report["axe_version"] = result["version"]
        axe_report["runs"][f"{page_type.name} {lang} {width_name}"] = {
            "url": page_type.url(lang),
            "width": width,
            "violations": result["violations"],
            "needs_review": result["needs_review"],
        }
        failures += [
            f"{width_name}: [{v['impact']}] {v['id']}: {v['help']} — "
            + "; ".join(n["target"] for n in v["nodes"][:5])
            for v in result["violations"]
            if v["impact"] in FAILING_IMPACTS
        ]
    assert not failures, "\n".join(failures)


def test_axe_finds_a_planted_violation(page):
    """The check can fail: low contrast and an image without alt text are caught."""
    page.set_content(
        '<!DOCTYPE html><html lang="de"><head><title>Probe</title></head><body><main>'
        '<p style="color:#aaa;background:#fff">Zu blass</p><img src="data:,">'
        "</main></body></html>"
    )
    page.add_script_tag(path=AXE)
    found = {v["id"]: v["impact"] for v in page.evaluate(RUN_AXE, TAGS)["violations"]}
    assert found.get("color-contrast") == "serious"
    assert found.get("image-alt") == "critical"
