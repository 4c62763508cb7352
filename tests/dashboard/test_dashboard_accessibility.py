"""The admin home in a real browser, for a practitioner and for an organiser: axe-core finds
no WCAG 2.2 AA violation on the whole page, Wagtail's own markup and this app's panels."""

from django.conf import settings
from django.test import Client
from django.urls import reverse

import pytest

from search.similarity import get_similarity_backend
from tests.browser.axe import axe_violations
from tests.browser.conftest import browser_page  # noqa: F401 - fixture

from .conftest import _build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The parts of the admin home this app draws, each of which must be on the page audited.
OURS = {
    "practitioner_ab": [
        "#council-work-section",
        "#help-offers-waiting-section",
        "#reuse-section",
        ".w-summary",
    ],
    "organiser": [
        "#awaiting-review-section",
        "#access-requests-section",
        "#network-pages-section",
        "#help-requests-without-offers-section",
        "#introductions-to-make-section",
        ".w-summary",
    ],
}


def sign_in(page, live_server, person):
    client = Client()
    client.force_login(person)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.mark.parametrize("role", OURS)
def test_the_dashboard_passes_axe(live_server, browser_page, role):  # noqa: F811
    data = _build()
    get_similarity_backend().rebuild()
    page = browser_page
    sign_in(page, live_server, data["people"][role])
    page.goto(live_server.url + reverse("wagtailadmin_home"))
    for selector in OURS[role]:
        assert page.locator(selector).count() == 1, selector

    problems = axe_violations(page)
    assert not problems, "Accessibility problems:\n" + "\n".join(problems)

    # Keyboard: the first add button is reachable and names what it adds.
    buttons = page.get_by_role("link", name="Add a case study")
    assert buttons.count() == 1
