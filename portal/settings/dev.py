"""Local development: debug on, a throw-away secret, localhost only."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Static files come from the app folders here (runserver / test client), not STATIC_ROOT.
MIDDLEWARE = [m for m in MIDDLEWARE if m != "whitenoise.middleware.WhiteNoiseMiddleware"]  # noqa: F405

# The default SQLite database lives in var/, which a fresh clone does not have yet.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Without a DeepL key, the dummy translator (reverses the words) shows the machine
# translation flow; its output is obviously not a translation.
if not DEEPL_API_KEY:  # noqa: F405
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
        "OPTIONS": {},
    }

# Development-only commands (benchmarks, load test, profiler): devtools/apps.py.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]  # noqa: F405
