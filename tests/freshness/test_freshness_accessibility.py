"""The stale content report and a project that may be out of date, in a real browser:
axe-core finds no WCAG 2.2 AA violation."""

from django.urls import reverse

import pytest

from tests.browser.axe import axe_violations
from tests.browser.conftest import browser_page  # noqa: F401 - fixture
from tests.browser.test_accessibility import _audit
from tests.collaboration.test_pages_accessibility import sign_in
from tests.freshness.data import build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


# Wagtail's own filter toggle shows the number of active filters as its text while its
# accessible name is "Filter" (axe label-content-name-mismatch); it is not ours to change.
WAGTAIL_FILTER_TOGGLE = ".w-slim-header-action-button"


def test_project_notice_and_review_button_pass_axe(live_server, browser_page):  # noqa: F811
    data = build()
    project = data["quiet_project"]
    failures = []
    browser_page.goto(live_server.url + project.url)
    assert "This project may be out of date" in browser_page.content()
    failures.extend(f"project, anonymous: {p}" for p in _audit(browser_page))

    sign_in(browser_page, live_server, data["olu"])
    browser_page.goto(live_server.url + project.url)
    assert "Post a progress update" in browser_page.content()
    failures.extend(f"project, lead council: {p}" for p in _audit(browser_page))
    browser_page.get_by_role("button", name="Mark as reviewed").click()
    browser_page.wait_for_url("**#last-reviewed")
    assert "You marked this project as reviewed today" in browser_page.content()
    failures.extend(f"project, just reviewed: {p}" for p in _audit(browser_page))
    assert not failures, "Accessibility problems:\n" + "\n".join(failures)


def test_stale_content_report_passes_axe(live_server, browser_page):  # noqa: F811
    data = build()
    sign_in(browser_page, live_server, data["org"])
    failures = []
    url = live_server.url + reverse("stale_content")
    for name, query in [
        ("report", ""),
        ("filtered", f"?council={data['owner'].pk}&age=never"),
        ("no results", "?age=recent&council=" + str(data["other"].pk)),
    ]:
        response = browser_page.goto(url + query)
        assert response.status == 200
        assert "Stale content" in browser_page.content()
        failures.extend(
            f"{name}: {p}" for p in axe_violations(browser_page, exclude=[WAGTAIL_FILTER_TOGGLE])
        )
    browser_page.goto(
        live_server.url + reverse("freshness_mark_reviewed", args=[data["old_lesson"].pk])
    )
    failures.extend(f"mark reviewed: {p}" for p in axe_violations(browser_page))
    browser_page.get_by_role("button", name="Mark as reviewed").click()
    browser_page.wait_for_load_state()
    assert "marked as reviewed today" in browser_page.content()
    assert not failures, "Accessibility problems:\n" + "\n".join(failures)
