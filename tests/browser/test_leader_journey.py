"""A leader's journey with the demo content (issue 14): home → problem box → results → a
council → its peers, each page with zero axe-core violations; the two boxes above the fold at
1366×768; the home page short on a phone."""

import re
import struct

import pytest

from .test_accessibility import _audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PROBLEM = "Families wait too long in temporary accommodation and bed and breakfast hotels"
PHONE_HEIGHT_LIMIT = 3600  # was about 6,500 px before issue 14


def _clean(page, where):
    problems = _audit(page)
    assert not problems, f"{where}:\n" + "\n".join(problems)


def _bottom(page, selector):
    boxes = [element.bounding_box() for element in page.locator(selector).all()]
    assert boxes and all(boxes), f"{selector} is not shown"
    return max(box["y"] + box["height"] for box in boxes)


@pytest.mark.similarity
def test_home_to_problem_to_council_to_its_peers(demo_site, live_server, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(live_server.url + "/")
    for selector in ("#home-problem", "#home-council", ".se-home-box .govuk-button"):
        assert _bottom(page, selector) <= 768, f"{selector} is below the fold"
    _clean(page, "home page")

    page.fill("#home-problem", PROBLEM)
    with page.expect_navigation():
        page.locator("form[action$='/similar-councils/'] .govuk-button").click()
    assert "/search/similar-councils/?problem=" in page.url
    assert "faced something similar" in page.locator("#matches-heading").inner_text()
    _clean(page, "pasted-problem results")

    council = page.locator(".se-council-matches h3 a").first
    name = council.inner_text()
    with page.expect_navigation():
        council.click()
    assert re.search(r"/councils/[\w-]+/$", page.url)
    _clean(page, f"{name}'s profile")

    peers = page.get_by_role("link", name=f"Search the work of councils like {name}")
    with page.expect_navigation():
        peers.click()
    assert "peers_of=" in page.url
    _clean(page, f"the work of councils like {name}")


def test_choose_your_council_shows_what_its_peers_did(demo_site, live_server, browser_page):
    page = browser_page
    page.goto(live_server.url + "/")
    page.select_option("#home-council", label="Cornwall")
    with page.expect_navigation():
        page.locator("form[aria-labelledby='council-box-heading'] .govuk-button").click()
    assert "peers_of=cornwall" in page.url
    assert page.locator("#results-heading").count() == 1
    _clean(page, "councils like Cornwall")


def test_home_page_is_short_on_a_phone(demo_site, live_server, browser_page):
    page = browser_page
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(live_server.url + "/")
    png = page.screenshot(full_page=True)
    width, height = struct.unpack(">II", png[16:24])
    assert height < PHONE_HEIGHT_LIMIT, f"the home page is {height}px tall on a phone"
    assert page.locator("#home-problem").is_visible()
    assert page.locator("#home-council").is_visible()
    assert page.get_by_role("link", name="Councils").last.is_visible()
