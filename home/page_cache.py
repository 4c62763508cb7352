"""A shared cache of whole pages for anonymous readers, emptied whenever content changes.

Every cached page is stored under the current *generation*, a random token. Publishing,
unpublishing, moving or deleting content starts a new generation, so pages cached before the
change can never be found again. A token never repeats, and if the cache loses it (expiry,
eviction, a restart) the next request draws a new one: the worst a lost token can do is
empty the cache, never bring back an old page.
"""

import hashlib
import secrets

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from freshness.signals import page_reviewed

GENERATION_KEY = "page-cache:generation"
SKIPPED_PREFIXES = ("/admin/", "/accounts/", "/documents/", "/static/", "/media/")


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _new_generation():
    return secrets.token_hex(16)


def current_generation():
    return _cache().get_or_set(GENERATION_KEY, _new_generation, timeout=None)


def _start_new_generation():
    _cache().set(GENERATION_KEY, _new_generation(), timeout=None)


def invalidate(**kwargs):
    """Start a new generation now, and again once the change commits: a reader who rendered
    the old content just before the commit would otherwise have cached it under the first."""
    _start_new_generation()
    transaction.on_commit(_start_new_generation)


def _key(request, generation):
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page-cache:{generation}:{request.method}:{request.get_host()}:{digest}"


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
    )


def _cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not _cacheable_request(request):
            return self.get_response(request)
        key = _key(request, current_generation())
        cached = _cache().get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            _cache().set(key, response, seconds)
            response["X-Page-Cache"] = "miss"
        return response


CONTENT_APPS = {"wagtailcore", "councils", "casestudies", "collaboration", "home",
                "wagtailimages", "wagtaildocs"}
# Saved alongside content, but never shown to readers.
BOOKKEEPING_MODELS = {
    "revision", "pagelogentry", "modellogentry", "referenceindex", "workflowstate", "taskstate",
    "pagesubscription", "comment", "commentreply", "uploadedfile", "emailpreferences",
}


def _content_changed(sender, **kwargs):
    meta = sender._meta
    if meta.apps is not global_apps:
        return  # a migration's historical model: `migrate` starts a new generation at its end
    if meta.app_label in CONTENT_APPS and meta.model_name not in BOOKKEEPING_MODELS:
        invalidate()


def _migrated(sender, **kwargs):
    # Runs once migrations are applied, so the cache table (core/0001) exists by then.
    if sender.name == "home":
        _start_new_generation()


def connect_signals():
    page_published.connect(invalidate, dispatch_uid="page_cache_published")
    page_unpublished.connect(invalidate, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page_cache_moved")
    page_reviewed.connect(invalidate, dispatch_uid="page_cache_reviewed")
    post_save.connect(_content_changed, dispatch_uid="page_cache_saved")
    post_delete.connect(_content_changed, dispatch_uid="page_cache_deleted")
    post_migrate.connect(_migrated, dispatch_uid="page_cache_migrated")
