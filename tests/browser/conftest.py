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
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection

from wagtail.models import ReferenceIndex

import pytest
from modelsearch.backends import get_search_backends

from councils.models import Council
from search.models import SimilarityState

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


# The register's rows as `import_councils` leaves them, kept by the first `site` of the run.
_register = {}


def _load_register(kept):
    """The real register. The first test imports it (470 councils, several seconds, most of
    it spent indexing one council at a time); each later one gets the same rows back in a
    few bulk inserts, and the councils indexed for search in one go."""
    council_type = ContentType.objects.get_for_model(Council)
    if not kept:
        call_command("import_councils", stdout=StringIO())
        kept["councils"] = list(Council.objects.order_by("pk"))
        kept["references"] = list(
            ReferenceIndex.objects.filter(content_type=council_type).order_by("pk")
        )
        return
    Council.objects.bulk_create(kept["councils"])
    ReferenceIndex.objects.bulk_create(kept["references"])
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Council, ReferenceIndex]):
            cursor.execute(sql)
    councils = list(Council.objects.order_by("pk"))
    for backend in get_search_backends(with_auto_update=True):
        backend.get_index_for_model(Council).add_items(Council, councils)
    SimilarityState.bump()  # as each council's save does


@pytest.fixture
def site(transactional_db, django_db_serialized_rollback):
    """The site as `make run` builds it, without the demo content: councils and pages."""
    _load_register(_register)
    call_command("setup_site", stdout=StringIO())


@pytest.fixture
def demo_site(site):
    """The site with the demo content every page type is shown with."""
    call_command("load_demo_data", stdout=StringIO())
