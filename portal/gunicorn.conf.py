"""gunicorn settings for production (``gunicorn -c portal/gunicorn.conf.py portal.wsgi``).

Two sync workers per core with four threads each suits this I/O-bound app (database and
cache round trips); override with WEB_CONCURRENCY / GUNICORN_THREADS.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8001")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread"
max_requests = 2000
max_requests_jitter = 200
timeout = 30
graceful_timeout = 20
accesslog = "-"
# Paths only: no query strings (directory searches may reveal health matters) and no client
# address (#15). ACCESS_LOG_FORMAT overrides it; retention is the log system's (docs/operations.md).
access_log_format = os.environ.get(
    "ACCESS_LOG_FORMAT", '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'
)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def when_ready(server):
    """Say loudly at start when the site's address would make every absolute link dead."""
    import django

    django.setup()
    from portal.checks import site_address_problem

    problem = site_address_problem()
    if problem:
        server.log.error(
            "KIM Portal: absolute links will be dead: %s (admin: Settings → Sites)", problem
        )
