"""Partner councils report progress on a project, but do not edit the lead council's page or
updates; every update waits for a network organiser's review before it appears in public."""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry, WorkflowContentType, WorkflowState

import pytest

from accounts.roles import ORGANISERS, PRACTITIONERS, WORKFLOW_NAME, make_practitioner, setup_roles
from casestudies.factories import ProgressUpdateFactory, ProjectPageFactory
from casestudies.models import ProgressUpdate
from councils.factories import CouncilFactory

from .conftest import make_user

pytestmark = pytest.mark.usefixtures("_permission_data")  # built once per module (conftest)

DENIED = reverse("wagtailadmin_home")
URLS = "wagtailsnippets_casestudies_progressupdate"


@pytest.fixture
def project(people, council_a, council_b, site_structure):
    """Led by council A, with council B as a partner."""
    return ProjectPageFactory(
        council=council_a, partner_councils=[council_b], title="Shared housing register"
    )


def update_data(project, council, title="Alpha finished", **actions):
    return {
        "project": project.pk,
        "council": council.pk,
        "date": "2025-03-01",
        "title": title,
        "text": "Twelve residents tested the prototype.",
        **actions,
    }


def submit_new(client, project, council, title="Alpha finished"):
    response = client.post(
        reverse(f"{URLS}:add"), update_data(project, council, title, **{"action-submit": "Submit"})
    )
    assert response.status_code == 302
    return ProgressUpdate.objects.get(title=title)


def workflow_action(client, update, action, comment=""):
    task_state = update.current_workflow_task_state
    return client.post(
        reverse(f"{URLS}:workflow_action", args=[update.pk, action, task_state.pk]),
        {"comment": comment},
    )


def public_timeline(client, project):
    client.logout()
    response = client.get(project.url)
    assert response.status_code == 200
    return response.text


def test_setup_roles_puts_progress_updates_under_organiser_review(roles):
    content_type = ContentType.objects.get_for_model(ProgressUpdate)
    assert WorkflowContentType.objects.get(content_type=content_type).workflow.name == (
        WORKFLOW_NAME
    )
    assert ProgressUpdate.get_default_workflow() == roles["workflow"]
    setup_roles()
    assert WorkflowContentType.objects.filter(content_type=content_type).count() == 1

    def codenames(group):
        return set(
            Group.objects.get(name=group)
            .permissions.filter(content_type=content_type)
            .values_list("codename", flat=True)
        )

    assert codenames(PRACTITIONERS) == {
        "add_progressupdate",
        "change_progressupdate",
        "delete_progressupdate",
    }
    assert {"publish_progressupdate", "change_progressupdate"} <= codenames(ORGANISERS)


def test_update_is_public_only_after_an_organiser_approves(client, people, project, council_b):
    author, organiser = people["practitioner_b"], people["organiser"]
    client.force_login(author)
    update = submit_new(client, project, council_b)
    assert update.created_by == author
    assert not update.live
    assert update.workflow_in_progress
    assert update.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert any(
        organiser.email in message.to and "Alpha finished" in message.body
        for message in mail.outbox
    ), [m.to for m in mail.outbox]
    assert "Alpha finished" not in public_timeline(client, project)

    # The author cannot approve their own update.
    client.force_login(author)
    workflow_action(client, update, "approve")
    update.refresh_from_db()
    assert not update.live and update.workflow_in_progress

    # The author's edit screen is locked while in review; the organiser's offers approval.
    assert "locked" in client.get(reverse(f"{URLS}:edit", args=[update.pk])).text.lower()
    client.force_login(organiser)
    editor = client.get(reverse(f"{URLS}:edit", args=[update.pk]))
    assert editor.status_code == 200 and "Approve" in editor.text
    response = workflow_action(client, update, "approve", "Thanks.")
    assert response.status_code in (200, 302)
    update.refresh_from_db()
    assert update.live
    assert update.current_workflow_state is None
    assert "Alpha finished" in public_timeline(client, project)

    entries = {
        (entry.action, entry.user_id) for entry in ModelLogEntry.objects.for_instance(update)
    }
    assert ("wagtail.workflow.start", author.pk) in entries
    assert ("wagtail.workflow.approve", organiser.pk) in entries
    assert ("wagtail.publish", organiser.pk) in entries


def test_rejected_update_returns_to_the_author_with_the_comment(client, people, project, council_b):
    author, organiser = people["practitioner_b"], people["organiser"]
    client.force_login(author)
    update = submit_new(client, project, council_b)

    mail.outbox.clear()
    client.force_login(organiser)
    workflow_action(client, update, "reject", "Say how many residents took part.")
    update.refresh_from_db()
    assert update.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not update.live
    to_author = [message for message in mail.outbox if author.email in message.to]
    assert to_author and "Say how many residents took part." in to_author[0].body

    # The author can edit again and resubmit; it is still not public.
    client.force_login(author)
    response = client.post(
        reverse(f"{URLS}:edit", args=[update.pk]),
        update_data(
            project, council_b, "Alpha finished with 12 residents", **{"action-submit": "Resubmit"}
        ),
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.workflow_in_progress
    assert not update.live
    assert "Alpha finished" not in public_timeline(client, project)


def test_practitioner_cannot_publish_or_unpublish(client, people, project, council_b):
    update = ProgressUpdateFactory(project=project, council=council_b, title="Beta started")
    client.force_login(people["practitioner_b"])
    client.post(
        reverse(f"{URLS}:add"),
        update_data(project, council_b, "Self-published", **{"action-publish": "1"}),
    )
    assert not ProgressUpdate.objects.get(title="Self-published").live

    response = client.post(
        reverse(f"{URLS}:edit", args=[update.pk]),
        update_data(project, council_b, "Beta done", **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    update.refresh_from_db()
    assert update.title == "Beta started" and update.has_unpublished_changes
    assert update.latest_revision.as_object().title == "Beta done"

    response = client.post(reverse(f"{URLS}:unpublish", args=[update.pk]))
    assert response["Location"] == DENIED
    update.refresh_from_db()
    assert update.live
    assert "Beta started" in public_timeline(client, project)
    assert "Beta done" not in public_timeline(client, project)

    client.force_login(people["organiser"])
    response = client.post(reverse(f"{URLS}:unpublish", args=[update.pk]))
    assert response.status_code == 302
    assert "Beta started" not in public_timeline(client, project)


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


def test_each_council_edits_only_its_own_updates(client, people, project, council_a, council_b):
    lead_update = ProgressUpdateFactory(project=project, council=council_a, title="Lead news")
    partner_update = ProgressUpdateFactory(project=project, council=council_b, title="Partner news")
    client.force_login(people["practitioner_b"])

    listing = client.get(reverse(f"{URLS}:list"))
    assert "Partner news" in listing.text
    assert "Lead news" not in listing.text

    response = client.post(
        reverse(f"{URLS}:edit", args=[lead_update.pk]),
        update_data(project, council_b, title="Hijacked"),
    )
    assert response["Location"] == DENIED
    lead_update.refresh_from_db()
    assert lead_update.title == "Lead news"
    assert lead_update.latest_revision is None

    response = client.post(reverse(f"{URLS}:delete", args=[lead_update.pk]))
    assert response["Location"] == DENIED
    assert ProgressUpdate.objects.filter(pk=lead_update.pk).exists()

    response = client.post(
        reverse(f"{URLS}:edit", args=[partner_update.pk]),
        update_data(project, council_b, title="Beta started"),
    )
    assert response.status_code == 302
    partner_update.refresh_from_db()
    assert partner_update.latest_revision.as_object().title == "Beta started"


def test_partner_is_refused_every_route_on_the_lead_councils_update(
    client, people, project, council_a
):
    """Revisions, history, workflow and publishing routes the mixins add, not only edit."""
    client.force_login(people["practitioner_a"])
    update = submit_new(client, project, council_a, title="Lead news")
    revision = update.latest_revision
    task_state = update.current_workflow_task_state
    workflow_state = update.current_workflow_state
    pk = update.pk
    routes = [
        ("edit", [pk]),
        ("delete", [pk]),
        ("usage", [pk]),
        ("history", [pk]),
        ("history_results", [pk]),
        ("unpublish", [pk]),
        ("lock", [pk]),
        ("unlock", [pk]),
        ("revisions_revert", [pk, revision.pk]),
        ("revisions_unschedule", [pk, revision.pk]),
        ("revisions_compare", [pk, "earliest", "latest"]),
        ("workflow_action", [pk, "approve", task_state.pk]),
        ("collect_workflow_action_data", [pk, "approve", task_state.pk]),
        ("confirm_workflow_cancellation", [pk]),
        ("workflow_history", [pk]),
        ("workflow_history_detail", [pk, workflow_state.pk]),
    ]

    client.force_login(people["practitioner_b"])
    for name, args in routes:
        url = reverse(f"{URLS}:{name}", args=args)
        for method in (client.get, client.post):
            response = method(url, {"comment": "", "title": "Hijacked"})
            assert response.status_code == 302 and response["Location"] == DENIED, (name, method)
    update.refresh_from_db()
    assert update.title == "Lead news" and not update.live and not update.locked
    assert update.workflow_in_progress and update.latest_revision_id == revision.pk

    # The lead council's practitioner may look at their own update's history.
    client.force_login(people["practitioner_a"])
    assert client.get(reverse(f"{URLS}:history", args=[pk])).status_code == 200
    assert client.get(reverse(f"{URLS}:workflow_history", args=[pk])).status_code == 200


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
