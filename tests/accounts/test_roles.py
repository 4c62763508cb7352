"""setup_roles builds the groups, permissions and workflow, and is safe to run again."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from accounts.roles import (
    DEMO_ORGANISER,
    DEMO_PASSWORD,
    DEMO_PRACTITIONER,
    ORGANISERS,
    PRACTITIONERS,
    WORKFLOW_NAME,
    create_demo_users,
    remove_demo_users,
)
from councils.factories import CouncilFactory
from home.models import HomePage


def counts():
    return (Group.objects.count(), GroupPagePermission.objects.count(),
            Workflow.objects.count(), WorkflowPage.objects.count(),
            sum(group.permissions.count() for group in Group.objects.all()))


def test_setup_roles_is_idempotent(site_structure):
    out = StringIO()
    call_command("setup_roles", stdout=out)
    first = counts()
    call_command("setup_roles", stdout=StringIO())
    assert counts() == first
    assert f"Workflow '{WORKFLOW_NAME}'" in out.getvalue()

    practitioners = Group.objects.get(name=PRACTITIONERS)
    organisers = Group.objects.get(name=ORGANISERS)
    practitioner_codenames = set(
        practitioners.page_permissions.values_list("permission__codename", flat=True)
    )
    assert practitioner_codenames == {"add_page", "change_page"}
    assert practitioners.page_permissions.count() == 6  # three index pages × add, change
    home = HomePage.objects.get()
    organiser_codenames = set(
        organisers.page_permissions.filter(page=home)
        .values_list("permission__codename", flat=True)
    )
    assert {"publish_page", "lock_page", "bulk_delete_page"} <= organiser_codenames
    assert organisers.permissions.filter(codename="act_for_any_council").exists()
    assert not practitioners.permissions.filter(codename="act_for_any_council").exists()
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME


def test_demo_users_can_sign_in_to_the_admin(client, site_structure):
    councils = [CouncilFactory(short_name="Avonford"), CouncilFactory(short_name="Barchester")]
    lines = create_demo_users(councils)
    assert any(DEMO_PRACTITIONER in line and DEMO_PASSWORD in line for line in lines)
    practitioner = get_user_model().objects.get(username=DEMO_PRACTITIONER)
    assert {m.council.short_name for m in practitioner.council_memberships.all()} == {
        "Avonford", "Barchester"}
    create_demo_users(councils)  # again: nothing is duplicated
    assert practitioner.council_memberships.count() == 2

    response = client.post(reverse("wagtailadmin_login"), {"username": DEMO_ORGANISER,
                                             "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

    assert remove_demo_users() == 2
    assert not get_user_model().objects.filter(username__startswith="demo.").exists()

