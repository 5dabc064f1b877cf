"""Production: refuses to start without a secret and a host list."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "SECRET_KEY must be at least 50 characters long and random "
        "(python -c 'import secrets; print(secrets.token_urlsafe(64))')."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production (comma-separated).")

# LOCAL_HTTP=1 runs the production configuration over plain HTTP on this machine only
# (make serve-prod, load tests). Never set it on a server.
_HTTPS = os.environ.get("LOCAL_HTTP", "") != "1"
SECURE_SSL_REDIRECT = _HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31_536_000 if _HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _HTTPS
SECURE_HSTS_PRELOAD = _HTTPS
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# PostgreSQL connections come from a psycopg pool per process (Django 5.1+): a request
# borrows one and gives it back, instead of connecting each time. DB_POOL_MAX_SIZE bounds the
# connections of one process (gunicorn threads per worker is enough); 0 switches the pool off
# for a server-side pooler such as PgBouncer. A pool needs CONN_MAX_AGE 0. DB_POOL_TIMEOUT
# (seconds, default 0.5; a request may try twice) bounds the wait for a connection: with
# PostgreSQL down the 503 page comes within a second and the worker is free again (#15).
# The pool (8) is larger than a worker's threads (4), so a healthy request never waits.
_POOL_MAX = int(os.environ.get("DB_POOL_MAX_SIZE", "8"))
if IS_POSTGRES and _POOL_MAX > 0:  # noqa: F405
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {  # noqa: F405
        "min_size": 1,
        "max_size": _POOL_MAX,
        "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "0.5")),
        # Do not keep retrying a dead server in the background for long.
        "reconnect_timeout": float(os.environ.get("DB_POOL_RECONNECT_TIMEOUT", "30")),
    }

# SQLite (the embedded setup): each thread keeps its connection for a minute instead of
# opening one per request. A new SQLite connection parses the whole schema on its first
# query, about 4 ms for the portal's tables on this machine: more than a page from the page
# cache costs otherwise (issue #21, docs/performance.md). CONN_MAX_AGE in the environment wins.
if not IS_POSTGRES and "CONN_MAX_AGE" not in os.environ:  # noqa: F405
    DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405

# Superusers confirm a TOTP code before the admin opens (REQUIRE_2FA=0 switches it off).
PORTAL_REQUIRE_2FA_FOR_SUPERUSERS = os.environ.get("REQUIRE_2FA", "1") != "0"

# Whether machine translation is on, and for which languages, is said in the admin's
# translation status view; `check --deploy` on a server reports nothing (issue #8).
SILENCED_SYSTEM_CHECKS = ["portal.I001", "portal.I002"]

# The load test's server side (manage.py loadtest) runs with these settings: devtools/apps.py.
if os.environ.get("KIM_DEVTOOLS") == "1":
    INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
