def test_pages_render(client, event):
    r = client.get("/de/veranstaltungen/")
    assert r.status_code == 200, r.content[:3000]
    assert "Fachtag Aufenthaltsrecht" in r.content.decode()
    r = client.get("/de/veranstaltungen/fachtag/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "2 Plätze" in html or "2 places" in html, html
    assert client.get("/de/veranstaltungen/archiv/").status_code == 200
    assert client.get("/de/veranstaltungen/feed/").status_code == 200
    r = client.get("/de/veranstaltungen/kalender/")
    assert b"VTIMEZONE" in r.content, r.content
    r = client.get("/de/veranstaltungen/fachtag/kalender/")
    assert b"Fachtag" in r.content
