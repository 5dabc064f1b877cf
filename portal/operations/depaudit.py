"""Audit the locked dependencies for known vulnerabilities with pip-audit.

``python -m portal.operations.depaudit -r var/requirements-audit.txt`` (``make audit`` exports the
lock file first) runs pip-audit against PyPI's vulnerability data (or OSV with
``--service osv``) and exits with

- 0 when every locked package was checked and none has a known vulnerability;
- 1 when at least one has (each is listed with its advisory and the fixed versions);
- 3 when the vulnerability service could not be asked (network, proxy, a registry mirror
  without PyPI's JSON API): nothing was audited, and the message says so. A silent pass
  is never possible: pip-audit runs with ``--strict``, so one package that cannot be
  looked up fails the run instead of being skipped.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

VULNERABLE = 1
UNREACHABLE = 3


def audit(requirements, *, service="pypi", osv_url=None, timeout=15):
    """Run pip-audit over ``requirements``; return ``(exit_code, report_lines)``."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "audit.json"
        command = [
            sys.executable,
            "-m",
            "pip_audit",
            "--requirement",
            str(requirements),
            "--no-deps",  # the lock file is complete and pinned
            "--disable-pip",
            "--strict",
            "--vulnerability-service",
            service,
            "--timeout",
            str(timeout),
            "--progress-spinner",
            "off",
            "--format",
            "json",
            "--output",
            str(report),
        ]
        if osv_url:
            command += ["--osv-url", osv_url]
        result = subprocess.run(command, capture_output=True, text=True)  # noqa: S603
        data = json.loads(report.read_text()) if report.exists() else None
    if data is None:
        reason = (result.stderr or result.stdout).strip().splitlines()
        return UNREACHABLE, [
            f"NOT AUDITED: the vulnerability service ({service}) could not be asked.",
            *[f"  {line}" for line in reason[-5:]],
            "Check network access to pypi.org (JSON API) or api.osv.dev, or run with "
            "--service osv / --osv-url.",
        ]
    vulnerable = [dep for dep in data["dependencies"] if dep.get("vulns")]
    lines = [f"Audited {len(data['dependencies'])} locked packages with {service}."]
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed version yet"
            lines.append(
                f"VULNERABLE {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixed})"
            )
    if vulnerable:
        lines.append(
            "Upgrade with: python3 -m uv lock --upgrade-package <name>, then commit uv.lock."
        )
        return VULNERABLE, lines
    if result.returncode != 0:  # pip-audit failed after writing a report: treat as not audited
        return UNREACHABLE, [*lines, result.stderr.strip()]
    lines.append("No known vulnerabilities.")
    return 0, lines


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-r", "--requirements", required=True, type=Path)
    parser.add_argument("--service", choices=["pypi", "osv"], default="pypi")
    parser.add_argument("--osv-url", help="OSV API endpoint (implies --service osv)")
    parser.add_argument("--timeout", type=int, default=15)
    args = parser.parse_args(argv)
    service = "osv" if args.osv_url else args.service
    code, lines = audit(
        args.requirements, service=service, osv_url=args.osv_url, timeout=args.timeout
    )
    print("\n".join(lines), file=sys.stderr if code else sys.stdout)
    return code


if __name__ == "__main__":
    sys.exit(main())
