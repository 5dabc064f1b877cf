import sys

sys.path.insert(0, "/tmp/q")
from dump import dump


def test_dump(workspace_a, make_meeting, client_for, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    for i in range(3):
        make_meeting(
            workspace_a,
            days=5 + i,
            agenda=[{"title": "TOP", "minutes": "<p>x</p>"}],
            decisions=[{"text": f"Beschluss {i}"}],
            actions=[{"what": f"Aufgabe {i}"}],
        )
    client = client_for("member_a")
    dump(client, workspace_a.url)
