import os

from .base import *  # noqa: F403
from .base import env_list

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

if SEARCH_URLS:  # noqa: F405
    # Test indices of their own, named per run so runs side by side never share them; the
    # backend makes writes searchable at once (search/testing.py).
    WAGTAILSEARCH_BACKENDS["default"].update(  # noqa: F405
        {
            "BACKEND": "search.testing.RefreshingElasticsearchBackend",
            "INDEX_PREFIX": f"test_{os.environ.get('SEARCH_INDEX', 'shared_endeavour')}_"
            f"{os.getpid()}_",
        }
    )

_DATABASE = DATABASES["default"]  # noqa: F405
if os.environ.get("SQLITE_TEST_FILE") and _DATABASE["ENGINE"].endswith("sqlite3"):
    # An SQLite file, as in production, for tests of its locking (tests/concurrency): an
    # in-memory database is one connection shared by every thread.
    _DATABASE["TEST"] = {"NAME": os.environ["SQLITE_TEST_FILE"]}
