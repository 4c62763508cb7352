"""Asking to join a project in a real browser: axe-core finds no WCAG 2.2 AA problems on the
project page when signed in, on the form (clean and with errors) and on the request sent."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from accounts.roles import make_practitioner, setup_roles
from casestudies.choices import CollaborationStance
from casestudies.factories import ProjectPageFactory
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from tests.accounts.test_accessibility import submit
from tests.browser.conftest import browser_page  # noqa: F401 - fixture
from tests.browser.test_accessibility import _audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "correct-horse-battery"  # noqa: S105


def test_asking_to_join_passes_axe(live_server, browser_page):  # noqa: F811
    ensure_site_structure()
    setup_roles()
    lead, asker, other = (
        CouncilFactory(short_name=name) for name in ("Avonford", "Barchester", "Casterbridge")
    )
    project = ProjectPageFactory(
        title="Shared temporary accommodation register",
        council=lead,
        stance=CollaborationStance.LOOKING_FOR_PARTNERS,
    )
    person = get_user_model().objects.create_user(
        username="bram@example.gov.uk", email="bram@example.gov.uk", password=PASSWORD
    )
    make_practitioner(person, [asker, other])

    page = browser_page
    page.goto(live_server.url + reverse("accounts:sign_in"))
    page.get_by_label("Email address").fill("bram@example.gov.uk")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    submit(page, "Sign in", page.locator("body"))

    failures = []
    page.goto(live_server.url + project.url)
    ask = page.get_by_role("button", name="Ask to join")
    assert ask.is_visible()
    failures.extend(f"project page, signed in: {p}" for p in _audit(page))

    ask.click()
    page.get_by_role("heading", name=f"Ask to join {project.title}").wait_for()
    failures.extend(f"ask to join: {p}" for p in _audit(page))

    errors = page.locator(".govuk-error-summary")
    submit(page, "Send request", errors)
    assert "Enter a message to the lead council" in page.content()
    failures.extend(f"ask to join, errors: {p}" for p in _audit(page))

    page.get_by_label("Which council are you acting for?").select_option(label="Casterbridge")
    page.get_by_label("What would your council bring to the project?").fill(
        "We run the same register and would share the build."
    )
    submit(page, "Send request", page.get_by_role("heading", name="Request sent"))
    failures.extend(f"request sent: {p}" for p in _audit(page))

    assert not failures, "Accessibility problems:\n" + "\n".join(failures)
