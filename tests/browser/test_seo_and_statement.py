"""In a real browser: the accessibility statement, the sign-in page and search with filters
applied pass axe-core; JSON-LD sits under the Content-Security-Policy without a complaint,
and a title written to break out of it runs nothing."""

import json

from django.urls import reverse

import pytest

from casestudies.factories import CaseStudyPageFactory
from casestudies.models import Theme
from councils.models import Council

from .test_accessibility import _audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

HOSTILE_TITLE = "Missed bins </script><script>window.__injected = true</script>"


def _watch(browser_page):
    errors = []
    browser_page.on("pageerror", lambda error: errors.append(str(error)))
    browser_page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text
            else None
        ),
    )
    return errors


def test_statement_sign_in_and_filtered_search_pass_axe(site, live_server, browser_page):
    waste = Theme.objects.get(slug="waste")
    welsh = Council.objects.current().filter(nation="Wales").order_by("short_name").first()
    CaseStudyPageFactory(
        title="Fewer missed bins",
        council=welsh,
        themes=[waste],
        summary="How a Welsh council cut missed bin collections.",
    )
    errors = _watch(browser_page)
    pages = [
        ("accessibility statement", "/accessibility/"),
        ("sign in", reverse("accounts:sign_in")),
        (
            "search with filters applied",
            reverse("search:search") + f"?q=bins&theme=waste&nation=Wales&council={welsh.slug}",
        ),
    ]
    failures = []
    for name, path in pages:
        errors.clear()
        response = browser_page.goto(live_server.url + path)
        if response.status != 200:
            failures.append(f"{name}: status {response.status}")
            continue
        if (
            name == "search with filters applied"
            and "Fewer missed bins" not in browser_page.locator("main").inner_text()
        ):
            failures.append(f"{name}: the filtered result is not shown")
        problems = _audit(browser_page) + [f"JavaScript error: {e}" for e in errors]
        failures.extend(f"{name} ({path}): {problem}" for problem in problems)
    assert not failures, "Accessibility problems:\n" + "\n".join(failures)


def test_json_ld_is_read_not_run_under_the_csp(site, live_server, browser_page):
    page = CaseStudyPageFactory(
        title=HOSTILE_TITLE, council=Council.objects.current().order_by("pk").first()
    )
    errors = _watch(browser_page)

    response = browser_page.goto(live_server.url + page.url)

    assert response.status == 200
    assert "script-src 'self'" in response.header_value("content-security-policy")
    documents = browser_page.evaluate(
        "() => [...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map((s) => s.textContent)"
    )
    assert len(documents) == 1
    data = json.loads(documents[0])
    assert (data["@type"], data["headline"]) == ("Article", HOSTILE_TITLE)
    assert browser_page.evaluate("() => window.__injected === undefined")
    assert browser_page.locator("h1").inner_text().strip() == HOSTILE_TITLE
    assert errors == []
