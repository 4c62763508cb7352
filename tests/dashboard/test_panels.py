"""The admin home for each role: each sees its own councils' work, and only that; organisers
and superusers see the whole network's."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyPage
from collaboration.models import Introduction
from dashboard import panels
from tests.permissions.helpers import case_study_form_data

from .conftest import NAMES, STATES, title

pytestmark = pytest.mark.usefixtures("_dashboard_data")  # built once per module (conftest)

PRACTITIONER_PANELS = {"council-work", "help-offers-waiting", "reuse"}
ORGANISER_PANELS = {
    "awaiting-review",
    "access-requests",
    "network-pages",
    "help-requests-without-offers",
    "introductions-to-make",
}

# Per role: the councils whose work it sees, and the panels it gets.
ROLES = {
    "practitioner_a": ({"a"}, PRACTITIONER_PANELS),
    "practitioner_ab": ({"a", "b"}, PRACTITIONER_PANELS | {"open-join-requests"}),
    "organiser": ({"a", "b", "c"}, ORGANISER_PANELS),
    "admin": ({"a", "b", "c"}, ORGANISER_PANELS),
}
HELP_REQUESTS = {
    "a": "Avonford asks about school transport",
    "b": "Barchester asks about parking permits",
}


def home(client, person):
    client.force_login(person)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response


def panel_ids(response):
    soup = BeautifulSoup(response.text, "html.parser")
    return {
        section["id"].removesuffix("-section") for section in soup.select("section.w-panel[id]")
    }


def panel_named(response, name):
    return next(panel for panel in response.context["panels"] if panel.name == name)


def test_anonymous_people_are_sent_to_sign_in(client, data):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_readers_have_no_admin(client, data):
    client.force_login(data["people"]["reader"])
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_its_panels_and_only_its_councils_work(client, data, role):
    own, expected_panels = ROLES[role]
    response = home(client, data["people"][role])
    text = response.text

    shown = panel_ids(response)
    assert expected_panels <= shown
    others = (PRACTITIONER_PANELS | ORGANISER_PANELS) - expected_panels
    assert not (shown & others)
    for key in NAMES:
        for state in STATES:
            if key not in own:
                assert title(key, state) not in text, (key, state)
        if role in ("organiser", "admin"):
            assert title(key, "in review") in text  # the review queue
        if key in HELP_REQUESTS:
            # Offers of help on a council's requests are for its own practitioners.
            assert (HELP_REQUESTS[key] in text) == (key in own and role.startswith("pract"))
    if role.startswith("practitioner"):
        assert "Dora Applicant" not in text
        assert "Cranford asks about library bookings" not in text


def test_practitioners_count_only_their_councils_pages(client, data):
    single = panel_named(home(client, data["people"]["practitioner_a"]), "council_work")
    assert single.context["counts"] == {"draft": 1, "in_review": 1, "published": 2, "stale": 1}
    assert [c.short_name for c in single.context["councils"]] == ["Avonford"]

    double = panel_named(home(client, data["people"]["practitioner_ab"]), "council_work")
    assert double.context["counts"] == {"draft": 2, "in_review": 2, "published": 4, "stale": 2}
    assert [c.short_name for c in double.context["councils"]] == ["Avonford", "Barchester"]


@pytest.mark.parametrize("role", ["organiser", "admin"])
def test_organisers_count_every_councils_pages(client, data, role):
    response = home(client, data["people"][role])
    network = panel_named(response, "network_pages")
    assert network.context["counts"] == {"draft": 3, "in_review": 3, "published": 6, "stale": 3}


@pytest.mark.parametrize(("role", "pages"), [("practitioner_a", 4), ("practitioner_ab", 8)])
def test_site_summary_counts_practitioners_own_pages(client, data, role, pages):
    response = home(client, data["people"][role])
    items = response.context["site_summary"].summary_items
    page_item = next(item for item in items if isinstance(item, panels.CouncilPagesSummaryItem))
    assert f"{pages} Pages" in page_item.render_html({})


@pytest.mark.parametrize("role", ["organiser", "admin"])
def test_site_summary_counts_every_page_for_organisers(client, data, role):
    response = home(client, data["people"][role])
    items = response.context["site_summary"].summary_items
    assert not any(isinstance(item, panels.CouncilPagesSummaryItem) for item in items)


def test_counts_link_to_the_matching_admin_listings(client, data):
    response = home(client, data["people"]["practitioner_a"])
    soup = BeautifulSoup(response.text, "html.parser")
    links = [a["href"] for a in soup.select("#council-work-section table a")]
    assert len(links) == 3  # drafts, in review, published; the stale report is organisers'
    for link in links:
        listing = client.get(link)
        assert listing.status_code == 200, link
    drafts = client.get(links[0]).text
    assert title("a", "draft") in drafts
    assert title("b", "draft") not in drafts
    in_review = client.get(links[1]).text
    assert title("a", "in review") in in_review
    assert title("b", "in review") not in in_review


def test_organisers_stale_count_opens_the_stale_content_report(client, data):
    response = home(client, data["people"]["organiser"])
    soup = BeautifulSoup(response.text, "html.parser")
    links = [a["href"] for a in soup.select("#network-pages-section table a")]
    assert links[-1] == reverse("stale_content")
    assert client.get(links[-1]).status_code == 200


def test_the_review_queue_names_each_items_council(client, data):
    response = home(client, data["people"]["organiser"])
    queue = panel_named(response, "workflow_objects_to_moderate")
    assert isinstance(queue, panels.ReviewQueuePanel)
    soup = BeautifulSoup(response.text, "html.parser")
    rows = {
        row.select_one("td.title").get_text(strip=True): row.select("td")[1].get_text(strip=True)
        for row in soup.select("#awaiting-review-section tbody tr")
    }
    assert rows == {title(key, "in review"): name for key, name in NAMES.items()}
    assert len(soup.select("#awaiting-review-section")) == 1  # Wagtail's own panel is replaced


def test_requests_to_join_the_platform_link_to_the_decision(client, data):
    response = home(client, data["people"]["organiser"])
    soup = BeautifulSoup(response.text, "html.parser")
    link = soup.select_one("#access-requests-section td.title a")
    assert "Dora Applicant" in link.get_text()
    assert client.get(link["href"]).status_code == 200


def test_help_requests_without_offers(client, data):
    response = home(client, data["people"]["organiser"])
    soup = BeautifulSoup(response.text, "html.parser")
    listed = [
        a.get_text(strip=True)
        for a in soup.select("#help-requests-without-offers-section td.title a")
    ]
    assert listed == ["Cranford asks about library bookings"]


def test_councils_already_introduced_are_not_suggested(client, data):
    organiser = data["people"]["organiser"]
    councils = data["councils"]

    def suggested():
        pairs = panel_named(home(client, organiser), "introductions_to_make").context["pairs"]
        return {frozenset((first.pk, second.pk)) for first, second, _why in pairs}

    pair = frozenset((councils["a"].pk, councils["b"].pk))
    assert pair in suggested()
    Introduction.objects.create(
        first_council=councils["b"],
        second_council=councils["a"],
        reasons="Both run bins.",
        introduced_by=organiser,
    )
    assert pair not in suggested()


def test_suggested_introductions_open_the_introduction(client, data):
    response = home(client, data["people"]["organiser"])
    soup = BeautifulSoup(response.text, "html.parser")
    link = soup.select_one("#introductions-to-make-section td.title a")
    page = client.get(link["href"])
    assert page.status_code == 200
    assert "Why they should talk" in page.text


def add_buttons(client, person):
    response = home(client, person)
    soup = BeautifulSoup(response.text, "html.parser")
    return {a.get_text(strip=True): a["href"] for a in soup.select("#council-work-section ul a")}


def test_add_buttons_open_the_add_form_under_the_right_index(client, data):
    buttons = add_buttons(client, data["people"]["practitioner_a"])
    assert set(buttons) == {"Add a case study", "Add a lesson", "Add a project"}
    for label, url in buttons.items():
        form = client.get(url)
        assert form.status_code == 200, label
        assert (
            form.context["page_class"]
            .__name__.lower()
            .startswith(label.removeprefix("Add a ").replace(" ", ""))
        )
        assert form.context["parent_page"].specific.__class__.__name__.endswith("IndexPage")
        # The council to choose from is the practitioner's own.
        assert list(form.context["form"].fields["council"].queryset) == [data["councils"]["a"]]


def test_an_add_button_saves_a_draft(client, data):
    council = data["councils"]["a"]
    url = add_buttons(client, data["people"]["practitioner_a"])["Add a case study"]
    new = CaseStudyPage(
        title="Avonford new case study",
        slug="avonford-new-case-study",
        council=council,
        summary="What we did.",
    )
    response = client.post(url, case_study_form_data(new))
    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="avonford-new-case-study")
    assert page.council == council and not page.live
    assert type(page.get_parent().specific).__name__ == "CaseStudyIndexPage"
    assert (
        panel_named(home(client, data["people"]["practitioner_a"]), "council_work").context[
            "counts"
        ]["draft"]
        == 2
    )


def test_organisers_may_add_pages_too(client, data):
    response = home(client, data["people"]["organiser"])
    soup = BeautifulSoup(response.text, "html.parser")
    assert len(soup.select("#network-pages-section ul a")) == 3


@pytest.mark.parametrize("role", ["practitioner_a", "organiser", "admin"])
def test_the_admin_menu_adds_each_kind_of_page(client, data, role):
    response = home(client, data["people"][role])
    for kind, page_class in (
        ("case-study", "casestudypage"),
        ("lesson", "lessonpage"),
        ("project", "projectpage"),
    ):
        url = reverse("dashboard_add_page", args=[kind])
        assert url in response.text  # in the sidebar's menu
        form = client.get(url, follow=True)
        assert form.status_code == 200
        assert form.redirect_chain[-1][0].startswith(f"/admin/pages/add/casestudies/{page_class}/")


def test_the_add_menu_refuses_unknown_kinds_and_people_who_may_not_add(client, data):
    client.force_login(data["people"]["practitioner_a"])
    assert client.get(reverse("dashboard_add_page", args=["nonsense"])).status_code == 404
    client.force_login(data["people"]["reader"])
    response = client.get(reverse("dashboard_add_page", args=["lesson"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
