"""The insight page and the home page's map in a real browser: no axe-core violation, and a
keyboard-only journey from the home page through search, a filter and a result, then from
the map to a council, with focus visible at every stop."""

import pytest

from .test_accessibility import FOCUS_YELLOW, REFLOW_WIDTH, _audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Wide data tables scroll inside their own focusable region (WCAG 1.4.10 exempts content
# that needs a two-dimensional layout); everything else must fit in 320px.
REFLOW_JS = """(limit) => {
  const scrollers = [...document.querySelectorAll('.se-table-scroll')];
  if (document.documentElement.scrollWidth > limit + 1) {
    return [`the page scrolls sideways (${document.documentElement.scrollWidth}px)`];
  }
  return [...document.querySelectorAll('body *')]
    .filter((el) => !scrollers.some((s) => s !== el && s.contains(el)))
    .filter((el) => el.getBoundingClientRect().right > limit + 1)
    .slice(0, 3).map((el) => el.tagName.toLowerCase()
      + (el.classList.length ? '.' + el.classList[0] : ''));
}"""

FOCUS_VISIBLE_JS = """(yellow) => {
  const el = document.activeElement;
  const target = el.matches('a.se-map__marker') ? el.querySelector('circle') : el;
  const style = getComputedStyle(target);
  return style.backgroundColor === yellow || style.fill === yellow
    || (style.boxShadow && style.boxShadow !== 'none') || style.outlineStyle !== 'none';
}"""


def _audit_page(page):
    """The site's audit, with the reflow check allowing wide tables to scroll in place."""
    problems = [problem for problem in _audit(page) if not problem.startswith("wider than")]
    size = page.viewport_size
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    overflow = page.evaluate(REFLOW_JS, REFLOW_WIDTH)
    page.set_viewport_size(size)
    if overflow:
        problems.append(f"wider than {REFLOW_WIDTH}px: {', '.join(overflow)}")
    return problems


def test_insight_page_and_home_page_pass_axe(demo_site, live_server, browser_page):
    errors = []
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    browser_page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    failures = []
    for name, path in [("insight page", "/insights/"), ("home page", "/")]:
        response = browser_page.goto(live_server.url + path)
        assert response.status == 200
        # Audit what the details components hold too.
        browser_page.evaluate(
            "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"
        )
        problems = _audit_page(browser_page) + [f"error: {error}" for error in errors]
        failures.extend(f"{name}: {problem}" for problem in problems)
        errors.clear()
    assert not failures, "Accessibility problems:\n" + "\n".join(failures)

    browser_page.goto(live_server.url + "/insights/")
    assert browser_page.locator("a.se-map__marker").count() > 3
    # "Skip the map" takes keyboard users past the markers to the table.
    _tab_to(browser_page, ".se-map__skip")
    browser_page.keyboard.press("Enter")
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("() => document.activeElement.closest('#map-table') !== null")


def _tab_to(page, selector, limit=400):
    """Press Tab until the focused element matches the selector; check its focus shows."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            assert page.evaluate(FOCUS_VISIBLE_JS, FOCUS_YELLOW), f"no visible focus on {selector}"
            return page.evaluate(
                "() => ({text: document.activeElement.textContent.trim(),"
                " href: document.activeElement.getAttribute('href'),"
                " label: document.activeElement.getAttribute('aria-label')})"
            )
    raise AssertionError(f"Tab never reached {selector}")


def _enter(page):
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_keyboard_only_journey(demo_site, live_server, browser_page):
    page = browser_page
    page.goto(live_server.url + "/")

    _tab_to(page, "#home-search")
    page.keyboard.type("missed bins")
    _enter(page)
    assert "/search/?q=missed+bins" in page.url
    results = page.locator("#results-heading").inner_text()

    facet = _tab_to(page, ".se-facet a")
    _enter(page)
    assert page.url.endswith(facet["href"].lstrip("?")), "the filter was not applied"
    assert page.locator("a.se-facet__selected").count() == 1
    assert page.locator("#results-heading").inner_text() != results or "result" in results

    result = _tab_to(page, ".se-results .se-card__title a")
    _enter(page)
    assert page.url.endswith(result["href"])
    assert page.locator("h1").inner_text().strip() == result["text"]

    _tab_to(page, ".govuk-service-navigation__link[href='/insights/']")
    _enter(page)
    assert page.url.endswith("/insights/")

    marker = _tab_to(page, "a.se-map__marker")
    assert (
        page.evaluate("() => getComputedStyle(document.activeElement.querySelector('circle')).fill")
        == FOCUS_YELLOW
    ), "the focused marker is not highlighted"
    _enter(page)
    assert page.url.endswith(marker["href"])
    council = marker["label"].rsplit(":", 1)[0]
    assert council in page.locator("h1").inner_text()
