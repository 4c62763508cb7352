"""Playwright against pytest-django's live server, in Debian's Chromium.

Playwright's sync API runs an event loop in the test thread, so Django must be told that
database access from that thread is safe. Django reads the variable on every guarded call,
so setting it here, before any test runs, is early enough.
"""

import os
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

import pytest
from playwright.sync_api import sync_playwright

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
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
AXE_JS = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "main.css"


def _require(path, how):
    if not path.exists():
        pytest.fail(f"{path} is missing: {how}", pytrace=False)


@pytest.fixture
def browser_page(transactional_db, live_server):
    """A fresh Chromium page. The browser starts after the database is ready and stops before
    it is flushed: while Playwright's event loop runs, Django hands this thread a different
    database connection object, one without the test runner's state."""
    _require(Path(CHROMIUM), "install Debian's chromium package (scripts/ensure-chromium.sh)")
    _require(AXE_JS, "run `npm ci`")
    _require(STYLESHEET, "run `npm run build`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        page = context.new_page()
        page.set_default_timeout(15_000)
        yield page
        context.close()
        browser.close()


@pytest.fixture
def site(transactional_db):
    """The site as `make run` builds it, without the demo content: councils and pages."""
    call_command("import_councils", stdout=StringIO())
    call_command("setup_site", stdout=StringIO())


@pytest.fixture
def demo_site(site):
    """The site with the demo content every page type is shown with."""
    call_command("load_demo_data", stdout=StringIO())
