"""Test data built once per test module: what Django's setUpTestData does for a TestCase, for
pytest tests that are parametrized or use fixtures (a unittest TestCase can be neither).

A module-scoped fixture builds the rows inside a transaction held open around the module's
tests, and rolls it back after the last::

    @pytest.fixture(scope="module")
    def _corpus(django_db_setup, django_db_blocker):
        yield from build_once(django_db_blocker, build_corpus)

    @pytest.fixture
    def corpus(_corpus, db):
        return fresh_copy(_corpus)

Each test's own transaction (pytest-django's `db`) is a savepoint inside it, so whatever a test
changes is undone and the next test sees the rows as built. Each test gets a deep copy of the
objects, as it gets copies of setUpTestData's attributes, so no test sees another's changes to
them in memory.

Every test of the module sees the rows, whether it asks for them or not (pytest keeps a
module-scoped fixture until the module ends), so a module that builds data this way applies the
fixture to all its tests (`pytestmark = pytest.mark.usefixtures(...)`) and holds no test that
commits (transactional_db, live_server): its flush would empty the tables under the open
transaction.
"""

import copy
import itertools
import sys

from django.db import transaction

_open = []
_builds = itertools.count(1)


def build_once(django_db_blocker, build):
    """For a module-scoped fixture: `yield from build_once(django_db_blocker, build)`."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(*sys.exc_info())
            raise
    opened = next(_builds)
    _open.append(opened)
    try:
        yield built
    finally:
        _open.remove(opened)
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def open_token():
    """Which builds of data built once are in the database now, or None: tests/conftest.py
    indexes them in a search engine (whose index does not roll back) once, for every test that
    leaves the index as it found it."""
    return tuple(_open) or None


def fresh_copy(built):
    """The objects built once, copied for one test."""
    return copy.deepcopy(built)
