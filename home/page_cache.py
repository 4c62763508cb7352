"""A shared cache of whole pages for anonymous readers, emptied whenever content changes.

Every cached page is stored under the current *generation*; publishing, unpublishing,
moving or deleting a page bumps the generation, so no reader ever sees a stale page.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

GENERATION_KEY = "page-cache:generation"
SKIPPED_PREFIXES = ("/admin/", "/accounts/", "/documents/", "/static/", "/media/")


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def current_generation():
    return _cache().get_or_set(GENERATION_KEY, 1, timeout=None)


def invalidate(**kwargs):
    cache = _cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


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


CONTENT_APPS = {"wagtailcore", "councils", "casestudies", "home", "wagtailimages", "wagtaildocs"}


def _content_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS and sender._meta.model_name != "revision":
        invalidate()


def connect_signals():
    page_published.connect(invalidate, dispatch_uid="page_cache_published")
    page_unpublished.connect(invalidate, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(invalidate, dispatch_uid="page_cache_moved")
    post_save.connect(_content_changed, dispatch_uid="page_cache_saved")
    post_delete.connect(_content_changed, dispatch_uid="page_cache_deleted")
