"""“We face this too” and “We reused this” in a real browser: axe-core finds no WCAG 2.2 AA
problems on the forms, clean and with errors, after a success, and on a page showing records."""

from django.test import Client
from django.urls import reverse

import pytest

from collaboration.reuses import record_reuse
from collaboration.shared_problems import say_we_face_this
from tests.accounts.test_accessibility import submit
from tests.browser.conftest import browser_page  # noqa: F401 - fixture
from tests.browser.test_accessibility import _audit
from tests.collaboration.page_actions_data import build

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sign_in(tab, live_server, user):
    client = Client()
    client.force_login(user)
    tab.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )


def test_face_this_too_and_reuse_pages_pass_axe(live_server, browser_page):  # noqa: F811
    data = build()
    page = data["case_study"]
    say_we_face_this(
        page,
        data["cat"].council_memberships.first().council,
        data["cat"],
        "We start a discovery in spring",
    )
    record_reuse(
        page,
        data["leeds"],
        data["cat"],
        output="Bin day finder",
        what_changed="Our own address data",
        link="https://example.org/leeds",
        how_it_went="Calls fell by a third",
    )
    failures = []

    def audit(name):
        failures.extend(f"{name}: {problem}" for problem in _audit(browser_page))

    browser_page.goto(live_server.url + page.url)
    assert "Sign in to say your council faces this too" in browser_page.content()
    audit("case study with records, anonymous")
    browser_page.goto(live_server.url + data["owner"].get_absolute_url())
    assert "Councils that reused this council" in browser_page.content()
    audit("owner's profile with a reuse")

    sign_in(browser_page, live_server, data["ben"])  # two councils: the picker shows
    browser_page.goto(live_server.url + page.url)
    assert "Say your council faces this too" in browser_page.content()
    audit("case study with records, signed in")

    errors = browser_page.locator(".govuk-error-summary")
    done = browser_page.locator(".govuk-notification-banner")

    browser_page.goto(live_server.url + reverse("collaboration:face_this_too", args=[page.pk]))
    audit("we face this too")
    browser_page.locator("#id_note").evaluate("(el) => { el.value = 'x'.repeat(201); }")
    submit(browser_page, "We face this too", errors)
    assert "Keep the note to 200 characters" in browser_page.content()
    audit("we face this too, errors")
    browser_page.get_by_label("A note for other councils").fill("Same here")
    submit(browser_page, "We face this too", done)
    audit("we face this too, done")

    browser_page.goto(live_server.url + reverse("collaboration:reuse", args=[page.pk]))
    audit("we reused this")
    browser_page.get_by_label("A link to your version").fill("not a web address")
    submit(browser_page, "We reused this", errors)
    assert "Enter a web address in the right format" in browser_page.content()
    audit("we reused this, errors")
    browser_page.get_by_label("A link to your version").fill("https://example.org/ours")
    submit(browser_page, "We reused this", done)
    audit("we reused this, done")

    assert not failures, "Accessibility problems:\n" + "\n".join(failures)
