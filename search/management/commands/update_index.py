"""Wagtail's `update_index`, ending in one clear line when the search engine cannot be reached
(after updating every backend it can) and clearing the failures a full update repairs."""

import logging
from contextlib import contextmanager

from django.core.management.base import CommandError

from wagtail.search.backends import get_search_backend
from wagtail.search.management.commands import update_index

from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError

from search.engine import ENGINE_ERRORS
from search.models import BackgroundFailure


def _causes(error):
    while error is not None:
        yield error
        error = error.__cause__ or error.__context__


def describe(backend_name, error):
    """One line saying what went wrong with the engine behind a backend, and what to do."""
    backend = get_search_backend(backend_name)
    # The client's node URLs never include credentials; the SEARCH_URL setting may.
    address = ", ".join(sorted(node.base_url for node in backend.es.transport.node_pool.all()))
    engine = f"the search engine at {address} (backend '{backend_name}')"
    if isinstance(error, ApiError):
        return f"The update was refused by {engine}: {error}."
    if isinstance(error, ConnectionTimeout):
        return (
            f"Could not reach {engine}: no answer within {backend.timeout} seconds. Is it "
            "running? SEARCH_TIMEOUT sets how long to wait."
        )
    refused = any(
        isinstance(cause, ConnectionRefusedError) or "refused" in str(cause).lower()
        for cause in _causes(error)
    )
    reason = "connection refused" if refused else str(error)
    return (
        f"Could not reach {engine}: {reason}. Is it running? Set SEARCH_URL to the address "
        "it listens on."
    )


@contextmanager
def client_warnings_hidden(verbosity):
    """The engine's client logs every failed attempt and retry, with a traceback; below
    verbosity 2 the command's last line says what failed instead."""
    logger = logging.getLogger("elastic_transport")
    level = logger.level
    if verbosity < 2:
        logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


class Command(update_index.Command):
    def handle(self, **options):
        self.failures = []
        with client_warnings_hidden(options["verbosity"]):
            super().handle(**options)
        if self.failures:
            raise CommandError(" ".join(self.failures))
        if not options["backend_name"] and not options["schema_only"]:
            BackgroundFailure.clear(BackgroundFailure.Task.SEARCH_INDEX)

    def update_backend(self, backend_name, **kwargs):
        try:
            super().update_backend(backend_name, **kwargs)
        except ENGINE_ERRORS as error:
            self.print_newline()
            self.failures.append(describe(backend_name, error))
