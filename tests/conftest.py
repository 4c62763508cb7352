"""Fixtures shared by every test folder.

Over 300 lines because pytest gives a suite one root conftest: the run order, the similarity
switch and the search engine's indices all act on every test and are read best together."""

from io import StringIO

from django.core.management import call_command

import pytest

from casestudies.models import Theme
from home.models import HomePage
from home.site_structure import ensure_site_structure
from tests import shared_data
from tests.register import load_register

pytest_plugins = ["tests.scheduling"]

# Tests that commit -----------------------------------------------------------------------------
# A test that commits (transactional_db, live_server) ends with a flush of every table. Django
# restores the rows the data migrations made (Wagtail's root page, the home page, the seeded
# themes, the default site) only for a test with serialized_rollback, and the restore runs at the
# start of that test. A flush without it also re-creates content types and permissions through
# post_migrate, under new ids, so the next test that restores collides with them
# (IntegrityError on django_content_type). The page cache's commit test did not restore, and in
# the suite's own order it runs just before the search box's browser test, which then failed
# to start; a hook that gave every live-server test serialized_rollback, and no other test,
# left that hidden. So every test that commits restores, and says so itself; the check below
# makes a test that forgets fail at once, wherever it runs, instead of breaking whichever test
# happens to follow it.
#
# After a restoring test's flush the tables are empty, so tests that commit must run after all
# the others that use the database, as pytest-django sorts them. pytest then regroups tests by
# session-scoped parameters (pytest-playwright parametrizes every browser test, and any test
# with an argument named `page`, by browser), which can pull browser tests in among the rest;
# so the order is sorted again last of all, keeping pytest's order within each group.


def _django_db_kind(item):
    """(commits, restores, uses the database) for a collected test."""
    from django.test import TestCase, TransactionTestCase

    from pytest_django.fixtures import validate_django_db

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        commits = not issubclass(cls, TestCase)
        return commits, not commits or cls.serialized_rollback, True
    names = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    transaction_, reset_sequences, _databases, serialized_rollback, _apps = (
        validate_django_db(marker) if marker else (False, False, None, False, None)
    )
    commits = (
        transaction_
        or reset_sequences
        or bool({"transactional_db", "live_server", "django_db_reset_sequences"} & names)
    )
    restores = serialized_rollback or "django_db_serialized_rollback" in names
    return commits, restores, commits or marker is not None or "db" in names


def _run_order(item):
    commits, _restores, uses_db = _django_db_kind(item)
    return 1 if commits else 0 if uses_db else 2


# Tests whose outcome depends on the search backend. CI runs them on Elasticsearch and on
# PostgreSQL's own search; the rest run once per database, without the engine, whose indexing
# would only slow them (by about three quarters, measured on the collaboration, permissions,
# accounts and page tests).
SEARCH_BACKEND_TESTS = (
    "tests/search/",
    "tests/search_engine/",
    "tests/test_hostile_query_strings.py::SearchRoutes",
    "tests/collaboration/test_help.py",
    "tests/collaboration/test_introductions.py",
    # the query counts of pages that show similar work, which the backend finds
    "tests/casestudies/test_query_counts.py::test_council_profile",
    "tests/casestudies/test_query_counts.py::test_project_and_lesson_pages",
    "tests/casestudies/test_rendering.py",
    "tests/casestudies/test_admin_listings.py",
    "tests/councils/test_council_profile.py",
    "tests/councils/test_council_admin.py",
    "tests/home/test_leader_screen.py",
    "tests/following/test_feeds.py",
    "tests/following/test_subjects.py",
)


# Tests of how the database itself behaves (SQLite's locking under concurrent editors). CI runs
# the rest on PostgreSQL only; `make test` runs everything on SQLite.
DATABASE_ENGINE_TESTS = ("tests/concurrency/",)


def pytest_itemcollected(item):
    if item.nodeid.startswith(SEARCH_BACKEND_TESTS):
        item.add_marker(pytest.mark.search_backend)
    if item.nodeid.startswith(DATABASE_ENGINE_TESTS):
        item.add_marker(pytest.mark.database_engine)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    offenders = []
    for item in items:
        commits, restores, _uses_db = _django_db_kind(item)
        if commits and not restores:
            offenders.append(item.nodeid)
    if offenders:
        raise pytest.UsageError(
            "These tests commit to the database without restoring the rows the data "
            "migrations made; mark them django_db(transaction=True, serialized_rollback=True) "
            "or request django_db_serialized_rollback:\n  " + "\n  ".join(offenders)
        )
    items.sort(key=_run_order)


@pytest.fixture
def home_page(db):
    """The home page migration home/0002 creates."""
    return HomePage.objects.first()


@pytest.fixture
def site_structure(db):
    """Index pages, a theme page per seeded theme and the about pages, as `setup_site` makes
    them. Returns the home page."""
    ensure_site_structure()
    return HomePage.objects.first()


@pytest.fixture
def register(db):
    """Every council in the real register (470 rows)."""
    load_register()


@pytest.fixture
def theme(db):
    """A seeded theme (migration casestudies/0002)."""
    return Theme.objects.get(slug="waste")


# Similarity updates ----------------------------------------------------------------------------
# Publishing a learning page makes the similarity engine refit its TF-IDF vocabulary over every
# published page (search/signals.py) while the site is small, and embeds the page (about 0.1 s,
# and a second to load the model in each process); most tests publish pages for
# reasons of their own. So in each test that uses the database the engine's update_page and
# remove_page only mark the content as changed (bump the version that the in-memory facet values
# and similarity data are keyed on, so nothing stale is served); the signals still fire and pages
# are still re-indexed for search. The signal receivers are left connected for that reason:
# disconnecting them would also stop the re-indexing and the version bump.
# `@pytest.mark.similarity` keeps the real updates for a test that needs current similarity data.
# Data built once for a class or a module (setUpTestData, build_once) is built before this takes
# effect, with the real updates, as the site would build it: once, so they cost little.


def _content_changed(self, page):
    from search.models import SimilarityState

    SimilarityState.bump()


def _uses_db(request):
    return bool(
        request.node.get_closest_marker("django_db")
        or {"db", "transactional_db", "django_db_setup"} & set(request.fixturenames)
    )


def _is_django_test_case(request):
    from django.test import TransactionTestCase

    return request.cls is not None and issubclass(request.cls, TransactionTestCase)


@pytest.fixture(autouse=True)
def _similarity_updates(request):
    if request.node.get_closest_marker("similarity") or not (
        _uses_db(request) or _is_django_test_case(request)
    ):
        yield
        return
    from search.matching import meaning
    from search.similarity.tfidf import TfidfSimilarityBackend

    with pytest.MonkeyPatch.context() as patch:
        # The Elasticsearch engine keeps its fallback current through this class too.
        patch.setattr(TfidfSimilarityBackend, "update_page", _content_changed)
        patch.setattr(TfidfSimilarityBackend, "remove_page", _content_changed)
        patch.setattr(meaning, "update_page", lambda page: None)  # nor embed the page
        yield


# Search engine -------------------------------------------------------------------------------
# With SEARCH_URL set the suite runs against Elasticsearch. The database rolls back after each
# test but the index does not, so every test that uses the database starts with empty indices,
# holding only what data built once for its module has put in the database.


@pytest.fixture(scope="session")
def search_engine_indices():
    """The test run's own indices, created once (empty, with Wagtail's mappings) and deleted
    at the end; None without SEARCH_URL."""
    from django.conf import settings

    if not settings.SEARCH_URLS:
        yield None
        return
    from wagtail.search.backends import get_search_backend

    from search.testing import delete_indices

    call_command("update_index", backend_name="default", schema_only=True, stdout=StringIO())
    backend = get_search_backend()
    yield backend
    delete_indices(backend)


def _index_the_database(backend):
    """Index every indexed object in the database, as `update_index` does."""
    from modelsearch.index import get_indexed_models
    from modelsearch.management.commands.rebuild_modelsearch_index import (
        group_models_by_index,
    )

    for index, models in group_models_by_index(backend, get_indexed_models()).items():
        for model in models:
            objects = list(model.get_indexed_objects().order_by("pk"))
            if objects:
                index.add_items(model, objects)


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Every test starts with no requests counted against the rate limits."""
    from django.conf import settings
    from django.core.cache import caches

    caches[getattr(settings, "RATELIMIT_USE_CACHE", "default")].clear()


@pytest.fixture(autouse=True)
def _empty_search_engine(request):
    from django.conf import settings

    if settings.SEARCH_URLS and _uses_db(request):
        from search.testing import reset_indices

        backend = request.getfixturevalue("search_engine_indices")
        holds = shared_data.open_token()

        def fill():
            # This runs before the test's own `db` fixture when the test asks for it by name
            # (or through a fixture) rather than by the django_db mark.
            with request.getfixturevalue("django_db_blocker").unblock():
                _index_the_database(backend)

        reset_indices(backend, holds, fill if holds else None)


# Browsers ------------------------------------------------------------------------------------
# One Chromium for the whole run (pytest-playwright's session-scoped `browser`), Debian's rather
# than Playwright's download; each test gets a context of its own (tests/browser/conftest.py).
#
# Playwright's sync API leaves an asyncio event loop marked as running in this thread, and while
# one runs Django's connection handler keeps a separate set of connections (asgiref's
# thread-critical Local switches to per-context storage). The test would then get a fresh
# connection object without the test runner's state: no serialized rows to restore, so a
# browser test's flush would re-create content types under new ids and lose the migrated rows
# for every later test. So the connections this thread already has are handed to Playwright's
# side too, and Django keeps using them.


@pytest.fixture(scope="session")
def _connections_before_playwright():
    from django.db import connections

    return {alias: connections[alias] for alias in connections}


@pytest.fixture(scope="session")
def playwright(_connections_before_playwright, playwright):
    from django.db import connections

    for alias, connection in _connections_before_playwright.items():
        connections[alias] = connection
    return playwright


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    import os
    from pathlib import Path

    chromium = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(chromium).exists():
        pytest.fail(
            f"{chromium} is missing: install Debian's chromium package "
            "(scripts/ensure-chromium.sh)",
            pytrace=False,
        )
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(pytestconfig):
    """pytest-playwright's own `base_url` (it stands in for pytest-base-url, not installed),
    which pytest 9 warns about: a session fixture defined on a plugin instance."""
    return pytestconfig.getoption("--base-url") or pytestconfig.getini("base_url") or None


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}


# Sign-in lockout -----------------------------------------------------------------------------


@pytest.fixture(autouse=True, scope="session")
def _client_login_passes_a_request():
    """Axes stays on in tests, and it refuses authenticate() without a request (it could not
    tell who is signing in). Client.login() passes none, so give it one."""
    from django.test import Client, RequestFactory

    login = Client.login

    def login_with_a_request(self, **credentials):
        credentials.setdefault("request", RequestFactory().post("/"))
        return login(self, **credentials)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Client, "login", login_with_a_request)
        yield
