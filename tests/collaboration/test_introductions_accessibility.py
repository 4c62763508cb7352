"""Introducing councils and the next steps after a pasted problem, in a real browser: axe-core
finds no WCAG 2.2 AA problems, with and without errors on the forms."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from accounts.roles import make_organiser, make_practitioner
from councils.models import Council
from tests.accounts.test_accessibility import submit
from tests.browser.conftest import browser_page, demo_site, site  # noqa: F401 - fixtures
from tests.browser.test_accessibility import _audit

pytestmark = [pytest.mark.browser, pytest.mark.similarity]

PROBLEM = (
    "Missed bin collections keep rising and the crews have no way to tell us which "
    "streets were blocked."
)


PASSWORD = "a-long-test-password"  # noqa: S105


def person(username):
    return get_user_model().objects.create_user(
        username=f"{username}@example.gov.uk",
        email=f"{username}@example.gov.uk",
        password=PASSWORD,
        first_name=username.title(),
    )


def sign_in(page, live_server, username):
    page.goto(live_server.url + reverse("accounts:sign_in"))
    page.get_by_label("Email address").fill(f"{username}@example.gov.uk")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    path = reverse("accounts:sign_in")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: path not in url)
    page.wait_for_load_state()


def test_introducing_and_next_steps_pass_axe(demo_site, live_server, browser_page):  # noqa: F811
    plymouth = Council.objects.get(code="PLY")
    cornwall = Council.objects.get(code="CON")
    make_organiser(person("organiser_test"))
    make_practitioner(person("practitioner_test"), [plymouth, cornwall])
    failures = []
    finder = live_server.url + reverse("search:similar_councils")
    errors = browser_page.locator(".govuk-error-summary")

    # Anonymous: the pasted-problem results with their next steps.
    browser_page.goto(finder)
    browser_page.get_by_label("Describe the problem in your own words").fill(PROBLEM)
    submit(browser_page, "Find councils", browser_page.locator("#matches-heading"))
    assert browser_page.get_by_role("link", name="Ask other councils for help").count() == 1
    assert browser_page.get_by_role("link", name="Introduce").count() == 0
    failures.extend(f"pasted problem results: {p}" for p in _audit(browser_page))

    sign_in(browser_page, live_server, "organiser_test")
    browser_page.goto(finder)
    browser_page.get_by_label("Describe the problem in your own words").fill(PROBLEM)
    submit(browser_page, "Find councils", browser_page.locator("#matches-heading"))
    introduce = browser_page.get_by_role("link", name="to another council")
    assert introduce.count() >= 1
    failures.extend(f"pasted problem results, organiser: {p}" for p in _audit(browser_page))

    # Choosing the second council, without and with an error.
    introduce.first.click()
    browser_page.wait_for_load_state()
    failures.extend(f"choose a council: {p}" for p in _audit(browser_page))
    submit(browser_page, "Continue", errors)
    failures.extend(f"choose a council, errors: {p}" for p in _audit(browser_page))

    # The confirm form, clean, with errors and with the repeat warning.
    confirm = (
        f"{live_server.url}{reverse('collaboration:introduce')}"
        f"?first={plymouth.slug}&second={cornwall.slug}"
    )
    browser_page.goto(confirm)
    failures.extend(f"introduce form: {p}" for p in _audit(browser_page))
    browser_page.get_by_label("Why they should talk").fill("")
    browser_page.get_by_label("A message from you (optional)").fill("x" * 2001)
    submit(browser_page, "Send the introduction", errors)
    assert "Say why these councils should talk" in browser_page.content()
    failures.extend(f"introduce form, errors: {p}" for p in _audit(browser_page))

    browser_page.get_by_label("Why they should talk").fill("Both run charge points.")
    browser_page.get_by_label("A message from you (optional)").fill("Worth a call.")
    submit(
        browser_page,
        "Send the introduction",
        browser_page.get_by_role("heading", name="Introduction sent"),
    )
    failures.extend(f"introduction sent: {p}" for p in _audit(browser_page))

    browser_page.goto(confirm)
    assert browser_page.locator(".govuk-warning-text").is_visible()
    failures.extend(f"introduce again: {p}" for p in _audit(browser_page))
    submit(browser_page, "Send the introduction", errors)
    assert "introduced less than a day ago" in browser_page.content()
    failures.extend(f"introduce again, errors: {p}" for p in _audit(browser_page))

    # Refused: a practitioner.
    browser_page.context.clear_cookies()
    sign_in(browser_page, live_server, "practitioner_test")
    response = browser_page.goto(confirm)
    assert response.status == 403
    failures.extend(f"refused: {p}" for p in _audit(browser_page))

    assert not failures, "Accessibility problems:\n" + "\n".join(failures)
