"""The other admin routes: revisions, listings, search, the admin API, locking and creating."""

import json

from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from casestudies.models import CaseStudyPage
from councils.factories import CouncilFactory
from councils.models import CouncilMembership

from .conftest import case_study
from .helpers import case_study_form_data

pytestmark = pytest.mark.usefixtures("_permission_data")  # built once per module (conftest)

DENIED = reverse("wagtailadmin_home")


def revised(page, title):
    """Give the page a second revision, as an edit would."""
    page.title = title
    return page.save_revision()


def revision_urls(page):
    first, second = page.revisions.order_by("pk")[:2]
    return {
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "revisions_index": reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        "revision_view": reverse("wagtailadmin_pages:revisions_view", args=[page.pk, first.pk]),
        "revision_compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk]
        ),
        "revision_revert": reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, first.pk]),
        "usage": reverse("wagtailadmin_pages:usage", args=[page.pk]),
        "workflow_history": reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        "explore": reverse("wagtailadmin_explore", args=[page.pk]),
        "lock": reverse("wagtailadmin_pages:lock", args=[page.pk]),
    }


ROUTES = [
    "history",
    "revisions_index",
    "revision_view",
    "revision_compare",
    "revision_revert",
    "usage",
    "workflow_history",
    "explore",
]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize(
    "role,whose,allowed",
    [
        ("practitioner_a", "own", True),
        ("practitioner_a", "other", False),
        ("organiser", "other", True),
    ],
)
def test_revision_routes(
    client, people, council_a, council_b, case_study_index, route, role, whose, allowed
):
    page = case_study(council_a if whose == "own" else council_b, title="First title")
    revised(page, "Second title")
    client.force_login(people[role])
    response = client.get(revision_urls(page)[route])
    if route == "revisions_index":  # an old address that redirects to the history
        assert response.status_code == 302
        response = client.get(response["Location"])
    if allowed:
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert response["Location"] != DENIED
    elif route == "explore":
        # Like any page outside their part of the tree: back to the explorer's start.
        assert response.status_code == 302
        assert response["Location"] == reverse(
            "wagtailadmin_explore", args=[case_study_index.get_parent().pk]
        )
        assert "First title" not in client.get(response["Location"]).text
    else:
        assert response.status_code == 302
        assert response["Location"] == DENIED


def test_lock_refused_on_other_councils_page(client, people, council_b, case_study_index):
    page = case_study(council_b)
    revised(page, "Second title")
    client.force_login(people["practitioner_a"])
    response = client.post(revision_urls(page)["lock"])
    page.refresh_from_db()
    assert not page.locked
    assert response["Location"] == DENIED


def test_explorer_lists_only_own_councils_pages(
    client, people, council_a, council_b, case_study_index
):
    own = case_study(council_a, title="Avonford draft")
    other_draft = case_study(council_b, title="Barchester draft")
    url = reverse("wagtailadmin_explore", args=[case_study_index.pk])

    client.force_login(people["practitioner_a"])
    response = client.get(url)
    assert response.status_code == 200
    assert own.title in response.text
    assert other_draft.title not in response.text

    client.force_login(people["organiser"])
    response = client.get(url)
    assert own.title in response.text and other_draft.title in response.text


def test_admin_page_search_hides_other_councils_drafts(
    client, people, council_a, council_b, case_study_index
):
    case_study(council_a, title="Pothole reporting, Avonford")
    case_study(council_b, title="Pothole reporting, Barchester")
    client.force_login(people["practitioner_a"])
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "pothole"})
    assert response.status_code == 200
    assert "Pothole reporting, Avonford" in response.text
    assert "Pothole reporting, Barchester" not in response.text


def test_admin_api_hides_other_councils_drafts(
    client, people, council_a, council_b, case_study_index
):
    own = case_study(council_a)
    other = case_study(council_b)
    client.force_login(people["practitioner_a"])
    response = client.get("/admin/api/main/pages/", {"child_of": case_study_index.pk})
    assert response.status_code == 200
    ids = {item["id"] for item in json.loads(response.content)["items"]}
    assert own.pk in ids
    assert other.pk not in ids


def test_chooser_search_shows_published_work_but_not_other_drafts(
    client, people, council_a, council_b, case_study_index
):
    case_study(council_a, title="Flooding alerts, Avonford draft")
    case_study(council_b, title="Flooding alerts, Barchester draft")
    case_study(council_b, title="Flooding alerts, Barchester published", live=True)
    client.force_login(people["practitioner_a"])
    response = client.get(
        reverse("wagtailadmin_choose_page_search"),
        {"q": "flooding", "page_type": "casestudies.casestudypage"},
    )
    assert response.status_code == 200
    html = response.text
    assert "Avonford draft" in html
    assert "Barchester published" in html
    assert "Barchester draft" not in html


class TestCreating:
    @pytest.fixture
    def practitioner(self, people, council_a):
        """Practitioner A, also a member of a second council."""
        user = people["practitioner_a"]
        casterbridge = CouncilFactory(short_name="Casterbridge")
        CouncilMembership.objects.create(user=user, council=casterbridge)
        return user

    def add_url(self, index):
        return reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])

    def test_council_choices_are_the_users_councils_first_one_preselected(
        self, client, practitioner, council_a, council_b, case_study_index
    ):
        client.force_login(practitioner)
        response = client.get(self.add_url(case_study_index))
        assert response.status_code == 200
        field = response.context["form"].fields["council"]
        names = [c.short_name for c in field.queryset]
        assert names == ["Avonford", "Casterbridge"]
        assert response.context["form"].initial["council"] == council_a.pk

    def test_server_refuses_another_council(
        self, client, practitioner, council_a, council_b, case_study_index
    ):
        client.force_login(practitioner)
        template = CaseStudyPage(title="Sneaky", slug="sneaky", summary="s", council=council_b)
        response = client.post(self.add_url(case_study_index), case_study_form_data(template))
        assert response.status_code == 200
        assert "council" in response.context["form"].errors
        assert not CaseStudyPage.objects.filter(slug="sneaky").exists()

    def test_creates_under_own_council(self, client, practitioner, council_a, case_study_index):
        client.force_login(practitioner)
        template = CaseStudyPage(title="Ours", slug="ours", summary="s", council=council_a)
        response = client.post(self.add_url(case_study_index), case_study_form_data(template))
        assert response.status_code == 302
        page = CaseStudyPage.objects.get(slug="ours")
        assert page.council == council_a
        assert page.owner == practitioner
        assert not page.live


def test_page_type_usage_lists_only_own_councils_pages(
    client, people, council_a, council_b, case_study_index
):
    case_study(council_a, title="Avonford draft")
    case_study(council_b, title="Barchester draft")
    client.force_login(people["practitioner_a"])
    response = client.get(
        reverse("wagtailadmin_pages:type_use", args=["casestudies", "casestudypage"])
    )
    assert response.status_code == 200
    assert "Avonford draft" in response.text
    assert "Barchester draft" not in response.text


@pytest.mark.parametrize("action", ["delete", "publish", "unpublish", "move"])
def test_bulk_actions_skip_other_councils_pages(
    client, people, council_a, council_b, case_study_index, action
):
    other = case_study(council_b, live=(action == "unpublish"))
    client.force_login(people["practitioner_a"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    url += f"?id={other.pk}&next=/admin/"
    data = {"move_applicable": "on", "chooser": case_study_index.pk} if action == "move" else {}
    client.post(url, data)
    other.refresh_from_db()  # still there: not deleted
    assert other.live == (action == "unpublish")
    assert not PageLogEntry.objects.filter(
        page=other, action__in=["wagtail.move", "wagtail.reorder"]
    ).exists()


def test_organisers_curate_theme_pages_and_home_page(client, people, site_structure):
    from casestudies.models import ThemePage

    theme_page = ThemePage.objects.first()
    client.force_login(people["organiser"])
    for page in (theme_page, site_structure):
        assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    client.force_login(people["practitioner_a"])
    for page in (theme_page, site_structure):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response["Location"] == DENIED
