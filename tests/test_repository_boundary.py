"""Tests read nothing outside the repository (and ../shared/): a test that imports a module
from one developer's /tmp passes on that machine and fails on every fresh clone."""

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# Absolute paths into places that differ from machine to machine. Programs the suite runs
# (/usr/bin/chromium, overridable) and /dev/null are not in this list.
OUTSIDE = re.compile(r"^(/tmp|/home|/root|/work|/opt|/srv|/mnt|/var)(/|$)")


def reaches_outside(source, name="<test>"):
    """Lines of ``source`` that change the import path or name an absolute path outside."""
    found = []
    for node in ast.walk(ast.parse(source, name)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if OUTSIDE.match(node.value):
                found.append(f"{name}:{node.lineno}: absolute path {node.value!r}")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr == "path"
            and isinstance(node.value, ast.Name)
            and node.value.id == "sys"
        ):
            found.append(f"{name}:{node.lineno}: sys.path")
    return sorted(found)


def test_no_test_module_reaches_outside_the_repository():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        found += reaches_outside(path.read_text(encoding="utf-8"), str(path.relative_to(TESTS)))
    assert found == []


def test_the_check_finds_an_import_path_change_and_a_foreign_path():
    # Built from parts, so that this file itself names no foreign path and no import path.
    tmp, home, sys_path = "/" + "tmp/q", "/" + "home/x/f", "sys" + ".path"
    source = f'import sys\n{sys_path}.insert(0, "{tmp}")\nfrom os import path\nopen("{home}")\n'
    assert reaches_outside(source) == [
        "<test>:2: absolute path '/tmp/q'",
        "<test>:2: sys.path",
        "<test>:4: absolute path '/home/x/f'",
    ]
    assert reaches_outside('open("var/x"); open("/dev/null"); p = "/de/beratung/"') == []
