"""The search box suggests councils and themes as you type, and stays a plain GET search."""

import pytest

from tests.browser.conftest import browser_page, site  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def test_suggestions_appear_and_the_form_still_submits(site, live_server, browser_page):  # noqa: F811
    page = browser_page
    page.goto(f"{live_server.url}/search/")
    page.fill("#search-q", "Cardi")
    suggestions = page.locator("#search-q-suggestions")
    suggestions.get_by_role("link", name="Cardiff").wait_for()
    assert suggestions.is_visible()
    page.fill("#search-q", "hous")
    suggestions.get_by_role("link", name="Housing").wait_for()
    page.keyboard.press("Escape")
    assert not suggestions.is_visible()
    page.fill("#search-q", "housing")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=housing")
    assert page.get_by_role("heading", level=1).inner_text() == "Search"
