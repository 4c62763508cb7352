"""Settings shared by every environment. Secure by default: nothing here is a secret.

Over 300 lines because Django reads settings from one module; each group below is headed by
what it configures."""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import dj_database_url
from csp.constants import NONE, SELF

from search.analysis import elasticsearch_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "demo",
    "councils",
    "accounts",
    "casestudies",
    "collaboration",
    "search",
    "api",
    "insights",
    "following",
    "digests",
    "freshness",
    "dashboard",
    "wagtail.contrib.forms",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.StripNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "csp.middleware.CSPMiddleware",
    "home.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailOrUsernameBackend",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"


def tuned_for_sqlite(database):
    """SQLite settings for editors publishing while readers read.

    WAL lets readers run beside a writer; IMMEDIATE takes the write lock when a transaction
    starts, so two writers queue for it (up to `timeout` seconds) instead of one failing to
    upgrade its read lock with "database is locked"."""
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("OPTIONS", {}).update(
            {
                "transaction_mode": "IMMEDIATE",
                "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            }
        )
    return database


DATABASES = {
    "default": tuned_for_sqlite(
        dj_database_url.config(
            env="DATABASE_URL",
            default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        )
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
# govuk-frontend is installed by npm into node_modules; only its dist folder is served.
GOVUK_FRONTEND_DIST = BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk"
if GOVUK_FRONTEND_DIST.exists():
    STATICFILES_DIRS.append(("govuk", GOVUK_FRONTEND_DIST))
STATIC_ROOT = os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Shared Endeavour"
# Avatars are the initials Wagtail draws itself: no request to an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminSignInForm"

# Published content neither reviewed nor republished for this many months is stale.
CONTENT_STALE_MONTHS = 6
# The site's address in emails (invitations, moderation). Production requires it.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
TAGGIT_CASE_INSENSITIVE = True

WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
# SEARCH_URL (comma-separated for a cluster) switches search and similarity to Elasticsearch.
# The database index is kept current too, so a request can fall back to it when the engine is
# unreachable (search/engine.py).
SEARCH_URLS = env_list("SEARCH_URL")
if SEARCH_URLS:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch8",
            "URLS": SEARCH_URLS,
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX", "shared_endeavour") + "_",
            "TIMEOUT": float(os.environ.get("SEARCH_TIMEOUT", "5")),
            "ATOMIC_REBUILD": True,
            "OPTIONS": {"max_retries": 1, "retry_on_timeout": False},
            # The site's text analysis (search/analysis.py), from the same stop list and
            # thesaurus; SEARCH_SYNONYMS=1 adds the thesaurus as synonyms (a full engine only).
            "INDEX_SETTINGS": elasticsearch_settings(synonyms=env_bool("SEARCH_SYNONYMS")),
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }
    # One shard, and no deleted document left to skew relevance statistics once expunged
    # (search/similarity/elasticsearch.py settle_index): identical runs rank identically.
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_SETTINGS"]["settings"]["index"] = {
        "number_of_shards": 1,
        "merge": {"policy": {"expunge_deletes_allowed": 0}},
    }
    SEARCH_FACETED_SEARCH = "search.elasticsearch_facets.ElasticsearchFacetedSearch"
    SEARCH_SIMILARITY_BACKEND = "search.similarity.elasticsearch.ElasticsearchSimilarityBackend"
    SEARCH_FALLBACK_BACKEND = "database"
# The share of a match that is meaning (sentence embeddings, search/matching/meaning.py); 0 off.
SEARCH_MEANING_WEIGHT = float(os.environ.get("SEARCH_MEANING_WEIGHT", "0.5"))

LOGIN_URL = "accounts:sign_in"

# Sign-in lockout (django-axes) and rate limits on the public forms (django-ratelimit): see
# core/throttling.py, accounts/lockout.py and the README. Axes locks a username at one IP
# address after AXES_FAILURE_LIMIT wrong passwords, for AXES_COOLOFF_MINUTES after the latest.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.locked_out"
AXES_USERNAME_CALLABLE = "accounts.backends.lockout_username"
AXES_CLIENT_IP_CALLABLE = "core.throttling.client_ip"
RATELIMIT_VIEW = "core.throttling.too_many_requests"
RATELIMIT_IP_META_KEY = "core.throttling.client_ip"
# Behind a proxy, the request.META key of the header the proxy sets to the client's address,
# e.g. HTTP_X_FORWARDED_FOR (its right-most address is used). Unset: REMOTE_ADDR.
RATELIMIT_CLIENT_IP_HEADER = os.environ.get("RATELIMIT_CLIENT_IP_HEADER", "")
# Requests per client IP address; the -email rates count one email address from anywhere.
RATELIMIT_RATES = {
    "sign-in": "30/15m",  # both sign-in pages together
    "request-access": "10/h",
    "request-access-email": "3/d",
    "password-reset": "10/h",
    "password-reset-email": "5/d",
    "invitation": "10/h",
    "similar-councils": "60/m",
    "export": "30/h",  # CSV and JSON downloads of search results (search/export_views.py)
    # Joint work (collaboration/): per client IP address, and per account (-person).
    "join-project": "30/h",
    "join-project-person": "10/h",
    "face-this-too": "60/h",
    "face-this-too-person": "30/h",
    "reuse": "30/h",
    "reuse-person": "10/h",
    "help-request": "20/h",
    "help-request-person": "5/h",
    "help-offer": "30/h",
    "help-offer-person": "10/h",
    "help-decision": "120/h",  # marking offers that helped, closing, email preferences
    "help-decision-person": "60/h",
    "introduction": "60/h",
    "introduction-person": "30/h",
    # Email digests (digests/): the settings page, and unsubscribe links from emails.
    "digest-settings": "60/h",
    "digest-settings-person": "30/h",
    "unsubscribe": "30/h",
    "follow": "120/h",  # following and unfollowing (following/views.py)
    "follow-person": "60/h",
}

# Public pages run no inline script or style. The Wagtail admin (and its previews) has its
# own needs and is left out.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Whole pages are cached for anonymous readers only when this is above zero.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Shared Endeavour <no-reply@localhost>")
# Where readers write with feedback (the accessibility statement) when the site settings
# give no address.
FEEDBACK_EMAIL = os.environ.get("FEEDBACK_EMAIL", "")
# Workflow notifications (submitted, approved, rejected) come from the same address.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
ACCOUNTS_INVITATION_DAYS = int(os.environ.get("ACCOUNTS_INVITATION_DAYS", "7"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

COUNCIL_REGISTER_CSV = BASE_DIR / "data" / "uk_local_authorities_current.csv"
COUNCIL_PROFILE_CSV = BASE_DIR / "data" / "council_profile_labels.csv"


def require_env(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


# The open API may be read from any site; nothing else is shared across origins.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
