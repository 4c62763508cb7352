"""Whole-database snapshots for tests that commit (browser tests): built once per test process
on SQLite, copied back whole for each later test.

A browser test commits, so the site it needs cannot be built once and rolled back
(tests/shared_data.py); and building it is most of the test's time (the demo content takes
20-35 seconds). SQLite's backup API copies a whole database, search index included, in a few
milliseconds. On other databases each test builds the site itself.
"""

import sqlite3

from django.core.cache import caches
from django.db import connection

from search.models import SimilarityState

_snapshots = {}


def restore_or_build(name, build):
    """Leave the database as `build()` leaves an empty one (migrated rows only): the first
    time by running it, and on SQLite each later time by copying back what it built."""
    if connection.vendor != "sqlite":
        build()
        return
    connection.ensure_connection()
    snapshot = _snapshots.get(name)
    if snapshot is None:
        build()
        snapshot = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(snapshot)
        _snapshots[name] = snapshot
        return
    snapshot.backup(connection.connection)
    for cache in caches.all():
        cache.clear()  # nothing read from the database before the copy is kept
    SimilarityState.bump()
