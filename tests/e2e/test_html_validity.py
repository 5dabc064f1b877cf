"""The Nu Html Checker (vnu-jar) finds no errors in any public page type, de and ar.

The HTML is the server's response body (not the browser's DOM), saved to
``var/e2e/html/`` and checked in one run of vnu.jar; results in ``var/e2e/vnu-report.json``.
"""

import json
import shutil
import subprocess

import pytest

from .site import PAGE_RUNS, REPO, REPORT_DIR, SUMMARY, write_report

pytestmark = pytest.mark.e2e

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def run_vnu(files):
    java = shutil.which("java")
    if java is None or not VNU.exists():
        pytest.fail("vnu.jar needs Java and `npm ci` (make e2e installs both)")
    result = subprocess.run(  # noqa: S603
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stdout)["messages"]


def test_every_page_type_is_valid_html(open_context):
    html_dir = REPORT_DIR / "html"
    shutil.rmtree(html_dir, ignore_errors=True)
    html_dir.mkdir(parents=True)
    files = []
    for page_type, lang in PAGE_RUNS:
        # The HTML as served; no need to render it.
        url = page_type.url(lang)
        response = open_context(login=page_type.login).request.get(url, max_redirects=0)
        assert response.status == page_type.status, f"{url} answered {response.status}"
        path = html_dir / f"{page_type.name}-{lang}.html"
        path.write_bytes(response.body())
        files.append(path)
    # The check can fail: a misnested element in a probe file is an error (one JVM start).
    probe = html_dir / "probe-invalid.html"
    probe.write_text(
        '<!DOCTYPE html><html lang="de"><head><title>Probe</title></head>'
        "<body><p><div>falsch</div></p></body></html>"
    )
    messages = run_vnu([*files, probe])
    for message in messages:
        message["file"] = message.pop("url", "").rsplit("/", 1)[-1]
    assert any(m["file"] == probe.name and m["type"] == "error" for m in messages)
    messages = [m for m in messages if m["file"] != probe.name]
    errors = [m for m in messages if m["type"] == "error"]
    warnings = [m for m in messages if m["type"] != "error"]
    report = write_report("vnu-report.json", {"files": len(files), "messages": messages})
    SUMMARY.append(
        f"vnu: {len(files)} pages, {len(errors)} errors, {len(warnings)} warnings/info "
        f"-> {report.relative_to(REPO)}"
    )
    assert not errors, "\n".join(
        f"{m['file']}:{m.get('lastLine', '?')}: {m['message']}" for m in errors
    )
