"""Security headers: strict CSP without inline scripts on public pages; framing denied."""

import re


def test_public_pages_send_strict_headers(home, content_page, client):
    for url in ["/de/", "/de/ueber-kim/", "/de/suche/?q=KIM", "/de/anmelden/", "/de/nix/"]:
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "'unsafe-inline'" not in csp, url
        assert "frame-ancestors 'none'" in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_public_templates_have_no_inline_script_or_style(home, content_page, client):
    html = client.get("/de/ueber-kim/").content.decode()
    # Scripts only by src (JSON-LD data blocks are not executed and are allowed).
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/ld+json"' in tag, tag
    assert " style=" not in html and "<style" not in html
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


def test_admin_keeps_its_own_policy(admin_client):
    response = admin_client.get("/admin/")
    assert "Content-Security-Policy" not in response
