"""A practitioner's journey in a real browser (issue 14): sign in with their email address,
the dashboard, a new case study offering only their councils, themes chosen, submitted for
review. No axe-core violation on the way."""

import re

from django.contrib.auth import get_user_model

import pytest
from playwright.sync_api import expect

from accounts.roles import make_practitioner, setup_roles
from casestudies.factories import CaseStudyIndexPageFactory
from casestudies.models import CaseStudyPage
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure

from .axe import axe_violations
from .test_accessibility import _audit

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-unusual-passphrase"


@pytest.fixture
def practitioner(transactional_db, django_db_serialized_rollback):
    ensure_site_structure()
    setup_roles()
    index = CaseStudyIndexPageFactory()
    cornwall = CouncilFactory(short_name="Cornwall")
    plymouth = CouncilFactory(short_name="Plymouth")
    CouncilFactory(short_name="Devon")
    CouncilFactory(short_name="Restormel", is_current=False)
    user = get_user_model().objects.create_user(
        "cornwall_writer", "writer@cornwall.gov.uk", PASSWORD, first_name="Kerensa"
    )
    make_practitioner(user, [cornwall, plymouth])
    return {"user": user, "index": index}


def axe_problems(page):
    """axe-core only: Wagtail's admin has its own page structure."""
    return [f"{page.url}: {problem}" for problem in axe_violations(page)]


def type_rich_text(page, field, text):
    editor = page.locator(f"[data-contentpath='{field}'] [contenteditable='true']")
    editor.click()
    expect(editor).to_be_focused()
    page.keyboard.type(text)
    # Draftail copies what was typed into the field's hidden input a moment later.
    expect(page.locator(f"input[name='{field}']")).to_have_value(re.compile(re.escape(text)))


def test_a_practitioner_writes_a_case_study_and_submits_it(practitioner, live_server, browser_page):
    page = browser_page
    base = live_server.url
    problems = []

    page.goto(base + "/accounts/sign-in/")
    problems += [f"sign-in: {p}" for p in _audit(page)]
    page.get_by_label("Email address or username").fill("Writer@Cornwall.gov.uk")
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()
    assert page.url.rstrip("/").endswith("/admin")
    problems += axe_problems(page)

    page.goto(f"{base}/admin/pages/add/casestudies/casestudypage/{practitioner['index'].pk}/")
    council = page.locator("select[name='council']")
    options = [o.strip() for o in council.locator("option").all_text_contents()]
    assert [o for o in options if not o.startswith("-")] == ["Cornwall", "Plymouth"]
    assert page.get_by_text("You write for Cornwall and Plymouth.").is_visible()
    problems += axe_problems(page)  # Draftail and tag-it named by core/wagtail_hooks.py

    page.locator("[name='title']").fill("Bin rounds as open data")
    page.locator("textarea[name='summary']").fill(
        "We published the crews' rounds and missed bins halved."
    )
    council.select_option(label="Plymouth")
    page.get_by_role("checkbox", name="Waste").check()
    page.get_by_role("button", name="Add partner council").click()
    partners = page.locator("#id_partners-FORMS input.ui-widget-content").first
    partners.fill("Dev")
    page.locator(".ui-autocomplete li", has_text="Devon").first.click()
    problems += axe_problems(page)  # with a partner council's row added
    type_rich_text(page, "problem", "Hundreds of missed bin reports every month.")
    type_rich_text(page, "what_we_did", "Published the rounds as open data.")
    page.get_by_role("radio", name="No, keep them private").check()

    page.locator("footer .w-dropdown__toggle").first.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Submit to").click()

    created = CaseStudyPage.objects.get(title="Bin rounds as open data")
    assert created.council.short_name == "Plymouth"
    assert [t.slug for t in created.latest_revision.as_object().themes.all()] == ["waste"]
    assert [c.short_name for c in created.latest_revision.as_object().partner_councils()] == [
        "Devon"
    ]
    assert created.workflow_in_progress
    assert not created.live
    problems += axe_problems(page)  # the page's listing, saying it is in moderation
    assert not problems, "Accessibility problems:\n" + "\n".join(problems)
