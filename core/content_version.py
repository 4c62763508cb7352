"""One token for "the published content as it is now", for caching what is computed from it.

Counts (items per theme, councils taking part, a council's totals) and fragments (similar
work) are cached under the current version and computed once per content change, not per
render: `cached(name, compute)` costs one cache read of the version and one of the value.
`home.page_cache` starts a new version on every publish, unpublish, move, delete, review and
edit of content, now and again when the change commits. Like the page cache's keys, a version
never repeats, so a lost version can only cost a recomputation, never bring back old counts.
"""

import secrets

from django.conf import settings
from django.core.cache import caches

VERSION_KEY = "content-version"
SECONDS = 24 * 60 * 60


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def current():
    return _cache().get_or_set(VERSION_KEY, lambda: secrets.token_hex(8), timeout=None)


def bump():
    _cache().set(VERSION_KEY, secrets.token_hex(8), timeout=None)


def cached(name, compute, version=None):
    """`compute()` once per content version, under `name` (which must say what it depends on)."""
    key = f"content:{version or current()}:{name}"
    cache = _cache()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, SECONDS)
    return value
