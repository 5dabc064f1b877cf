"""Settings shared by every environment.

Everything that differs between machines comes from environment variables (see the
configuration table in README.md and ``.env.example``). ``DEBUG`` is off here; ``dev`` and
``test`` only relax, ``production`` only tightens.
"""

import os
from pathlib import Path

import dj_database_url
import dj_email_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    "portal",
    "home",
    "home.events",
    "services_directory",
    "groups",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Outermost: compresses every HTML/JSON answer, cached ones too (Django's gzip adds
    # random padding against BREACH). Static files come pre-compressed from WhiteNoise.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered here, before anything that reads the database or the page
    # cache (a stylesheet must cost less than a cached page; issue #21).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.DatabaseUnavailableMiddleware",
    "portal.middleware.ContentVersionMiddleware",
    "portal.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.middleware.LocaleMiddleware",  # Django's, leaving the /api/ 404s alone
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(); then no admin page without the second factor
    # (portal/security/otp.py).
    "django_otp.middleware.OTPMiddleware",
    "portal.security.otp.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# A SQLite file under var/ unless DATABASE_URL says otherwise (postgres://… in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'kim.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if IS_POSTGRES:
    # An unreachable server fails fast (the 503 page) instead of holding a worker (#15).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", int(os.environ.get("DB_CONNECT_TIMEOUT", "2"))
    )

# --- Search ---------------------------------------------------------------------------------
# The Wagtail database backend (PostgreSQL FTS with the German config, or SQLite FTS5) unless
# SEARCH_URL names an Elasticsearch/OpenSearch server. The database backend then stays
# configured as "fallback" so public search can degrade instead of failing.
DATABASE_SEARCH = {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": True}
if IS_POSTGRES:
    DATABASE_SEARCH["SEARCH_CONFIG"] = "german"

SEARCH_URL = os.environ.get("SEARCH_URL", "")
SEARCH_ENGINES = {
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}
# German for all text fields on a search cluster: the built-in "german" analyzer's steps
# (stop words, umlaut normalisation, light stemming), with compounds split first, so that
# "Beratung" finds "Flüchtlingsberatung". The word parts are the portal's common ones
# (lower case); tested live against OpenSearch (tests/search_live, docs/search.md).
SEARCH_COMPOUND_PARTS = [
    "arbeit",
    "ausbildung",
    "beratung",
    "berufs",
    "bildung",
    "dienst",
    "eltern",
    "familie",
    "familien",
    "flucht",
    "flüchtling",
    "frauen",
    "gesundheit",
    "hilfe",
    "integration",
    "jugend",
    "kind",
    "kinder",
    "kurs",
    "kurse",
    "lotse",
    "lotsen",
    "migration",
    "netzwerk",
    "recht",
    "schule",
    "sprach",
    "sprache",
    "stelle",
    "stellen",
    "treff",
    "unterricht",
    "verein",
    "wohnung",
    "zentrum",
]
SEARCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": [
                        "lowercase",
                        "german_compounds",
                        "german_stop",
                        "german_normalization",
                        "german_stemmer",
                    ],
                }
            },
            "filter": {
                "german_compounds": {
                    "type": "dictionary_decompounder",
                    "word_list": SEARCH_COMPOUND_PARTS,
                    "min_subword_size": 4,
                },
                "german_stop": {"type": "stop", "stopwords": "_german_"},
                "german_stemmer": {"type": "stemmer", "language": "light_german"},
            },
        }
    }
}
if SEARCH_URL:
    SEARCH_ENGINE = os.environ.get("SEARCH_ENGINE", "elasticsearch8")
    if SEARCH_ENGINE not in SEARCH_ENGINES:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"SEARCH_ENGINE must be one of {', '.join(SEARCH_ENGINES)}, not {SEARCH_ENGINE!r}"
        )
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_ENGINES[SEARCH_ENGINE],
            "URLS": [SEARCH_URL],
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "kim_"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": SEARCH_INDEX_SETTINGS,
            "AUTO_UPDATE": True,
        },
        # Kept up to date on every save too, so that it has today's pages when it answers.
        "fallback": DATABASE_SEARCH,
    }
else:
    SEARCH_ENGINE = "database"
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH}

# Indexing runs on save through django-tasks; the immediate backend needs no worker process.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# --- Cache ----------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")


def cache_settings(redis_url):
    """``CACHES`` for Redis at ``redis_url``, or a per-process memory cache without one."""
    if not redis_url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "OPTIONS": {
                # A cache that is down must not take the site with it.
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
            "KEY_PREFIX": "kim",
        }
    }


CACHES = cache_settings(REDIS_URL)
DJANGO_REDIS_IGNORE_EXCEPTIONS = True

# --- E-mail ---------------------------------------------------------------------------------
_email = dj_email_url.parse(os.environ.get("EMAIL_URL", "console://"))
EMAIL_BACKEND = _email["EMAIL_BACKEND"]
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "KIM Kreis Mettmann <kim@kreis-mettmann.de>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Passwords ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Login throttling (django-axes) ---------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "portal.auth.ThrottlingBackend",
    "portal.auth.GroupsPrefetchingBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
# A user name with address, and a user name alone over all addresses (#15): rotating
# addresses no longer multiplies the guesses; the real person waits the cool-off at worst.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "portal/lockout.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0")) or None
AXES_VERBOSE = False

# --- Two-factor authentication (portal/security/otp.py) -------------------------------------
# Superusers must confirm a TOTP code before the admin opens; production turns it on.
PORTAL_REQUIRE_2FA_FOR_SUPERUSERS = os.environ.get("REQUIRE_2FA", "") == "1"
OTP_TOTP_ISSUER = "KIM Portal Kreis Mettmann"
# Login records (with client addresses) are deleted after this many days (purge_login_log).
PORTAL_LOGIN_LOG_DAYS = int(os.environ.get("LOGIN_LOG_DAYS", "180"))
# Registrations for events are deleted this many days after the event (purge_event_registrations).
EVENT_REGISTRATION_RETENTION_DAYS = int(os.environ.get("EVENT_RETENTION_DAYS", "90"))

# --- Languages ------------------------------------------------------------------------------
# German first: the first Locale row is created from LANGUAGE_CODE by the first migrate.
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    # Leichte Sprache (easy-to-read German, docs/i18n.md): a content locale of its own with
    # the prefix /de-ls/. There is no language tag for it: pages say lang="de" and carry
    # data-variant="leichte-sprache" (PORTAL_HTML_LANG); hreflang never names it.
    ("de-ls", "Leichte Sprache"),
]
LANGUAGES_BIDI = ["ar", "fa"]
EASY_LANGUAGE = "de-ls"
# The HTML lang (and hreflang) of locales whose code is not a language tag ("de-LS" would
# read as German in Lesotho).
PORTAL_HTML_LANG = {EASY_LANGUAGE: "de"}
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Translating must go through moderation like any other change (docs/i18n.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor: DeepL when a key is set (docs/i18n.md).
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "portal.i18n.machine.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY, "TIMEOUT": 30},
    }

# --- Static and media -----------------------------------------------------------------------
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "KIM Portal Kreis Mettmann"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_FRONTEND_LOGIN_URL = "portal:login"
# After a login without "next", members land on the workspace overview ("My workspaces");
# LocaleMiddleware adds the visitor's language prefix.
LOGIN_REDIRECT_URL = "/gremien/"
# Shared passwords are stored in plain text by Wagtail; workspaces use groups only.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Documents are always served through Wagtail's permission-checking view.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# mp4/webm/vtt: the sign-language (DGS) video on the start page and its captions.
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "mp4", "webm", "vtt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
# Also checks that a file's content matches its extension (HTML renamed to .pdf is refused).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "home.forms.DocumentForm"
# Images are public files: none in a private (workspace) collection (docs/privacy.md).
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.forms.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]

# --- Security (tightened further in production.py) ------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
LOGIN_URL = "portal:login"
# After a login without "next", members land on the workspace overview ("My workspaces");
# LocaleMiddleware adds the visitor's language prefix.
LOGIN_REDIRECT_URL = "/gremien/"

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"once": {"()": "portal.operations.logfilters.OncePerMessage"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # "Using fontTools instead of HarfBuzz-Subset …" once, not once per font and PDF.
    "loggers": {"weasyprint": {"filters": ["once"]}},
}

PORTAL_CONTACT_EMAIL = "kim@kreis-mettmann.de"
PORTAL_LANGUAGE_NAMES = dict(LANGUAGES)
