"""Which search implementation answers a request, and what happens when the engine cannot.

Configuration chooses the implementations: `SEARCH_FACETED_SEARCH` (the faceted search class),
`SEARCH_SIMILARITY_BACKEND` (see `search.similarity`) and `SEARCH_FALLBACK_BACKEND` (the name of
a Wagtail search backend to use when the engine fails). `config/settings/base.py` sets all three
when `SEARCH_URL` is set. Views call the functions here and never ask which engine is behind
them.

When Elasticsearch is unreachable, times out or answers with an error, the request is answered
from the database instead, with a short notice for the reader and a warning in the log.
"""

import logging

from django.conf import settings
from django.utils.module_loading import import_string

from wagtail.search.backends import get_search_backend

from elastic_transport import TransportError
from elasticsearch import ApiError

DEFAULT_FACETED_SEARCH = "search.services.FacetedSearch"
# Connection refused, timeouts and HTTP errors from the engine; never our own bugs.
ENGINE_ERRORS = (TransportError, ApiError)
NOTICE = (
    "Our search engine is not responding at the moment, so these results come from a "
    "simpler search and may be less complete."
)

logger = logging.getLogger(__name__)


class FallbackResults(list):
    """Results answered by the database because the engine failed; templates show `notice`."""

    notice = NOTICE


def fallback_backend():
    return getattr(settings, "SEARCH_FALLBACK_BACKEND", None)


def warn(what, error):
    logger.warning(
        "The search engine failed during %s (%s: %s); answered from the database instead.",
        what,
        type(error).__name__,
        error,
    )


def faceted_search(backend="default"):
    path = getattr(settings, "SEARCH_FACETED_SEARCH", DEFAULT_FACETED_SEARCH)
    return import_string(path)(backend=backend)


def run_search(params):
    """The /search/ outcome for these parameters, from the engine or, failing that, the
    database."""
    try:
        return faceted_search().run(params)
    except ENGINE_ERRORS as error:
        if not fallback_backend():
            raise
        warn("a search", error)
    outcome = import_string(DEFAULT_FACETED_SEARCH)(backend=fallback_backend()).run(params)
    outcome.notices.insert(0, NOTICE)
    outcome.engine_failed = True
    return outcome


def all_results(params):
    """Every page /search/ lists for these parameters, in order, unpaginated, from the engine
    or, failing that, the database."""
    try:
        return faceted_search().all_results(params)
    except ENGINE_ERRORS as error:
        if not fallback_backend():
            raise
        warn("an export", error)
    return import_string(DEFAULT_FACETED_SEARCH)(backend=fallback_backend()).all_results(params)


def autocomplete(query, queryset, limit):
    try:
        return list(get_search_backend().autocomplete(query, queryset)[:limit])
    except ENGINE_ERRORS as error:
        if not fallback_backend():
            raise
        warn("autocomplete", error)
    return FallbackResults(
        get_search_backend(fallback_backend()).autocomplete(query, queryset)[:limit]
    )


def with_fallback(what, primary, fallback):
    """`primary()`, or `fallback()` marked as `FallbackResults` if the engine fails."""
    try:
        return primary()
    except ENGINE_ERRORS as error:
        warn(what, error)
    return FallbackResults(fallback())
