"""``make bench``: production code paths (WhiteNoise, hashed static files, DEBUG off) in one
process, with a throw-away database and a fixed, non-secret key."""

from .base import *  # noqa: F403

SECRET_KEY = "bench-only-not-secret-" + "x" * 40  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
HANDBOOK_PDF_ON_PUBLISH = False

# Development-only commands (benchmarks, load test, profiler): devtools/apps.py.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
