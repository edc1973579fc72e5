"""Settings, read from the environment.

Defaults are the embedded, safe ones: SQLite in the repository and Celery tasks
run eagerly in-process, so `make run` works on a bare machine. Production turns
on PostgreSQL and Redis with DATABASE_URL and CELERY_BROKER_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


def envbool(name: str, default: str) -> bool:
    """A boolean setting; anything but a boolean word stops the start ("DEBUG=ture" is a
    typo to fix, not a quiet false)."""
    value = os.getenv(name, default).strip().lower()
    if value not in _TRUE + _FALSE:
        raise ImproperlyConfigured(
            f"{name}={os.getenv(name)!r} is not a boolean: use one of "
            f"{', '.join(_TRUE)} or {', '.join(_FALSE[:-1])}."
        )
    return value in _TRUE


def envint(name: str, default: str) -> int:
    return int(os.getenv(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG", "false")
# Required when DEBUG is off: the web entry points refuse to start without it (wsgi.py
# and a system check), and Django refuses to sign anything. Offline commands that sign
# nothing, such as `manage.py extract` on the embedded database, still run.
SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-only-used-with-debug-on"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "axes",
    "diplomacy.core",
    "diplomacy.accounts",
    "diplomacy.leaders",
    "diplomacy.articles",
    "diplomacy.meetings",
    "diplomacy.review",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads a body (the CSRF check does): refuses oversized ones unread.
    "diplomacy.accounts.middleware.RequestBodyLimitMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: locks out repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: after this many failures for one username from one address, that
# pair is locked out for AXES_COOLOFF_TIME hours.
AXES_FAILURE_LIMIT = envint("LOGIN_FAILURE_LIMIT", "5")
AXES_COOLOFF_TIME = float(os.getenv("LOGIN_LOCKOUT_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "diplomacy.urls"
WSGI_APPLICATION = "diplomacy.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "diplomacy.accounts.context_processors.role",
                "diplomacy.core.caching.page_cache",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("CONN_MAX_AGE", "0"),
    )
}
# PostgreSQL session settings for every connection, e.g. "-c statement_timeout=30000".
if session_options := os.getenv("DATABASE_SESSION_OPTIONS", ""):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = session_options
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered parts of the analyst pages (diplomacy/core/caching.py), kept until the
# data changes. In memory per process by default; CACHE_URL (redis://...) shares one
# cache between the web processes of a deployment: its own Redis database with a
# maxmemory and an eviction policy (docs/deploy.md). The cache is an optimisation only:
# with Redis down or slow, pages are read from the database.
PAGE_CACHE_SECONDS = envint("PAGE_CACHE_SECONDS", "3600")
if cache_url := os.getenv("CACHE_URL", ""):
    CACHES = {
        "default": {
            "BACKEND": "diplomacy.core.caching.FailSafeRedisCache",
            "LOCATION": cache_url,
            # After a cache error, leave the cache alone this long.
            "RETRY_SECONDS": envint("CACHE_RETRY_SECONDS", "5"),
            "OPTIONS": {
                "socket_connect_timeout": float(os.getenv("CACHE_TIMEOUT_SECONDS", "0.5")),
                "socket_timeout": float(os.getenv("CACHE_TIMEOUT_SECONDS", "0.5")),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": envint("PAGE_CACHE_ENTRIES", "2000")},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "timeline"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"

# Uploads: an article file or pasted text may be up to this many bytes.
ARTICLE_MAX_BYTES = envint("ARTICLE_MAX_BYTES", str(5 * 1024 * 1024))
# One upload of several files, and what a .zip or JSON Lines file may hold.
UPLOAD_MAX_BYTES = envint("UPLOAD_MAX_BYTES", str(50 * 1024 * 1024))
ZIP_MAX_FILES = envint("ZIP_MAX_FILES", "1000")
ZIP_MAX_BYTES = envint("ZIP_MAX_BYTES", str(100 * 1024 * 1024))
JSONL_MAX_LINES = envint("JSONL_MAX_LINES", "10000")
# Fetching articles from URLs and feeds.
FETCH_TIMEOUT_SECONDS = envint("FETCH_TIMEOUT_SECONDS", "10")
# The whole of one fetch, redirects and a slow body included.
FETCH_DEADLINE_SECONDS = envint("FETCH_DEADLINE_SECONDS", "30")
FETCH_MAX_BYTES = envint("FETCH_MAX_BYTES", str(5 * 1024 * 1024))
FETCH_MAX_REDIRECTS = envint("FETCH_MAX_REDIRECTS", "5")
# Only for tests against a local server: allow private and loopback addresses.
FETCH_ALLOW_PRIVATE = envbool("FETCH_ALLOW_PRIVATE", "false")
# Leave room for the rest of the form around a maximal pasted article.
DATA_UPLOAD_MAX_MEMORY_SIZE = ARTICLE_MAX_BYTES + 1024 * 1024
# Request bodies, refused from their Content-Length before they are read
# (accounts/middleware.py): a signed-in request up to the largest upload and its form, an
# anonymous one up to what the login form needs.
REQUEST_BODY_MAX_BYTES = UPLOAD_MAX_BYTES + 1024 * 1024
ANONYMOUS_BODY_MAX_BYTES = envint("ANONYMOUS_BODY_MAX_BYTES", str(64 * 1024))
# A leader's feed link works this many days (accounts/feed_tokens.py).
FEED_TOKEN_DAYS = envint("FEED_TOKEN_DAYS", "90")

# Celery. With no broker, tasks run eagerly in the web process (the embedded default).
CELERY_BROKER_URL = os.getenv("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
if CELERY_TASK_ALWAYS_EAGER:
    # Never contacted when eager; named so Celery does not guess a Redis on localhost.
    CELERY_BROKER_URL = "memory://"
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With the broker down, an upload waits this little before leaving its article queued
# for the sweep.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": envint("CELERY_PUBLISH_RETRIES", "2"),
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": envint("CELERY_VISIBILITY_TIMEOUT", "3600")
}
CELERY_BEAT_SCHEDULE = {
    "requeue-stalled-articles": {
        "task": "diplomacy.articles.tasks.requeue_stalled_articles",
        "schedule": timedelta(seconds=envint("SWEEP_SECONDS", "300")),
    },
    "poll-feeds": {
        "task": "diplomacy.articles.tasks.poll_feeds",
        "schedule": timedelta(minutes=envint("FEED_POLL_MINUTES", "15")),
    },
}
# A database error during extraction is retried this many times, waiting
# INGEST_RETRY_BASE_SECONDS × 2^n between tries, before the article is marked failed.
INGEST_MAX_RETRIES = envint("INGEST_MAX_RETRIES", "8")
INGEST_RETRY_BASE_SECONDS = envint("INGEST_RETRY_BASE_SECONDS", "2")
# An article left `queued` this long is queued again by the sweep.
ARTICLE_STALL_SECONDS = envint("ARTICLE_STALL_SECONDS", "900")
# Extracting one article may take this long; then it fails with a clear error. The
# worker is killed EXTRACTION_KILL_GRACE_SECONDS later if it has not stopped by itself.
# A `processing` article is leased for the whole of that and a minute more: the sweep
# never takes one back from a live worker (articles/services.py, articles_requeue_stalled).
EXTRACTION_TIME_LIMIT_SECONDS = envint("EXTRACTION_TIME_LIMIT_SECONDS", "300")
EXTRACTION_KILL_GRACE_SECONDS = envint("EXTRACTION_KILL_GRACE_SECONDS", "30")
# An article whose lease ran out this many times (its worker lost or killed) ends failed.
ARTICLE_MAX_ATTEMPTS = envint("ARTICLE_MAX_ATTEMPTS", "3")

# Where the shared evaluation corpus lives (for `make run`'s seed and the tests).
SHARED_DIR = Path(os.getenv("DIPLOMACY_SHARED_DIR", BASE_DIR.parent / "shared"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = envint("SESSION_HOURS", "12") * 3600
SESSION_EXPIRE_AT_BROWSER_CLOSE = envbool("SESSION_EXPIRE_AT_BROWSER_CLOSE", "false")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SESSION_COOKIE_SECURE = envbool("SECURE_COOKIES", "true")
    CSRF_COOKIE_SECURE = envbool("SECURE_COOKIES", "true")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "true")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", str(365 * 24 * 3600))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true")
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "true")
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
if envbool("BEHIND_PROXY", "false"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# A strict Content Security Policy: every script and stylesheet comes from static/,
# nothing inline, no other origin.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
}
