"""/following/ and the follow buttons in a real browser: no axe-core violation, signed in
and not, and following a theme with the keyboard."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

import pytest

from casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
)
from casestudies.models import Theme, ThemePage
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure

from .test_accessibility import _audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def content(transactional_db, django_db_serialized_rollback):
    ensure_site_structure()
    CaseStudyIndexPageFactory()
    ProjectIndexPageFactory()
    council = CouncilFactory(short_name="Avonford")
    theme = Theme.objects.get(slug="waste")
    CaseStudyPageFactory(council=council, themes=[theme], title="Bins online")
    project = ProjectPageFactory(council=council, title="Shared routes")
    reader = get_user_model().objects.create_user("reader", "reader@example.gov.uk", "pw")
    return {
        "council": council,
        "theme_page": ThemePage.objects.live().get(theme=theme),
        "project": project,
        "reader": reader,
    }


def sign_in(browser_page, live_server, user):
    client = Client()
    client.force_login(user)
    browser_page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def audit(browser_page, url):
    response = browser_page.goto(url)
    assert response.status == 200, url
    return [f"{url}: {problem}" for problem in _audit(browser_page)]


def test_follow_buttons_and_what_i_follow_pass_axe(content, live_server, browser_page):
    base = live_server.url
    pages = [
        content["theme_page"].url,
        "/councils/avonford/",
        content["project"].url,
        "/search/?theme=waste",
    ]
    problems = []
    for path in pages:  # anonymous: sign-in links
        problems += audit(browser_page, base + path)
    sign_in(browser_page, live_server, content["reader"])
    problems += audit(browser_page, base + "/following/")  # the empty state
    assert browser_page.get_by_text("You do not follow anything yet").is_visible()
    for path in pages:
        problems += audit(browser_page, base + path)
        browser_page.locator(".se-follow__button").click()
    problems += audit(browser_page, base + "/following/")  # something of each kind
    assert browser_page.locator(".se-follow-list__item").count() == 4
    problems += audit(browser_page, base + content["theme_page"].url)  # "Stop following"
    assert not problems, "Accessibility problems:\n" + "\n".join(problems)


def test_follow_a_theme_with_the_keyboard(content, live_server, browser_page):
    sign_in(browser_page, live_server, content["reader"])
    browser_page.goto(live_server.url + content["theme_page"].url)
    button = browser_page.locator(".se-follow__button")
    button.focus()
    with browser_page.expect_navigation():
        browser_page.keyboard.press("Enter")
    assert browser_page.get_by_text("You follow this theme").is_visible()
    browser_page.goto(live_server.url + "/following/")
    names = browser_page.locator(".se-follow-list__name a").all_inner_texts()
    assert names == [content["theme_page"].title]
