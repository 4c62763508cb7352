"""The onboarding pages in a real browser: axe-core finds no WCAG 2.2 AA problems, with and
without errors on the forms."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.models import Invitation, Role
from councils.models import Council
from tests.browser.conftest import browser_page, site  # noqa: F401 - fixtures
from tests.browser.test_accessibility import _audit

pytestmark = pytest.mark.browser


def invitation(token_suffix, **extra):
    invite = Invitation(
        email=f"person-{token_suffix}@example.gov.uk",
        role=Role.PRACTITIONER,
        council=Council.objects.current().first(),
    )
    token = invite.issue_token()
    for name, value in extra.items():
        setattr(invite, name, value)
    invite.save()
    return reverse("accounts:accept_invitation", args=[token])


def submit(page, button, answer):
    """Press a form's button and wait for the page that answers (`answer` is a locator only
    that page has) to load: reading or auditing the page before then races the navigation."""
    page.get_by_role("button", name=button).click()
    answer.wait_for()
    page.wait_for_load_state()


def test_onboarding_pages_pass_axe(site, live_server, browser_page, settings):  # noqa: F811
    pages = {
        "request access": reverse("accounts:request_access"),
        "request sent": reverse("accounts:request_access_sent"),
        "sign in": reverse("accounts:sign_in"),
        "set password": invitation("a"),
        "used link": invitation("b", used_at=timezone.now()),
        "expired link": invitation("c", expires_at=timezone.now() - timedelta(days=1)),
        "unknown link": reverse("accounts:accept_invitation", args=["nope"]),
    }
    failures = []
    for name, path in pages.items():
        browser_page.goto(live_server.url + path)
        failures.extend(f"{name}: {problem}" for problem in _audit(browser_page))

    # The forms with every error showing.
    browser_page.goto(live_server.url + reverse("accounts:request_access"))
    errors = browser_page.locator(".govuk-error-summary")
    submit(browser_page, "Send request", errors)
    assert browser_page.locator(".govuk-error-summary").is_visible()
    failures.extend(f"request access, errors: {p}" for p in _audit(browser_page))

    browser_page.goto(live_server.url + reverse("accounts:sign_in"))
    submit(browser_page, "Sign in", errors)
    failures.extend(f"sign in, errors: {p}" for p in _audit(browser_page))

    browser_page.goto(live_server.url + pages["set password"])
    browser_page.get_by_label("Password", exact=True).fill("password")
    browser_page.get_by_label("Confirm password").fill("different")
    submit(browser_page, "Set password and sign in", errors)
    assert "The passwords do not match" in browser_page.content()
    failures.extend(f"set password, errors: {p}" for p in _audit(browser_page))

    # The refusals: sign-in locked after a wrong password, and a rate limit reached.
    settings.AXES_FAILURE_LIMIT = 1
    browser_page.goto(live_server.url + reverse("accounts:sign_in"))
    browser_page.get_by_label("Email address").fill("nobody@example.org")
    browser_page.get_by_label("Password", exact=True).fill("wrong")
    submit(
        browser_page,
        "Sign in",
        browser_page.get_by_role("heading", name="Too many attempts to sign in"),
    )
    assert "Too many attempts to sign in" in browser_page.content()
    failures.extend(f"locked out: {p}" for p in _audit(browser_page))

    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "similar-councils": "0/m"}
    browser_page.goto(live_server.url + reverse("search:similar_councils"))
    assert "Too many attempts" in browser_page.content()
    failures.extend(f"too many requests: {p}" for p in _audit(browser_page))

    assert not failures, "Accessibility problems:\n" + "\n".join(failures)
