"""Every public page type transfers at most 100 KB of HTML, CSS and JavaScript, all from
the portal itself. Figures go to ``var/e2e/page-weight.json``.

Bytes are the response bodies as transferred (``Request.sizes()["responseBodySize"]``,
i.e. compressed when the server compresses; the dev server does not, so these are raw).
Images and other media don't count (editors upload those), fonts, scripts, styles, fetches
and the document itself do.

The phone budget of issue #22 is checked as sent by a compressing server (gzip of each
counted body): first visit ≤ 60 KB (document, stylesheet, fonts, favicon), repeat visit
≤ 15 KB (the document; the hashed static files are cached).
"""

import gzip
from urllib.parse import urlsplit

import pytest

from .site import LANGUAGES, PAGE_TYPES, REPO, SUMMARY, open_page_type, write_report

pytestmark = pytest.mark.e2e

BUDGET_BYTES = 100 * 1024
FIRST_VISIT_GZIP_BYTES = 60 * 1024
REPEAT_VISIT_GZIP_BYTES = 15 * 1024
NOT_COUNTED = {"image", "media"}


@pytest.fixture(scope="module")
def weights():
    report = {"budget_bytes": BUDGET_BYTES, "pages": {}}
    yield report
    path = write_report("page-weight.json", report)
    if report["pages"]:
        heaviest = max(report["pages"].items(), key=lambda item: item[1]["counted_bytes"])
        SUMMARY.append(
            f"page weight: heaviest {heaviest[0]} {heaviest[1]['counted_bytes']} bytes of "
            f"{BUDGET_BYTES} -> {path.relative_to(REPO)}"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda p: p.name)
def test_page_weight_and_hosts(open_context, weights, portal_url, page_type, lang):
    responses = []
    page, _response = open_page_type(
        open_context, page_type, lang, on_response=lambda response: responses.append(response)
    )
    page.wait_for_load_state("networkidle")
    portal_host = urlsplit(portal_url).netloc
    resources = []
    for response in responses:
        request = response.request
        counted = request.resource_type not in NOT_COUNTED
        body = response.body() if counted and response.status == 200 else b""
        resources.append(
            {
                "url": response.url,
                "type": request.resource_type,
                "status": response.status,
                "bytes": request.sizes()["responseBodySize"],
                "gzip_bytes": len(gzip.compress(body, 9)) if body else 0,
                "counted": counted,
            }
        )
    counted = sum(r["bytes"] for r in resources if r["counted"])
    first_visit = sum(r["gzip_bytes"] for r in resources if r["counted"])
    repeat_visit = sum(r["gzip_bytes"] for r in resources if r["type"] == "document")
    weights["pages"][f"{page_type.name} {lang}"] = {
        "url": page_type.url(lang),
        "counted_bytes": counted,
        "first_visit_gzip_bytes": first_visit,
        "repeat_visit_gzip_bytes": repeat_visit,
        "all_bytes": sum(r["bytes"] for r in resources),
        "resources": resources,
    }
    foreign = [r["url"] for r in resources if urlsplit(r["url"]).netloc != portal_host]
    assert not foreign, f"requests to other hosts: {foreign}"
    assert counted <= BUDGET_BYTES, f"{counted} bytes of HTML/CSS/JS (budget {BUDGET_BYTES})"
    assert first_visit <= FIRST_VISIT_GZIP_BYTES, f"first visit {first_visit} bytes gzip"
    assert repeat_visit <= REPEAT_VISIT_GZIP_BYTES, f"repeat visit {repeat_visit} bytes gzip"
