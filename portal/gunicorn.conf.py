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
    from portal.operations.checks import site_address_problem

    problem = site_address_problem()
    if problem:
        server.log.error(
            "KIM Portal: absolute links will be dead: %s (admin: Settings → Sites)", problem
        )


def post_worker_init(worker):
    """Load WeasyPrint and its fonts before the worker takes requests.

    Importing WeasyPrint and the first font lookup cost about 2 s of CPU (4 s wall on a busy
    2-core machine); without this the first referral-slip PDF of every worker (also after
    each ``max_requests`` recycle) would pay it instead of staying under a second
    (docs/referral.md, "Queries and speed").
    """
    try:
        from weasyprint import HTML

        HTML(string='<p lang="ar" dir="rtl">مرحبا</p><p>Привіт, Grüß Gott</p>').write_pdf()
    except Exception as exc:  # a missing library must not stop the worker: PDFs then fail alone
        if worker is not None:
            worker.log.warning("KIM Portal: PDF warm-up failed: %s", exc)
