"""The privacy API is closed: code outside ``portal/privacy/`` uses only its ``__all__`` and
never narrows pages with a bare ``.live()`` for output (docs/privacy.md).

``.live()`` keeps restricted pages (workspaces, members-only events): a listing, feed, mail
or PDF built on it alone leaks them. The few places where a bare ``.live()`` is right are
listed below with the reason; a new one fails here until it goes through
``portal.privacy`` (or is added with its reason).
"""

import ast
from pathlib import Path

import portal.privacy

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("portal", "home", "groups", "services_directory")
PRIVACY = ROOT / "portal" / "privacy"

# path: (number of bare ``.live()`` calls, why none of them is public output)
ALLOWED_LIVE = {
    "portal/editorial/freshness.py": (1, "ids of live pages, to find links to pages that are gone"),
    "home/management/commands/render_pdfs.py": (
        1,
        "renders each live edition's PDF, which holds only its public chapters",
    ),
    "groups/models/workspaces.py": (
        1,
        "the workspace overview shows every group's public face by design (docs/workspaces.md)",
    ),
    "services_directory/evaluation.py": (1, "an editor's evaluation run, not a page"),
    "services_directory/verification.py": (1, "editors' counts (public=False)"),
    "services_directory/hsds/exchange.py": (1, "unpublishes translations of a pruned entry"),
    "portal/patches/admin_privacy.py": (
        3,
        "the admin's counts of live descendants, already narrowed to the user's visible pages",
    ),
    "services_directory/directory.py": (
        1,
        "the in-memory index of live services; each request narrows it with visible_pages",
    ),
}


def bare_live_calls(source, name="<module>"):
    """Line numbers of ``<anything>.live()`` calls in ``source``."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source, name))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "live"
        and not node.args
        and not node.keywords
    ]


def privacy_imports(source, module):
    """``(name, line)`` for each name imported from portal.privacy or one of its modules;
    a module import (``portal.privacy.pages``) is reported by its module name."""
    found = []
    package = module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source, module)):
        if isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([target] if target else []))
            if target == "portal.privacy":
                found += [(alias.name, node.lineno) for alias in node.names]
            elif target.startswith("portal.privacy."):
                found.append((target, node.lineno))
            elif target == "portal" and any(a.name == "privacy" for a in node.names):
                found.append(("portal.privacy (module)", node.lineno))
        elif isinstance(node, ast.Import):
            found += [
                (alias.name, node.lineno)
                for alias in node.names
                if alias.name.startswith("portal.privacy")
            ]
    return found


def _sources():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts or path.is_relative_to(PRIVACY):
                continue
            yield path


def _module(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = [*parts[:-1], "__init__"]
    return ".".join(parts)


def test_no_bare_live_outside_the_privacy_package():
    found = {}
    for path in _sources():
        lines = bare_live_calls(path.read_text(encoding="utf-8"), str(path))
        if lines:
            found[str(path.relative_to(ROOT))] = lines
    unexpected = {
        name: lines
        for name, lines in found.items()
        if len(lines) != ALLOWED_LIVE.get(name, (0, ""))[0]
    }
    assert unexpected == {}, "filter through portal.privacy, or list the call with its reason"
    assert set(found) == set(ALLOWED_LIVE), "a listed exception is gone: remove it from the list"


def test_only_the_exported_names_are_imported():
    exported = set(portal.privacy.__all__)
    wrong = []
    for path in _sources():
        for name, line in privacy_imports(path.read_text(encoding="utf-8"), _module(path)):
            if name not in exported:
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {name}")
    assert wrong == []


def test_the_package_exports_exactly_its_api():
    public = {name for name in vars(portal.privacy) if not name.startswith("_")}
    modules = {"admin", "documents", "pages", "responses"}
    assert public - modules == set(portal.privacy.__all__)


def test_the_checks_find_what_they_look_for():
    planted = "pages = EventPage.objects.child_of(index).live()\nok = qs.live(True)\n"
    assert bare_live_calls(planted) == [1]
    source = (
        "from portal.privacy import visible_pages, hidden_paths\n"
        "from .privacy.pages import visible_q\n"
        "from ..privacy import public_pages\n"
    )
    assert privacy_imports(source, "portal.sub.mod") == [
        ("visible_pages", 1),
        ("hidden_paths", 1),
        ("public_pages", 3),
    ]
    assert privacy_imports(source, "portal.views") == [
        ("visible_pages", 1),
        ("hidden_paths", 1),
        ("portal.privacy.pages", 2),
    ]
