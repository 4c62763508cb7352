"""Playwright against pytest-django's live server, in Debian's Chromium.

One Chromium serves the whole run (pytest-playwright's session-scoped `browser`, launched with
the options in tests/conftest.py); each test gets a fresh context and page. Playwright's sync
API runs an event loop in the test thread, so Django must be told that database access from
that thread is safe. Django reads the variable on every guarded call, so setting it here,
before any test runs, is early enough.

A browser test commits to the database (the live server answers from another thread), so
Django flushes every table after it; `serialized_rollback` restores the rows the data
migrations made before it starts (see tests/conftest.py).
"""

import os
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest

from tests.register import load_register
from tests.snapshots import restore_or_build

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "main.css"


def _require(path, how):
    if not path.exists():
        pytest.fail(f"{path} is missing: {how}", pytrace=False)


@pytest.fixture
def browser_page(transactional_db, django_db_serialized_rollback, live_server, new_context):
    """A fresh page in a fresh context of the run's one Chromium."""
    _require(AXE_JS, "run `npm ci`")
    _require(STYLESHEET, "run `npm run build`")
    page = new_context().new_page()
    page.set_default_timeout(15_000)
    return page  # pytest-playwright closes the context after the test


def _build_site():
    load_register()
    call_command("setup_site", stdout=StringIO())


def _build_demo_site():
    restore_or_build("site", _build_site)
    call_command("load_demo_data", stdout=StringIO())


@pytest.fixture
def site(transactional_db, django_db_serialized_rollback):
    """The site as `make run` builds it, without the demo content: councils and pages."""
    restore_or_build("site", _build_site)


@pytest.fixture
def demo_site(transactional_db, django_db_serialized_rollback):
    """The site with the demo content every page type is shown with."""
    restore_or_build("demo", _build_demo_site)
