"""The email digest settings page (as chosen, with an error, and confirmed) and the unsubscribe
pages (the button, done, already done, a broken link) in a real browser: axe-core finds no
WCAG 2.2 AA problem and the pages run under the Content-Security-Policy."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from accounts.roles import make_practitioner, setup_roles
from councils.models import Council
from digests import unsubscribe
from digests.models import DigestPreference, Frequency
from tests.browser.conftest import browser_page, site  # noqa: F401 - fixtures
from tests.browser.test_accessibility import _audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-unusual-passphrase"  # noqa: S105


def sign_in(page, live_server, email):
    page.goto(live_server.url + reverse("accounts:sign_in"))
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_digest_pages_pass_axe(site, live_server, browser_page):  # noqa: F811
    setup_roles()
    person = get_user_model().objects.create_user(
        username="ada@example.gov.uk",
        email="ada@example.gov.uk",
        password=PASSWORD,
        first_name="Ada",
    )
    make_practitioner(person, [Council.objects.current().first()])
    page = browser_page
    csp_errors = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    failures = []

    sign_in(page, live_server, person.email)
    page.goto(live_server.url + reverse("digests:settings"))
    failures.extend(f"settings: {p}" for p in _audit(page))

    page.evaluate("document.querySelector('#id_frequency').value = 'daily'")
    page.get_by_role("button", name="Save choices").click()
    page.locator(".govuk-error-summary").wait_for()
    failures.extend(f"settings, error: {p}" for p in _audit(page))

    page.get_by_label("Monthly").check()
    page.get_by_role("button", name="Save choices").click()
    page.get_by_text("You will get a monthly digest").wait_for()
    failures.extend(f"settings, saved: {p}" for p in _audit(page))
    assert DigestPreference.objects.get(person=person).frequency == Frequency.MONTHLY

    page.context.clear_cookies()
    link = reverse(
        "digests:unsubscribe", args=[unsubscribe.token_for(person, unsubscribe.Stream.DIGEST)]
    )
    page.goto(live_server.url + link)
    failures.extend(f"unsubscribe: {p}" for p in _audit(page))
    page.get_by_role("button", name="Unsubscribe").click()
    page.get_by_text("You are unsubscribed").wait_for()
    failures.extend(f"unsubscribed: {p}" for p in _audit(page))
    assert DigestPreference.objects.get(person=person).frequency == Frequency.NONE

    page.goto(live_server.url + link)
    assert page.get_by_text("already unsubscribed").count() == 1
    failures.extend(f"already unsubscribed: {p}" for p in _audit(page))

    response = page.goto(live_server.url + reverse("digests:unsubscribe", args=["changed"]))
    assert response.status == 400
    failures.extend(f"broken link: {p}" for p in _audit(page))

    assert not csp_errors, csp_errors
    assert not failures, "Accessibility problems:\n" + "\n".join(failures)
