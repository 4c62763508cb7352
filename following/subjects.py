"""What is new in a subject someone can follow: the one place that says so.

Feeds, the "what I follow" page and email digests all read `items_for` (or the functions
behind it); only published, public content is ever returned, newest first, in a number of
queries that does not grow with the items.
"""

import datetime as dt
from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse
from django.utils.module_loading import import_string

from wagtail.models import Site

from casestudies.models import LearningPage, ProgressUpdate
from collaboration.models import HelpRequest
from councils.models import Council
from search import engine, facets
from search.services import SearchParams

from .models import Follow


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    url: str
    summary: str
    published_at: dt.datetime
    kind: str
    council: Council | None
    updated_at: dt.datetime | None = None  # last published or changed; feeds' <updated>


def _window(queryset, field, since, until):
    if since is not None:
        queryset = queryset.filter(**{f"{field}__gt": since})
    if until is not None:
        queryset = queryset.filter(**{f"{field}__lte": until})
    return queryset


def _kind(page):
    return page.specific_class._meta.verbose_name if page.specific_class else "page"


def published_pages():
    """Every live, public case study, lesson and project."""
    return LearningPage.objects.live().public()


def page_items(pages, since=None, until=None, limit=None):
    """Items for the pages of a LearningPage queryset first published in (since, until]."""
    pages = _window(
        pages.filter(first_published_at__isnull=False), "first_published_at", since, until
    )
    pages = pages.select_related("council").order_by("-first_published_at", "-id")
    if limit is not None:
        pages = pages[:limit]
    pages = list(pages)
    if pages:
        roots = Site.get_site_root_paths()
        for page in pages:
            # Wagtail's own per-object cache: the site root paths read once, not per page.
            page._wagtail_cached_site_root_paths = roots
    return [
        Item(
            id=f"page-{page.pk}",
            title=page.title,
            url=page.get_url(),
            summary=page.get_listing_summary(),
            published_at=page.first_published_at,
            kind=_kind(page),
            council=page.council,
            updated_at=page.last_published_at or page.first_published_at,
        )
        for page in pages
    ]


def theme_pages(theme):
    return published_pages().with_themes([theme])


def council_pages(council):
    return published_pages().involving([council])


def progress_items(project, since=None, until=None, limit=None):
    """A live, public project's live progress updates first published in (since, until]."""
    if not published_pages().filter(pk=project.pk).exists():
        return []
    updates = (
        _window(
            ProgressUpdate.objects.filter(
                project=project, live=True, first_published_at__isnull=False
            ),
            "first_published_at",
            since,
            until,
        )
        .select_related("council")
        .order_by("-first_published_at", "-id")
    )
    if limit is not None:
        updates = updates[:limit]
    url = project.get_url()
    return [
        Item(
            id=f"progress-update-{update.pk}",
            title=update.title,
            url=f"{url}#progress-update-{update.pk}",
            summary=update.text,
            published_at=update.first_published_at,
            kind="progress update",
            council=update.council,
            updated_at=update.last_published_at or update.first_published_at,
        )
        for update in updates
    ]


def help_request_items(since=None, until=None, limit=None, theme=None):
    """Open requests for help made in (since, until], with their public fields only."""
    requests = _window(
        HelpRequest.objects.filter(status=HelpRequest.Status.OPEN), "created_at", since, until
    )
    if theme is not None:
        requests = requests.filter(themes=theme)
    requests = requests.select_related("council").order_by("-created_at", "-pk")
    if limit is not None:
        requests = requests[:limit]
    return [
        Item(
            id=f"help-request-{request.pk}",
            title=request.title,
            url=reverse("collaboration:help_detail", args=[request.pk]),
            summary=request.details,
            published_at=request.created_at,
            kind="request for help",
            council=request.council,
            updated_at=request.updated_at,
        )
        for request in requests
    ]


def canonical_query(data):
    """A search's filters as a query string: its filters only, each sorted; "" if none.

    Values are checked as /search/ checks them (unknown values are dropped), so two
    searches that list the same pages get the same string."""
    return query_of(SearchParams.from_querydict(data))


def query_of(params):
    """The canonical query string of parsed SearchParams (see `canonical_query`)."""
    pairs = []
    if params.shown_query:
        pairs.append(("q", params.shown_query))
    for name, values in params.active.items():
        pairs.extend((name, value) for value in values)
    if params.peers_of:
        pairs.append(("peers_of", params.peers_of.slug))
    result = QueryDict(mutable=True)
    for key, value in sorted(pairs):
        result.appendlist(key, value)
    return result.urlencode()


def describe_search(params):
    """A search in words, e.g. "“bins” in Theme: Waste; Content type: Lessons"."""
    filters = [
        f"{facets.FACET_LABELS[name]}: "
        + ", ".join(sorted(params.vocabulary.label(name, value) for value in values))
        for name, values in sorted(params.active.items())
    ]
    if params.peers_of:
        filters.append(f"Councils like: {params.peers_of}")
    words = f"“{params.shown_query}”" if params.shown_query else ""
    if words and filters:
        return f"{words} in {'; '.join(filters)}"
    return words or "; ".join(filters) or "everything"


def search_pages(params):
    """The live, public pages a search lists (its words and filters), as a queryset."""
    search = engine.faceted_search()
    try:
        match = search.match(params)
        matched = _matched_pks(search, params, match)
    except engine.ENGINE_ERRORS as error:
        if not engine.fallback_backend():
            raise
        engine.warn("a followed search", error)
        search = import_string(engine.DEFAULT_FACETED_SEARCH)(backend=engine.fallback_backend())
        match = search.match(params)
        matched = _matched_pks(search, params, match)
    pages = facets.apply_filters(published_pages(), params.active, match.peers)
    if matched is not None:
        pages = pages.filter(pk__in=list(matched))
    return pages


def _matched_pks(search, params, match):
    """The ids of the pages the search's words match; None when it has no words. An engine
    that ranks results itself (Elasticsearch) says how many match, not which: ask it."""
    if match.matched is None:
        return None
    if search.rank_in_memory:
        return match.matched
    results = search.results(params, match.operator, match.peers, match.matched)
    return [page.pk for page in results]


def search_items(query, since=None, until=None, limit=None):
    params = SearchParams.from_querydict(QueryDict(query))
    return page_items(search_pages(params), since, until, limit)


def items_for(follow, since=None, until=None, limit=None):
    """What is new in what `follow` follows, published in (since, until], newest first."""
    if follow.kind == Follow.Kind.THEME:
        return page_items(theme_pages(follow.theme), since, until, limit)
    if follow.kind == Follow.Kind.COUNCIL:
        return page_items(council_pages(follow.council), since, until, limit)
    if follow.kind == Follow.Kind.PROJECT:
        return progress_items(follow.project, since, until, limit)
    if follow.kind == Follow.Kind.SEARCH:
        return search_items(follow.query, since, until, limit)
    raise ValueError(f"Unknown kind of follow: {follow.kind}")
