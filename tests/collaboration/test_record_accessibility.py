"""A council profile with a full record of working with others, in a real browser: axe-core
finds no WCAG 2.2 AA problems."""

import pytest

from councils.factories import CouncilFactory
from tests.browser.conftest import browser_page, site  # noqa: F401 - fixtures
from tests.browser.test_accessibility import _audit
from tests.collaboration.test_record import full_record

pytestmark = pytest.mark.browser


def test_profile_with_a_full_record_passes_axe(site, live_server, browser_page):  # noqa: F811
    leeds = CouncilFactory(short_name="Leeds Test")
    full_record(leeds, suffix=" Test")  # the register already has Stockport and the rest
    empty = CouncilFactory(short_name="Avonford Test")
    failures = []
    for council in (leeds, empty):
        browser_page.goto(live_server.url + council.get_absolute_url())
        assert browser_page.locator("#record-heading").is_visible()
        failures.extend(f"{council}: {problem}" for problem in _audit(browser_page))
    assert not failures, "\n".join(failures)
