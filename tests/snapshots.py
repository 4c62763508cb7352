"""Whole-database snapshots for tests that commit (browser tests): built once per test process
on SQLite, copied back whole for each later test.

A browser test commits, so the site it needs cannot be built once and rolled back
(tests/shared_data.py); and building it is most of the test's time (the demo content takes
20-35 seconds). SQLite's backup API copies a whole database, search index included, in a few
milliseconds. On other databases each test builds the site itself.

Whether the build's pages updated the similarity data depends on the test that happened to run it
first (`@pytest.mark.similarity`, tests/conftest.py), so the data is rebuilt after each build:
every test sees the same site, in any order.
"""

import sqlite3

from django.core.cache import caches
from django.db import connection

from search.models import SimilarityState
from search.similarity import get_similarity_backend

_snapshots = {}


def restore_or_build(name, build):
    """Leave the database as `build()` leaves an empty one (migrated rows only): the first
    time by running it, and on SQLite each later time by copying back what it built."""
    if connection.vendor != "sqlite":
        _build(build)
        return
    connection.ensure_connection()
    snapshot = _snapshots.get(name)
    if snapshot is None:
        _build(build)
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        _snapshots[name] = snapshot
        return
    snapshot.backup(connection.connection)
    for cache in caches.all():
        cache.clear()  # nothing read from the database before the copy is kept
    SimilarityState.bump()


def _build(build):
    build()
    get_similarity_backend().rebuild()
