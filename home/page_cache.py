"""A shared cache of whole pages for anonymous readers, invalidated by what a change touched.

**Keys.** A page is cached under its path and the query parameters its view reads; every other
parameter (utm_*, fbclid, random strings) is dropped from the key *and from the request*, so
the view cannot show it and a stranger's parameters cannot force a render or flush the cache.
Wagtail pages read the listing filters; other views declare theirs in `VIEW_PARAMS`; an
undeclared view loses only the tracking parameters, and is not cached with a query string
longer than `MAX_QUERY_LENGTH`. Keys are hashes, so bounded; entries are bounded by the
cache's own MAX_ENTRIES (or Redis's maxmemory).

**Tags.** Each entry records the tags of the content it shows (`page:<id>`, `council:<id>`,
`themes`; views that declare none get `any`), plus `site`, each with the tag's current token.
A hit is served only while every token is unchanged. Publishing, unpublishing, moving,
deleting or reviewing a learning page replaces the tokens of the page, its ancestors (its
listing and the home page), the theme pages, its councils before and after the change and
`any` (search, feeds, the API); any other content change replaces `site`, which every entry
carries. Tokens never repeat: a lost token only costs a render, never brings back a page. An
entry is stored only if no change started while it rendered (the `CHANGE_KEY` token), and
every change replaces tokens now and again when it commits.

**Stampede.** A burst of misses for one key renders once: the first takes a short lock with
`cache.add`; the rest wait up to `LOCK_WAIT` seconds for its entry.

Over 300 lines: keys, tags and what each kind of change touches must agree, so they stay in
one module.
"""

import hashlib
import secrets
import time

from django.apps import apps as global_apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete, pre_save
from django.urls import Resolver404, resolve

from wagtail import hooks
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import cache_tags, content_version
from freshness.signals import page_reviewed

from .seo import TRACKING_PREFIXES

CHANGE_KEY = "page-cache:change"
TAG_KEY = "page-cache:tag:{}"
SITE_TAG, ANY_TAG, THEMES_TAG = "site", "any", "themes"
# Kept for callers and tests that read the old name: the change token.
GENERATION_KEY = CHANGE_KEY
SKIPPED_PREFIXES = ("/admin/", "/accounts/", "/documents/", "/static/", "/media/")
MAX_QUERY_LENGTH = 1000
LOCK_SECONDS, LOCK_WAIT, LOCK_POLL = 10, 3.0, 0.05

LISTING_PARAMS = frozenset({"page", "theme", "kind", "nation", "council_type"})
SEARCH_PARAMS = frozenset(
    {
        "q",
        "council",
        "peers_of",
        "sort",
        "page",
        "kind",
        "theme",
        "council_type",
        "nation",
        "region",
        "phase",
        "year",
    }
)
# URL name -> the query parameters its view reads.
VIEW_PARAMS = {
    "wagtail_serve": LISTING_PARAMS,
    "search:search": SEARCH_PARAMS,
    "search:export_csv": SEARCH_PARAMS | {"columns"},
    "search:export_json": SEARCH_PARAMS | {"columns"},
    "search:similar_councils": frozenset({"problem"}),
    "councils:directory": frozenset({"q", "nation", "region", "council_type", "former", "page"}),
    "councils:detail": frozenset(),  # and each section's page: councils.views.SECTION_PAGE
    "sitemap_section": frozenset({"p"}),
}


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _token():
    return secrets.token_hex(8)


def current_generation():
    """The change token: replaced by every change, read around each render."""
    return _cache().get_or_set(CHANGE_KEY, _token, timeout=None)


def _tokens(tags, create=False):
    keys = {TAG_KEY.format(tag): tag for tag in tags}
    found = _cache().get_many(list(keys))
    tokens = {keys[key]: value for key, value in found.items()}
    if create:
        missing = {TAG_KEY.format(tag): _token() for tag in tags if tag not in tokens}
        if missing:
            _cache().set_many(missing, timeout=None)
            tokens.update({keys[key]: value for key, value in missing.items()})
    return tokens


def _replace(tags):
    cache = _cache()
    cache.set_many({TAG_KEY.format(tag): _token() for tag in tags}, timeout=None)
    cache.set(CHANGE_KEY, _token(), timeout=None)
    content_version.bump()


def invalidate_tags(tags):
    """Replace the tags' tokens now, and again once the change commits: a reader who rendered
    the old content just before the commit could otherwise have cached it."""
    tags = set(tags)
    _replace(tags)
    transaction.on_commit(lambda: _replace(tags))


def invalidate(**kwargs):
    """Every cached page is stale (a change to something every page may show)."""
    invalidate_tags({SITE_TAG})


# Keys -------------------------------------------------------------------------------------------


def _view_params(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return LISTING_PARAMS  # Wagtail's catch-all serves it, or it is a 404
    name = match.view_name
    if name in VIEW_PARAMS:
        return VIEW_PARAMS[name]
    if match.func.__module__.startswith("wagtail.views"):
        return LISTING_PARAMS
    return None


def _kept_query(request):
    """The request's query parameters that its view reads, or None when it may not be cached."""
    params = _view_params(request)
    kept = request.GET.copy()
    from councils.views import SECTION_PAGE

    for name in list(kept):
        declared = (
            params is None
            or name in params
            or (params is VIEW_PARAMS["councils:detail"] and name.startswith(SECTION_PAGE))
        )
        if not declared or name.startswith(TRACKING_PREFIXES):
            del kept[name]
    if len(kept.urlencode()) > MAX_QUERY_LENGTH:
        return None
    return kept


def _key(request, query):
    items = sorted((name, tuple(query.getlist(name))) for name in query)
    raw = f"{request.method}:{request.get_host()}:{request.path}:{items!r}"
    return f"page-cache:entry:{hashlib.sha256(raw.encode()).hexdigest()}"


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


def _valid(entry):
    if not isinstance(entry, dict) or "tokens" not in entry:
        return None
    if _tokens(entry["tokens"]) != entry["tokens"]:
        return None
    return entry["response"]


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or not _cacheable_request(request):
            return self.get_response(request)
        query = _kept_query(request)
        if query is None:
            return self.get_response(request)
        if query.urlencode() != request.GET.urlencode():
            query._mutable = False
            request.GET = query
            request.META["QUERY_STRING"] = query.urlencode()
        key = _key(request, query)
        cache = _cache()
        cached = _valid(cache.get(key))
        if cached is not None:
            return _served(cached, "hit")
        lock = f"{key}:lock"
        if not cache.add(lock, 1, LOCK_SECONDS):
            deadline = time.monotonic() + LOCK_WAIT
            while time.monotonic() < deadline:
                time.sleep(LOCK_POLL)
                cached = _valid(cache.get(key))
                if cached is not None:
                    return _served(cached, "hit")
            lock = None
        try:
            return self._render(request, key, seconds)
        finally:
            if lock:
                cache.delete(lock)

    def _render(self, request, key, seconds):
        change = current_generation()
        response = self.get_response(request)
        if _cacheable_response(response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            tags = cache_tags.noted(request) or {ANY_TAG}
            tokens = _tokens(tags | {SITE_TAG}, create=True)
            if current_generation() == change:
                _cache().set(key, {"response": response, "tokens": tokens}, seconds)
            response["X-Page-Cache"] = "miss"
        return response


def _served(response, state):
    response["X-Page-Cache"] = state
    return response


@hooks.register("before_serve_page")
def _note_page(page, request, serve_args, serve_kwargs):
    from casestudies.models import ThemeIndexPage, ThemePage

    cache_tags.note(request, f"page:{page.pk}")
    if isinstance(page, (ThemePage, ThemeIndexPage)):
        cache_tags.note(request, THEMES_TAG)


# What a change touched ----------------------------------------------------------------------

CONTENT_APPS = {
    "wagtailcore",
    "councils",
    "casestudies",
    "collaboration",
    "home",
    "wagtailimages",
    "wagtaildocs",
}
# Saved alongside content, but never shown to readers.
BOOKKEEPING_MODELS = {
    "revision",
    "pagelogentry",
    "modellogentry",
    "referenceindex",
    "workflowstate",
    "taskstate",
    "pagesubscription",
    "comment",
    "commentreply",
    "uploadedfile",
    "emailpreferences",
}


def _learning_page(page):
    from casestudies.models import LearningPage

    return isinstance(page, LearningPage)


def _related_in_database(page):
    """Tags for what lists this learning page, as the database holds it now: its council and
    partner councils (their profiles), and the lessons it is a source of, or a lesson's
    sources (each page lists the other)."""
    from casestudies.models import LearningPage, LessonSource, Partnership

    council = LearningPage.objects.filter(pk=page.pk).values_list("council_id", flat=True).first()
    tags = {f"council:{council}"} if council else set()
    tags |= {
        f"council:{pk}"
        for pk in Partnership.objects.filter(page_id=page.pk).values_list("council_id", flat=True)
    }
    for lesson, source in LessonSource.objects.filter(
        Q(lesson_id=page.pk) | Q(page_id=page.pk)
    ).values_list("lesson_id", "page_id"):
        tags |= {f"page:{lesson}", f"page:{source}"}
    return tags


def page_tags(page):
    """The tags a change to this learning page touches, before and after the change."""
    tags = {f"page:{page.pk}", THEMES_TAG, ANY_TAG}
    tags |= {f"page:{pk}" for pk in Page.objects.ancestor_of(page).values_list("pk", flat=True)}
    return tags | _related_in_database(page) | getattr(page, "_page_cache_related", set())


def _page_changed(sender=None, instance=None, **kwargs):
    instance = instance if instance is not None else kwargs["page"]  # page_reviewed's name
    page = instance.specific_deferred if type(instance) is Page else instance
    if _learning_page(page):
        invalidate_tags(page_tags(page))
    else:
        invalidate()  # a section, the home page or an about page: in every page's navigation


def _remember_councils(sender, instance, **kwargs):
    """Before a learning page's row changes, note what listed it (its councils' profiles)."""
    if _learning_page(instance) and instance.pk:
        instance._page_cache_related = _related_in_database(instance)


def _page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    page = instance.specific_deferred if type(instance) is Page else instance
    if not _learning_page(page) or page.numchild:
        invalidate()
        return
    tags = page_tags(page)
    for parent in (parent_page_before, parent_page_after):
        if parent is not None:
            ancestors = Page.objects.ancestor_of(parent, inclusive=True)
            tags |= {f"page:{pk}" for pk in ancestors.values_list("pk", flat=True)}
    invalidate_tags(tags)


def _parent_page(instance):
    """The page an inline object (a featured item, a progress update) is saved with."""
    from modelcluster.fields import ParentalKey

    for field in instance._meta.concrete_fields:
        if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
            return getattr(instance, field.name, None)
    return None


def _content_changed(sender, instance=None, **kwargs):
    meta = sender._meta
    if meta.apps is not global_apps:
        return  # a migration's historical model: `migrate` starts a new generation at its end
    if meta.app_label not in CONTENT_APPS or meta.model_name in BOOKKEEPING_MODELS:
        return
    if isinstance(instance, Page):
        if instance.live or kwargs.get("signal") is post_delete:
            _page_changed(instance=instance)
        return  # a draft: shown when published, which signals it
    parent = _parent_page(instance) if instance is not None else None
    if parent is not None:
        if parent.live:
            _page_changed(instance=parent)
        return
    invalidate()


def _migrated(sender, **kwargs):
    # Runs once migrations are applied, so the cache table (core/0001) exists by then.
    if sender.name == "home":
        _replace({SITE_TAG})


def connect_signals():
    page_published.connect(_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="page_cache_moved")
    page_reviewed.connect(_page_changed, dispatch_uid="page_cache_reviewed")
    pre_save.connect(_remember_councils, dispatch_uid="page_cache_remember")
    pre_delete.connect(_remember_councils, dispatch_uid="page_cache_remember_delete")
    post_save.connect(_content_changed, dispatch_uid="page_cache_saved")
    post_delete.connect(_content_changed, dispatch_uid="page_cache_deleted")
    post_migrate.connect(_migrated, dispatch_uid="page_cache_migrated")
