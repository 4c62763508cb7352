"""Partner councils report progress on a project, but do not edit the lead council's page."""

from django.urls import reverse

import pytest

from accounts.roles import make_practitioner
from casestudies.factories import ProgressUpdateFactory, ProjectPageFactory
from casestudies.models import ProgressUpdate
from councils.factories import CouncilFactory

from .conftest import make_user

DENIED = reverse("wagtailadmin_home")
URLS = "wagtailsnippets_casestudies_progressupdate"


@pytest.fixture
def project(people, council_a, council_b, site_structure):
    """Led by council A, with council B as a partner."""
    return ProjectPageFactory(council=council_a, partner_councils=[council_b],
                              title="Shared housing register")


def update_data(project, council, title="Alpha finished"):
    return {"project": project.pk, "council": council.pk, "date": "2025-03-01",
            "title": title, "text": "Twelve residents tested the prototype."}


def test_partner_practitioner_adds_an_update(client, people, project, council_b):
    client.force_login(people["practitioner_b"])
    response = client.post(reverse(f"{URLS}:add"), update_data(project, council_b))
    assert response.status_code == 302
    update = ProgressUpdate.objects.get(title="Alpha finished")
    assert update.council == council_b
    assert update.created_by == people["practitioner_b"]


def test_partner_cannot_report_as_the_lead_council(client, people, project, council_a):
    client.force_login(people["practitioner_b"])
    response = client.post(reverse(f"{URLS}:add"), update_data(project, council_a))
    assert response.status_code == 200
    assert "council" in response.context["form"].errors
    assert not ProgressUpdate.objects.exists()


def test_unrelated_council_cannot_choose_the_project(client, roles, project):
    outsider = make_user("outsider")
    make_practitioner(outsider, [CouncilFactory(short_name="Elsewhere")])
    council = outsider.council_memberships.get().council
    client.force_login(outsider)
    response = client.post(reverse(f"{URLS}:add"), update_data(project, council))
    assert response.status_code == 200
    assert "project" in response.context["form"].errors
    assert not ProgressUpdate.objects.exists()


def test_each_council_edits_only_its_own_updates(client, people, project, council_a,
                                                 council_b):
    lead_update = ProgressUpdateFactory(project=project, council=council_a, title="Lead news")
    partner_update = ProgressUpdateFactory(project=project, council=council_b,
                                           title="Partner news")
    client.force_login(people["practitioner_b"])

    listing = client.get(reverse(f"{URLS}:list"))
    assert "Partner news" in listing.text
    assert "Lead news" not in listing.text

    response = client.post(reverse(f"{URLS}:edit", args=[lead_update.pk]),
                           update_data(project, council_b, title="Hijacked"))
    assert response["Location"] == DENIED
    lead_update.refresh_from_db()
    assert lead_update.title == "Lead news"

    response = client.post(reverse(f"{URLS}:delete", args=[lead_update.pk]))
    assert response["Location"] == DENIED
    assert ProgressUpdate.objects.filter(pk=lead_update.pk).exists()

    response = client.post(reverse(f"{URLS}:edit", args=[partner_update.pk]),
                           update_data(project, council_b, title="Beta started"))
    assert response.status_code == 302
    partner_update.refresh_from_db()
    assert partner_update.title == "Beta started"


def test_partner_cannot_edit_the_lead_councils_project_page(client, people, project):
    client.force_login(people["practitioner_b"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[project.pk]))
    assert response["Location"] == DENIED


def test_organiser_sees_every_update(client, people, project, council_a, council_b):
    ProgressUpdateFactory(project=project, council=council_a, title="Lead news")
    ProgressUpdateFactory(project=project, council=council_b, title="Partner news")
    client.force_login(people["organiser"])
    listing = client.get(reverse(f"{URLS}:list"))
    assert "Lead news" in listing.text and "Partner news" in listing.text
