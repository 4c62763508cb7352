"""setup_roles builds the groups, permissions and workflow, and is safe to run again."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from accounts.roles import ORGANISERS, PRACTITIONERS, WORKFLOW_NAME, setup_roles
from demo.data import read_content
from demo.removal import remove_demo_data
from demo.users import ensure_user
from home.models import HomePage


def counts():
    return (
        Group.objects.count(),
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        WorkflowPage.objects.count(),
        sum(group.permissions.count() for group in Group.objects.all()),
    )


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
        organisers.page_permissions.filter(page=home).values_list("permission__codename", flat=True)
    )
    assert {"publish_page", "lock_page", "bulk_delete_page"} <= organiser_codenames
    assert organisers.permissions.filter(codename="act_for_any_council").exists()
    assert not practitioners.permissions.filter(codename="act_for_any_council").exists()
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME


def test_demo_practitioner_and_organiser(client, site_structure, register):
    """The demo loader's people: a practitioner in two councils and an organiser, with the
    password the load_demo_data command prints."""
    setup_roles()
    accounts = {spec.role: (spec, ensure_user(spec)[0]) for spec in read_content().users}
    spec, practitioner = accounts["practitioner"]
    assert practitioner.groups.filter(name=PRACTITIONERS).exists()
    assert practitioner.council_memberships.count() == 2
    ensure_user(spec)  # again: nothing is duplicated
    assert practitioner.council_memberships.count() == 2
    assert not practitioner.has_perm("councils.act_for_any_council")

    spec, organiser = accounts["organiser"]
    assert organiser.has_perm("councils.act_for_any_council")
    response = client.post(
        reverse("wagtailadmin_login"), {"username": organiser.username, "password": spec.password()}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200

    remove_demo_data(lambda text: None)
    assert not get_user_model().objects.filter(pk__in=[practitioner.pk, organiser.pk]).exists()
