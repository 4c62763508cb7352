"""The "Organiser review" workflow end to end, through the admin: submit, notify, reject with a
comment, resubmit, approve; then the page is published, visible, and the history says who did
what."""

from django.core import mail
from django.urls import reverse

from wagtail.models import PageLogEntry, WorkflowState

import pytest

from accounts.roles import ORGANISERS, WORKFLOW_NAME

from .conftest import case_study
from .helpers import case_study_form_data

pytestmark = pytest.mark.usefixtures("_permission_data")  # built once per module (conftest)


def submit(client, page, **changes):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        case_study_form_data(page, **changes, **{"action-submit": "Submit to Organiser review"}),
    )


def workflow_action(client, page, action, comment=""):
    task_state = page.current_workflow_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]),
        {"comment": comment},
    )


def test_submit_reject_resubmit_approve(client, people, council_a, case_study_index):
    author, organiser = people["practitioner_a"], people["organiser"]
    page = case_study(council_a, title="Route optimisation for bin lorries")
    public_url = page.url
    assert client.get(public_url).status_code == 404  # a draft is not public

    # The practitioner submits; every organiser is told by email.
    client.force_login(author)
    response = submit(client, page)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow.name == WORKFLOW_NAME
    assert not page.live
    to_organisers = [m for m in mail.outbox if organiser.email in m.to]
    assert to_organisers, [m.to for m in mail.outbox]
    assert "Route optimisation for bin lorries" in to_organisers[0].body

    # The practitioner cannot approve their own submission.
    response = workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress

    # The organiser asks for changes with a comment; the author is told, with the comment.
    mail.outbox.clear()
    client.force_login(organiser)
    response = workflow_action(client, page, "reject", "Please add the cost.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    to_author = [m for m in mail.outbox if author.email in m.to]
    assert to_author, [m.to for m in mail.outbox]
    assert "Please add the cost." in to_author[0].body
    assert not page.live

    # The author edits and resubmits; organisers are told again.
    mail.outbox.clear()
    client.force_login(author)
    response = submit(client, page, cost_detail="£12,000 of staff time.")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert any(organiser.email in m.to for m in mail.outbox)

    # The organiser approves: the page is published and public.
    client.force_login(organiser)
    response = workflow_action(client, page, "approve", "Good to go.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.specific.cost_detail == "£12,000 of staff time."
    client.logout()
    assert client.get(page.url).status_code == 200

    # The history records who submitted, rejected, resubmitted, approved and published.
    entries = {(entry.action, entry.user_id) for entry in PageLogEntry.objects.filter(page=page)}
    assert ("wagtail.workflow.start", author.pk) in entries
    assert ("wagtail.workflow.reject", organiser.pk) in entries
    assert ("wagtail.workflow.resume", author.pk) in entries
    assert ("wagtail.workflow.approve", organiser.pk) in entries
    assert ("wagtail.publish", organiser.pk) in entries

    # And the organiser sees it on the page's history screen.
    client.force_login(organiser)
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert history.status_code == 200
    assert "Olu" in history.text or organiser.username in history.text


def test_practitioner_of_another_council_cannot_act_in_review(
    client, people, council_a, case_study_index
):
    page = case_study(council_a)
    client.force_login(people["practitioner_a"])
    submit(client, page)
    page.refresh_from_db()

    client.force_login(people["practitioner_b"])
    response = workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress
    assert response.status_code in (302, 403)


def test_organisers_group_is_the_review_task_group(roles):
    workflow = roles["workflow"]
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [ORGANISERS]


def test_dashboards(client, people, council_a, council_b, case_study_index):
    """Organisers find submissions waiting for them on the dashboard; practitioners see only
    their own council's work there."""
    own = case_study(council_a, title="Avonford waiting for review")
    other = case_study(council_b, title="Barchester waiting for review")
    client.force_login(people["practitioner_a"])
    submit(client, own)
    client.force_login(people["practitioner_b"])
    submit(client, other)

    client.force_login(people["organiser"])
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert own.title in dashboard.text and other.title in dashboard.text

    client.force_login(people["practitioner_a"])
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert other.title not in dashboard.text
