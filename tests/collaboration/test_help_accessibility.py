"""Asking for help in a real browser: axe-core finds no WCAG 2.2 AA problems on the form (clean
and with errors), the request's page with matches and offers, the offer form with errors, the
listing and the email preferences page."""

from django.contrib.auth import get_user_model
from django.urls import reverse

import pytest

from accounts.roles import make_practitioner, setup_roles
from casestudies.factories import CaseStudyPageFactory
from casestudies.models import Theme
from collaboration.models import HelpOffer, HelpRequest
from councils.models import Council
from tests.browser.conftest import browser_page, site  # noqa: F401 - fixtures
from tests.browser.test_accessibility import _audit

pytestmark = [pytest.mark.browser, pytest.mark.similarity]

PASSWORD = "a-long-unusual-passphrase"


def practitioner(email, council):
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, first_name="Alex", last_name="Rivera"
    )
    make_practitioner(user, [council])
    return user


def submit(page, button, answer):
    page.get_by_role("button", name=button).click()
    answer.wait_for()
    page.wait_for_load_state()


def sign_in(page, live_server, email):
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("accounts:sign_in"))
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def test_help_pages_pass_axe(site, live_server, browser_page):  # noqa: F811
    setup_roles()
    asking, experienced = Council.objects.current().order_by("pk")[:2]
    transport = Theme.objects.get(slug="highways-and-transport")
    CaseStudyPageFactory(
        council=experienced,
        title="School transport routing that saved money",
        summary="We re-planned home to school transport routes with a routing tool.",
        themes=[transport],
    )
    asker = practitioner("asker@example.gov.uk", asking)
    helper = practitioner("helper@example.gov.uk", experienced)
    page = browser_page
    failures = []

    sign_in(page, live_server, asker.email)
    page.goto(live_server.url + reverse("collaboration:help_new"))
    failures.extend(f"new request: {p}" for p in _audit(page))

    page.get_by_label("Day").fill("٣١")
    errors = page.locator(".govuk-error-summary")
    submit(page, "Ask for help", errors)
    assert "Enter what you need help with" in page.content()
    failures.extend(f"new request, errors: {p}" for p in _audit(page))

    page.get_by_label("What do you need help with?").fill(
        "We are starting a discovery on school transport routing; who has done it?"
    )
    page.get_by_label("Day").fill("")
    page.get_by_label("Highways and transport").check()
    submit(page, "Ask for help", page.get_by_text("Your request for help is published."))
    failures.extend(f"request page, just asked: {p}" for p in _audit(page))

    help_request = HelpRequest.objects.get()
    HelpOffer.objects.create(
        help_request=help_request,
        person=helper,
        council=experienced,
        message="We did this in 2023.\n\nHappy to talk.",
    )
    HelpOffer.objects.create(
        help_request=help_request,
        person=helper,
        helped=True,
        message="Our routing supplier's notes are worth reading.",
    )
    detail = live_server.url + reverse("collaboration:help_detail", args=[help_request.pk])
    page.goto(detail)
    assert "We did this in 2023." in page.content()
    failures.extend(f"request page with offers: {p}" for p in _audit(page))

    page.goto(live_server.url + reverse("collaboration:email_preferences"))
    failures.extend(f"email preferences: {p}" for p in _audit(page))

    sign_in(page, live_server, helper.email)
    page.goto(detail)
    submit(page, "Send offer", errors)
    assert "Enter how you can help" in page.content()
    failures.extend(f"offer form, errors: {p}" for p in _audit(page))

    page.context.clear_cookies()
    page.goto(detail)
    assert "Sign in to offer help" in page.content()
    failures.extend(f"request page, signed out: {p}" for p in _audit(page))
    page.goto(live_server.url + reverse("collaboration:help_list"))
    failures.extend(f"listing: {p}" for p in _audit(page))

    assert not failures, "Accessibility problems:\n" + "\n".join(failures)
