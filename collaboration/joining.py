"""Asking to join a project: a council asks, the lead council accepts or declines, and an
accepted council is a partner at once.

The views (views_joining.py) and the admin (admin_joining.py) call only these functions, so
each rule lives here once.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime

from wagtail.log_actions import log

from casestudies.models import ProjectPage
from casestudies.permissions import acts_for_any_council, member_council_ids

from . import emails
from .acting import councils_acting_for
from .models import JoinRequest

ACCEPT_ACTION = "collaboration.join_request.accept"
DECLINE_ACTION = "collaboration.join_request.decline"
WITHDRAW_ACTION = "collaboration.join_request.withdraw"


class CannotAsk(Exception):
    """Why a council cannot ask to join a project, in words to show the person asking."""


def projects_open_to_requests():
    return ProjectPage.objects.live().public()


def open_request(project, council):
    return JoinRequest.objects.filter(
        project=project, council=council, status=JoinRequest.Status.OPEN
    ).first()


def reason_cannot_ask(project, council):
    """None when council may ask to join project, else the reason in the asker's words."""
    if council.pk == project.council_id:
        return f"{council.short_name} leads this project already."
    if council.pk in project.partner_council_ids():
        return f"{council.short_name} is a partner on this project already."
    existing = open_request(project, council)
    if existing is not None:
        asked_on = date_format(localtime(existing.created_at), "j F Y")
        return (
            f"{council.short_name} asked to join this project on {asked_on}. You can ask "
            "again once the lead council has decided, or withdraw that request."
        )
    return None


def councils_that_may_ask(user, project):
    """The user's councils that are not on the project and have no open request for it."""
    councils = (
        councils_acting_for(user)
        .exclude(pk=project.council_id)
        .exclude(pk__in=project.partner_council_ids())
    )
    return councils.exclude(
        pk__in=JoinRequest.objects.filter(project=project, status=JoinRequest.Status.OPEN).values(
            "council_id"
        )
    )


def may_decide(user, join_request):
    """The lead council's practitioners, organisers and superusers decide."""
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        user.is_superuser
        or acts_for_any_council(user)
        or join_request.project.council_id in member_council_ids(user)
    )


def visible_to_deciders(user):
    """The requests user may see in the admin: for their councils' projects, or all."""
    requests = JoinRequest.objects.select_related("project", "council")
    if user.is_superuser or acts_for_any_council(user):
        return requests
    return requests.filter(project__council_id__in=member_council_ids(user))


def open_for_users_councils(user):
    """Open requests to join the projects the user's councils lead, oldest first."""
    return (
        JoinRequest.objects.filter(
            status=JoinRequest.Status.OPEN, project__council_id__in=member_council_ids(user)
        )
        .select_related("project", "council")
        .order_by("created_at")
    )


def may_withdraw(user, join_request):
    return join_request.council_id in member_council_ids(user)


def decision_path(join_request):
    return reverse("wagtailsnippets_collaboration_joinrequest:edit", args=[join_request.pk])


def request_path(join_request):
    return reverse("collaboration:join_request", args=[join_request.pk])


def _lead_recipients(project):
    return project.council.practitioner_emails() or emails.page_contacts(project)


def _requester_recipients(join_request):
    if join_request.person and join_request.person.email:
        return [join_request.person.email]
    return join_request.council.practitioner_emails()


def ask(project, council, person, message):
    """Record council's request to join project and tell the lead council."""
    if council not in councils_acting_for(person):
        raise PermissionDenied("You can only ask for a council you belong to.")
    reason = reason_cannot_ask(project, council)
    if reason:
        raise CannotAsk(reason)
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                project=project, council=council, person=person, message=message
            )
    except IntegrityError:
        raise CannotAsk(
            reason_cannot_ask(project, council)
            or f"{council.short_name} has asked to join this project already."
        ) from None
    log(join_request, "wagtail.create", user=person)
    emails.send(
        "join_received",
        f"{council.short_name} asks to join {project.title}",
        {
            "join_request": join_request,
            "project": project,
            "council": council,
            "decision_url": emails.absolute_url(decision_path(join_request)),
            "project_url": emails.absolute_url(project.url or ""),
        },
        _lead_recipients(project),
    )
    return join_request


def withdraw(join_request, person):
    if not may_withdraw(person, join_request):
        raise PermissionDenied
    updated = JoinRequest.objects.filter(pk=join_request.pk, status=JoinRequest.Status.OPEN).update(
        status=JoinRequest.Status.WITHDRAWN, updated_at=timezone.now()
    )
    if not updated:
        raise CannotAsk("This request is no longer open: the lead council has decided.")
    join_request.refresh_from_db()
    log(join_request, WITHDRAW_ACTION, user=person)
    project = join_request.project
    emails.send(
        "join_withdrawn",
        f"{join_request.council.short_name} withdrew its request to join {project.title}",
        {
            "join_request": join_request,
            "project": project,
            "council": join_request.council,
            "project_url": emails.absolute_url(project.url or ""),
        },
        _lead_recipients(project),
    )
    return join_request


def _decide(join_request, user, reply, status):
    if not may_decide(user, join_request):
        raise PermissionDenied
    updated = JoinRequest.objects.filter(pk=join_request.pk, status=JoinRequest.Status.OPEN).update(
        status=status,
        reply=reply,
        decided_by=user,
        decided_at=timezone.now(),
        updated_at=timezone.now(),
    )
    if not updated:
        raise CannotAsk("This request is no longer open: it was withdrawn or decided already.")
    join_request.refresh_from_db()


def _tell_requester(join_request, template, subject):
    project = join_request.project
    emails.send(
        template,
        subject,
        {
            "join_request": join_request,
            "project": project,
            "council": join_request.council,
            "project_url": emails.absolute_url(project.url or ""),
            "request_url": emails.absolute_url(request_path(join_request)),
        },
        _requester_recipients(join_request),
    )


@transaction.atomic
def accept(join_request, user, reply=""):
    """Accept: the council is a partner on the live project (and on any pending draft)."""
    _decide(join_request, user, reply, JoinRequest.Status.ACCEPTED)
    add_partner(join_request.project, join_request.council, user)
    log(join_request, ACCEPT_ACTION, user=user)
    _tell_requester(
        join_request,
        "join_accepted",
        f"{join_request.council.short_name} is now a partner on {join_request.project.title}",
    )
    return join_request


@transaction.atomic
def decline(join_request, user, reply=""):
    _decide(join_request, user, reply, JoinRequest.Status.DECLINED)
    log(join_request, DECLINE_ACTION, user=user)
    _tell_requester(
        join_request, "join_declined", f"Your request to join {join_request.project.title}"
    )
    return join_request


def add_partner(project, council, user):
    """Make council a partner on the live page and publish that change, keeping any
    unpublished draft: the draft becomes the latest revision again, with the partner too."""
    live = ProjectPage.objects.select_for_update().get(pk=project.pk)
    draft = live.get_latest_revision_as_object() if live.has_unpublished_changes else None
    if council.pk not in live.partner_council_ids():
        live.add_partner(council)
        live.save_revision(user=user, clean=False, log_action=True).publish(
            user=user, skip_permission_checks=True
        )
    if draft is not None:
        draft.add_partner(council)
        live.refresh_from_db()
        # The draft's copy of these fields predates the publish above.
        draft.live_revision = live.live_revision
        draft.last_published_at = live.last_published_at
        draft.latest_revision = live.latest_revision
        draft.save_revision(user=user, clean=False, log_action=True)
