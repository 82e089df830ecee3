"""Fazhi settings: everything comes from the environment (see README).

Embedded by default (SQLite, DEBUG on); production mode (FAZHI_ENV=production)
requires a real SECRET_KEY and turns DEBUG off.
"""
from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from fazhi.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("FAZHI_DATA_DIR", str(BASE_DIR.parent / "var")))
if env_str("PYTEST_XDIST_WORKER"):  # each parallel test worker keeps its own queue and file caches
    DATA_DIR = DATA_DIR / env_str("PYTEST_XDIST_WORKER")

PRODUCTION = env_str("FAZHI_ENV", "development") == "production"
DEBUG = env_bool("FAZHI_DEBUG", default=not PRODUCTION)

_DEV_SECRET = "dev-only-insecure-secret-key-do-not-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", "" if PRODUCTION else _DEV_SECRET)
if PRODUCTION and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET):
    raise ImproperlyConfigured("生产模式必须设置 SECRET_KEY 环境变量（SECRET_KEY is required in production）")
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("生产模式不得开启 DEBUG（FAZHI_DEBUG must be off in production）")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "simple_history",
    "fazhi.core",
    "fazhi.publicity",
    "fazhi.learning",
    "fazhi.governance",
    "fazhi.disputes",
    "fazhi.disclosure",
    "fazhi.participation",
    "fazhi.reviews",
    "fazhi.normative",
    "fazhi.contracts",
    "fazhi.decisions",
    "fazhi.enforcement",
    "fazhi.oversight",
    "fazhi.supervision",
    "fazhi.schools",
    "fazhi.otherfigures",
    "fazhi.assessment",
    "fazhi.corrections",
    "fazhi.litigation",
    "fazhi.advisors",
    "fazhi.portal",
    "fazhi.indicators",
    "fazhi.reports",
    "fazhi.demo",
    "fazhi.api",
    "fazhi.home",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # early, so that every answer carries it, including the refusals the middleware below give themselves
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "fazhi.core.middleware.RequestSizeLimitMiddleware",
    "fazhi.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "fazhi.core.middleware.RejectNullCharactersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "fazhi.core.sessions.StaffSessionTimeoutMiddleware",
    "fazhi.core.roles.RoleMatrixMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "fazhi.core.views.errors.DebugErrorPagesMiddleware",  # Chinese 400/404/500 pages under DEBUG too (make run)
    "fazhi.core.middleware.DatabaseTroubleMiddleware",
]

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"

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
                "fazhi.core.context_processors.navigation",
                "fazhi.core.context_processors.database_state",
            ],
        },
    }
]


# IMMEDIATE: a write transaction takes the lock when it begins and waits for it, instead of
# failing with "database is locked" when two requests write at once (e.g. numbering).
SQLITE_OPTIONS = {"timeout": 20, "transaction_mode": "IMMEDIATE"}


def _database() -> dict:
    url = env_str("DATABASE_URL")
    if not url and env_bool("FAZHI_TEST_POSTGRES"):
        url = env_str("FAZHI_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/fazhi")
    if url:
        config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
        if config["ENGINE"] == "django.db.backends.sqlite3":  # a SQLite file named by URL works like the default
            config["OPTIONS"] = SQLITE_OPTIONS | config.get("OPTIONS", {})
        return config
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "fazhi.sqlite3", "OPTIONS": dict(SQLITE_OPTIONS)}


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "fazhi.core.passwords.LettersAndDigitsValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]  # project-wide assets (fazhi/ itself is not an app)
MEDIA_ROOT = DATA_DIR / "uploads"  # outside the web root: served only through authorised views
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Outside production (no collectstatic), whitenoise serves straight from the app folders.
WHITENOISE_USE_FINDERS = not PRODUCTION

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "fazhi.core.views.errors.csrf_failure"  # the pages' scripts read the token from the form (csrfmiddlewaretoken), never the cookie
# Staff sessions end after FAZHI_SESSION_IDLE_MINUTES without a request and FAZHI_SESSION_MAX_HOURS after login
# (fazhi/core/sessions.py), with "登录已过期" on the login page.
FAZHI_SESSION_IDLE_MINUTES = env_int("FAZHI_SESSION_IDLE_MINUTES", 30)
FAZHI_SESSION_MAX_HOURS = env_int("FAZHI_SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = FAZHI_SESSION_MAX_HOURS * 3600
SESSION_COOKIE_SECURE = PRODUCTION and env_bool("FAZHI_HTTPS", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if PRODUCTION and env_bool("FAZHI_HTTPS", True):
    SECURE_HSTS_SECONDS = env_int("FAZHI_HSTS_SECONDS", 31536000)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("FAZHI_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer's health check may come over plain HTTP
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("FAZHI_HSTS_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("FAZHI_HSTS_PRELOAD", False)
# A government intranet host is on no browser preload list, and its parent domain's other hosts are not ours
# to bind to HTTPS: both HSTS extensions stay opt-in (FAZHI_HSTS_SUBDOMAINS / FAZHI_HSTS_PRELOAD).
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FAZHI_MAX_UPLOAD_BYTES = env_int("FAZHI_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
FAZHI_MAX_EVIDENCE_BYTES = env_int("FAZHI_MAX_EVIDENCE_BYTES", 200 * 1024 * 1024)
FAZHI_MAX_REPORT_BATCH_BYTES = env_int("FAZHI_MAX_REPORT_BATCH_BYTES", 200 * 1024 * 1024)
_MB = 1024 * 1024
# Largest request body per address (pattern, bytes; first match wins): 413 with a Chinese message before the body
# is read (fazhi/core/middleware.py). deploy/nginx.conf sets the same caps per location.
FAZHI_BODY_LIMITS = [
    (r"^/enforcement/cases/\d+/evidence/$", FAZHI_MAX_EVIDENCE_BYTES + _MB),
    (r"^/oversight/imports/$", FAZHI_MAX_REPORT_BATCH_BYTES + _MB),
    (r"^/ledgers/[\w-]+/import/$", 20 * _MB),
    (r"^/(api|portal)/", _MB),
    (r"", FAZHI_MAX_UPLOAD_BYTES + 2 * _MB),
]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "DEFAULT_PARSER_CLASSES": [
        "fazhi.api.parsers.SafeJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "PAGE_SIZE": 50,
    "EXCEPTION_HANDLER": "fazhi.api.errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "法治工作台 API",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Login lockout: this many failures for one login name within the window lock it for the window (0 = off).
FAZHI_LOGIN_MAX_FAILURES = env_int("FAZHI_LOGIN_MAX_FAILURES", 5)
FAZHI_LOGIN_LOCKOUT_MINUTES = env_int("FAZHI_LOGIN_LOCKOUT_MINUTES", 15)
FAZHI_LOGIN_MAX_FAILURES_PER_ADDRESS = env_int("FAZHI_LOGIN_MAX_FAILURES_PER_ADDRESS", 30)  # one address, any names

# The public portal and API (no login): requests per minute per client; 0 turns the limit off (load tests).
FAZHI_PUBLIC_RATE_LIMIT = env_int("FAZHI_PUBLIC_RATE_LIMIT", 30)
# Behind nginx/a load balancer: how many proxies append to X-Forwarded-For (0 = use the connecting address).
FAZHI_TRUSTED_PROXY_COUNT = env_int("FAZHI_TRUSTED_PROXY_COUNT", 0)

# 出庭应诉率 per open-court hearing ("hearing", default) or per case heard ("case"): LAW.md §7, local practice varies.
FAZHI_COURT_APPEARANCE_BASIS = env_str("FAZHI_COURT_APPEARANCE_BASIS", "hearing")
# Seconds a county or province page may spend recomputing stored township-year figures before it shows the rest
# as they were last computed (labelled, and finished by `fazhi indicators-refresh` or a background job).
FAZHI_AGGREGATE_REFRESH_SECONDS = float(env_str("FAZHI_AGGREGATE_REFRESH_SECONDS", "1.5"))

# Cache: per-process memory by default; Redis (shared by every app server) when FAZHI_REDIS_URL is set.
_REDIS_URL = env_str("FAZHI_REDIS_URL", "")
FAZHI_REDIS_URL = _REDIS_URL  # cache, rate limits and the background job queue when set
# Background jobs (fazhi/core/jobs.py, huey): on Redis when FAZHI_REDIS_URL is set (a cluster), otherwise in this
# SQLite file (a single server). `fazhi worker` runs them, and the daily jobs, each once a day however many workers
# run: deadline reminders and pending e-mails at FAZHI_DAILY_JOBS_AT, the recompute of stale indicator figures at
# FAZHI_INDICATORS_REFRESH_AT ("HH:MM", Beijing time; empty = not by the worker).
# PDFs made of generated .docx files, kept by content for every process of the server (fazhi/core/pdf.py).
FAZHI_PDF_DIR = env_str("FAZHI_PDF_DIR", str(DATA_DIR / "pdf"))
FAZHI_QUEUE_FILE = env_str("FAZHI_QUEUE_FILE", str(DATA_DIR / "queue.sqlite3"))
FAZHI_QUEUE_NAME = env_str("FAZHI_QUEUE_NAME", "")  # empty: the database's name (installations never mix jobs)
FAZHI_DAILY_JOBS_AT = env_str("FAZHI_DAILY_JOBS_AT", "07:30")
FAZHI_INDICATORS_REFRESH_AT = env_str("FAZHI_INDICATORS_REFRESH_AT", "02:00")
# "portal_versions": the version stamps of the cached public pages (fazhi/portal/cache.py). They must be shared by
# every process of the server (a change saved through one worker invalidates the pages of all), so without Redis
# they are files under FAZHI_DATA_DIR, not process memory.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _REDIS_URL}
    if _REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fazhi",
          "OPTIONS": {"MAX_ENTRIES": 3000}},
    "portal_versions": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": _REDIS_URL}
    if _REDIS_URL
    else {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(DATA_DIR / "cache" / "portal"),
          "OPTIONS": {"MAX_ENTRIES": 100_000}},
}

# E-mail reminders are sent only when a mail server is configured; a failing server never fails an action.
EMAIL_HOST = env_str("FAZHI_EMAIL_HOST", "")
EMAIL_PORT = env_int("FAZHI_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("FAZHI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("FAZHI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("FAZHI_EMAIL_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("FAZHI_EMAIL_FROM", "fazhi@localhost")
FAZHI_EMAIL_ENABLED = bool(EMAIL_HOST)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("FAZHI_LOG_LEVEL", "INFO")},
}
