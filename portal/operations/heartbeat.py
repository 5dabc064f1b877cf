"""When did ``publish_scheduled`` last run? (#15 item 15)

The command (``portal/management/commands/publish_scheduled.py``, Wagtail's plus this)
writes the time of each run to ``VAR_DIR/heartbeats/publish_scheduled`` — a file, because
cron and the web server share the host and ``VAR_DIR`` but not a process or (in
development) a cache. ``/healthz/scheduled`` answers 503 and the admin dashboard warns
superusers when the last run is older than ``PORTAL_SCHEDULED_MAX_AGE`` seconds (default
1800; cron runs it every 10 minutes, docs/operations.md).
"""

import time
from pathlib import Path

from django.conf import settings

NAME = "publish_scheduled"


def _path(name=NAME):
    return Path(getattr(settings, "PORTAL_HEARTBEAT_DIR", settings.VAR_DIR / "heartbeats")) / name


def beat(name=NAME):
    path = _path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{time.time():.0f}\n")


def age_seconds(name=NAME):
    """Seconds since the last run, or ``None`` when it never ran (or the file is unreadable)."""
    try:
        last = float(_path(name).read_text().strip())
    except (OSError, ValueError):
        return None
    return max(0, int(time.time() - last))


def max_age():
    return int(getattr(settings, "PORTAL_SCHEDULED_MAX_AGE", 1800))


def is_stale(name=NAME):
    age = age_seconds(name)
    return age is None or age > max_age()
