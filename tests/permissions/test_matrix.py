"""The permission matrix: every role × every admin action × own / other council's page.

Each cell is one test making real HTTP requests to the Wagtail admin and asserting both the
response and what changed (or did not change) in the database.

"Own" is a page of council A (practitioner B's own page is council B's); the organiser and the
reader are members of council A, to show that a membership alone grants nothing. The site
administrator (a superuser) is the sixth role.
"""

import json
from typing import NamedTuple

from django.http import HttpResponse
from django.urls import reverse

from wagtail.models import Page, PageLogEntry

import pytest

from .conftest import case_study
from .helpers import case_study_form_data

pytestmark = pytest.mark.usefixtures("_permission_data")  # built once per module (conftest)

ROLES = ["practitioner_a", "practitioner_b", "organiser", "reader", "anonymous", "admin"]
ACTIONS = [
    "view_draft",
    "edit",
    "submit",
    "publish",
    "unpublish",
    "delete",
    "move",
    "copy",
    "preview",
    "choose",
]

ALLOW = "allowed"
FORBIDDEN = "403 forbidden"
LOGIN = "sent to sign in"
NO_ADMIN = "no admin access"
DRAFT_ONLY = "saved as a draft, not published"

PRACTITIONER_OWN = {action: ALLOW for action in ACTIONS} | {
    "publish": DRAFT_ONLY,  # Wagtail's editor saves a draft when the user cannot publish
    "unpublish": FORBIDDEN,
}
EXPECTED = {
    "practitioner_a": {"own": PRACTITIONER_OWN, "other": dict.fromkeys(ACTIONS, FORBIDDEN)},
    "practitioner_b": {"own": PRACTITIONER_OWN, "other": dict.fromkeys(ACTIONS, FORBIDDEN)},
    "organiser": {"own": dict.fromkeys(ACTIONS, ALLOW), "other": dict.fromkeys(ACTIONS, ALLOW)},
    "admin": {"own": dict.fromkeys(ACTIONS, ALLOW), "other": dict.fromkeys(ACTIONS, ALLOW)},
    "reader": {"own": dict.fromkeys(ACTIONS, NO_ADMIN), "other": dict.fromkeys(ACTIONS, NO_ADMIN)},
    "anonymous": {"own": dict.fromkeys(ACTIONS, LOGIN), "other": dict.fromkeys(ACTIONS, LOGIN)},
}
# In the chooser a refusal is an absence: the other council's draft is simply not listed.
for role in ("practitioner_a", "practitioner_b"):
    EXPECTED[role]["other"]["choose"] = "not listed"


def own_council(role, council_a, council_b):
    return council_b if role == "practitioner_b" else council_a


def other_council(role, council_a, council_b):
    return council_a if role == "practitioner_b" else council_b


def latest_title(page):
    return page.get_latest_revision_as_object().title


class Outcome(NamedTuple):
    """What an action returns: the response, whether its effect happened, and for a publish
    whether the edit was at least saved as a draft."""

    response: HttpResponse
    happened: bool
    draft_saved: bool | None = None


def do_view_draft(client, page, index):
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    return Outcome(response, response.status_code == 200 and page.title in response.text)


def do_edit(client, page, index):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        case_study_form_data(page, title="Edited title"),
    )
    page.refresh_from_db()
    return Outcome(response, latest_title(page) == "Edited title")


def do_submit(client, page, index):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        case_study_form_data(page, **{"action-submit": "Submit"}),
    )
    page.refresh_from_db()
    return Outcome(response, page.workflow_in_progress)


def do_publish(client, page, index):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        case_study_form_data(page, title="Published title", **{"action-publish": "Publish"}),
    )
    page.refresh_from_db()
    return Outcome(
        response,
        page.live and page.title == "Published title",
        draft_saved=latest_title(page) == "Published title",
    )


def do_unpublish(client, page, index):
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    page.refresh_from_db()
    return Outcome(response, not page.live)


def do_delete(client, page, index):
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return Outcome(response, not Page.objects.filter(pk=page.pk).exists())


def do_move(client, page, index):
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, index.pk]))
    moved = PageLogEntry.objects.filter(
        page=page, action__in=["wagtail.move", "wagtail.reorder"]
    ).exists()
    return Outcome(response, moved)


def do_copy(client, page, index):
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {"new_title": "A copy", "new_slug": "a-copy", "new_parent_page": index.pk},
    )
    return Outcome(response, Page.objects.filter(slug="a-copy").exists())


def do_preview(client, page, index):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(url, case_study_form_data(page, title="Previewed title"))
    if response.status_code != 200:
        return Outcome(response, False)
    assert json.loads(response.content)["is_valid"] is True
    response = client.get(url)
    return Outcome(response, response.status_code == 200 and "Previewed title" in response.text)


def do_choose(client, page, index):
    response = client.get(
        reverse("wagtailadmin_choose_page_child", args=[index.pk]),
        {"page_type": "casestudies.casestudypage"},
    )
    if response.status_code != 200:
        return Outcome(response, False)
    return Outcome(response, page.title in json.loads(response.content)["html"])


ACTION_FUNCTIONS = {name: globals()[f"do_{name}"] for name in ACTIONS}


def assert_refusal(expected, outcome):
    response = outcome.response
    if expected == FORBIDDEN:
        # Wagtail's admin answers PermissionDenied with a redirect to the dashboard and the
        # message "Sorry, you do not have permission to access this area."
        assert response.status_code == 302, response.status_code
        assert response["Location"] == reverse("wagtailadmin_home")
    elif expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    elif expected == NO_ADMIN:
        # Wagtail sends a signed-in user without admin access back to the admin's sign-in
        # page, which explains that they lack permission; nothing is shown or changed.
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    elif expected == "not listed":
        assert response.status_code == 200
    elif expected == DRAFT_ONLY:
        assert response.status_code == 302
        assert outcome.draft_saved


@pytest.mark.parametrize("whose", ["own", "other"])
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(
    client, people, council_a, council_b, case_study_index, role, action, whose
):
    council = (own_council if whose == "own" else other_council)(role, council_a, council_b)
    page = case_study(council, live=(action == "unpublish"), title=f"{council} case study")
    user = people[role]
    if user is not None:
        client.force_login(user)

    outcome = ACTION_FUNCTIONS[action](client, page, case_study_index)

    expected = EXPECTED[role][whose][action]
    if expected == ALLOW:
        assert outcome.response.status_code in (200, 302), outcome.response.status_code
        assert outcome.happened, f"{role} should be able to {action} the {whose} council's page"
    else:
        assert not outcome.happened, (
            f"{role} must not be able to {action} the {whose} council's page"
        )
        assert_refusal(expected, outcome)
