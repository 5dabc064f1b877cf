"""The stylesheet built from KERN's SCSS sources (make css, part of make install; issue #22).

It is read here as the browser gets it (the static file the page links to), so these checks
fail when the build is skipped, when a physical left/right property slips through (right to
left pages would not mirror), when the page grows past the phone budget or when the page
starts to load anything from another host.
"""

import gzip
import re
from pathlib import Path

import pytest

from django.conf import settings
from django.contrib.staticfiles import finders

# Budget of the issue: a phone's first visit ≤ 60 KB as sent (HTML, CSS, fonts), a repeat
# visit ≤ 15 KB (the stylesheet is cached: hashed name, far-future expiry in production).
FIRST_VISIT_BYTES = 60 * 1024
REPEAT_VISIT_BYTES = 15 * 1024
PHYSICAL = re.compile(
    r"[{;](?:margin|padding|border)-(?:left|right)\b|[{;](?:left|right):"
    r"|text-align:(?:left|right)|float:(?:left|right)"
)


def stylesheet():
    path = finders.find("css/portal.css")
    assert path, "portal/static/css/portal.css is missing: run `make install` (or `make css`)"
    return Path(path).read_text()


def gz(data):
    return len(gzip.compress(data if isinstance(data, bytes) else data.encode(), 9))


def test_stylesheet_is_built_from_kern_with_logical_properties_only():
    css = stylesheet()
    assert "--kern-color-action-default" in css and ".kern-alert--danger" in css
    assert ".kern-badge" in css
    assert not PHYSICAL.findall(css), "left/right properties do not mirror for ar/fa"
    # Tree-shaken: KERN defines ~700 tokens; only those some rule reads are shipped.
    tokens = set(re.findall(r"(--kern-[\w-]+):", css))
    assert 20 < len(tokens) < 200, len(tokens)
    for token in tokens:
        assert f"var({token}" in css, f"{token} is defined but never read"
    # No dark scheme (the portal's own rules assume a light page) and no foreign request.
    assert "prefers-color-scheme" not in css
    assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", css)
    assert "@import" not in css


def test_built_stylesheet_is_not_committed():
    ignored = (Path(settings.BASE_DIR) / ".gitignore").read_text().split()
    assert "portal/static/css/portal.css" in ignored


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_home_page_fits_the_phone_budget(home, directory_page, sync_locale, client, lang):
    if lang != "de":
        sync_locale(lang)
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    css = stylesheet()
    # Everything the page loads from the portal: the stylesheet, the icon; fonts are none
    # (system fonts, docs/design.md), which this also checks.
    linked = re.findall(r'<link rel="(?:stylesheet|icon)" href="/static/([^"]+)"', html)
    assert "css/portal.css" in linked
    assert "@font-face" not in css
    first = gz(response.content) + sum(gz(Path(finders.find(p)).read_bytes()) for p in linked)
    repeat = gz(response.content)
    assert first <= FIRST_VISIT_BYTES, f"first visit {first} bytes"
    assert repeat <= REPEAT_VISIT_BYTES, f"repeat visit {repeat} bytes"
    # The first screen on a phone: the directory search comes before the shortcuts, both
    # before the introduction; the header offers one menu button and one language control.
    main = html.split('<main id="main"', 1)[1]
    assert main.index('class="start-search"') < main.index('class="shortcuts"')
    assert html.count("<summary") == 2
    assert html.count('class="language-switcher__button"') == 1


def _rules(css):
    """``{selector list: declarations}`` of every innermost rule (media blocks flattened)."""
    rules = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        rules[selector.strip()] = rules.get(selector.strip(), "") + body + ";"
    return rules


def test_kern_components_reach_the_portals_own_elements():
    """frontend/_kern.scss: KERN's button, input, select, checkbox, fieldset, label, card,
    description list, accordion and table rules, compiled from the package's SCSS, on the
    portal's semantic elements; only KERN classes that some template writes are shipped."""
    rules = _rules(stylesheet())
    expected = {
        "button:not(.link-button),.button": "min-block-size:var(--kern-metric-dimension-x-large",
        "textarea": "var(--kern-color-form-input-border-contextual",
        "select": "background:var(--kern-color-layout-layer-surface-contextual",
        "input[type=checkbox]": "appearance:none",
        "fieldset": "min-inline-size:auto",
        "label": "var(--kern-typography-font-weight-label-default",
        ".service-card": "var(--kern-color-decorative-border-contextual",
        ".service-facts>dt": "var(--kern-typography-font-weight-semi-bold",
        ".directory-filters__button": "list-style-type:none",
        ".workspace-table td": "box-shadow:inset 0 -1px 0 0 var(--kern-color-layout-border",
    }
    for element, declaration in expected.items():
        found = [
            body
            for selector, body in rules.items()
            if selector == element or element in [part.strip() for part in selector.split(",")]
        ]
        assert any(declaration in body for body in found), (element, declaration)
    templates = Path(settings.BASE_DIR) / "templates"
    written = set()
    for path in templates.rglob("*.html"):
        written |= set(re.findall(r"kern-[\w-]+", path.read_text()))
    shipped = set(re.findall(r"\.(kern-[\w-]+)", stylesheet()))
    assert shipped <= written, f"KERN classes no template uses: {sorted(shipped - written)}"
    assert ".kern-btn" not in stylesheet() and ".kern-table" not in stylesheet()
