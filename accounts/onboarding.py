"""What happens when someone is invited, accepts, asks to join, or is approved or declined."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from .models import AccessRequest, Invitation, Role
from .permissions import may_invite_to_account
from .roles import ORGANISERS, make_organiser, make_practitioner


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template, subject, context, recipients):
    body = render_to_string(f"accounts/email/{template}.txt", context)
    send_mail(subject, body, None, recipients)


def active_account_exists(email):
    return get_user_model().objects.filter(email__iexact=email, is_active=True).exists()


def prepare_invitation(invitation, invited_by=None):
    """Give the invitation a fresh single-use link (not yet saved). Returns the token."""
    if invited_by is not None and invitation.invited_by_id is None:
        invitation.invited_by = invited_by
    return invitation.issue_token()


def email_invitation(invitation, token):
    link = absolute_url(reverse("accounts:accept_invitation", args=[token]))
    _send(
        "invitation",
        "You are invited to Shared Endeavour",
        {"invitation": invitation, "link": link, "invited_by": invitation.invited_by},
        [invitation.email],
    )
    return link


def send_invitation(invitation, invited_by=None):
    """Issue a fresh link, save the invitation and email the link. Returns the link."""
    token = prepare_invitation(invitation, invited_by)
    invitation.save()
    return email_invitation(invitation, token)


@transaction.atomic
def accept_invitation(invitation, *, first_name, last_name, password):
    """Create (or reactivate) the account, give it its role and council, spend the link."""
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=invitation.email).first()
    if invitation.invited_by is not None and not may_invite_to_account(invitation.invited_by, user):
        raise PermissionDenied("This invitation would reopen an account its sender may not manage.")
    if user is None:
        user = user_model(username=invitation.email.lower(), email=invitation.email.lower())
    user.first_name, user.last_name = first_name, last_name
    user.is_active = True
    user.set_password(password)
    user.save()
    councils = [invitation.council] if invitation.council_id else []
    if invitation.role == Role.PRACTITIONER:
        make_practitioner(user, councils)
    elif invitation.role == Role.ORGANISER:
        make_organiser(user)
        if councils:
            make_practitioner(user, councils)
    invitation.used_at = timezone.now()
    invitation.user = user
    invitation.save(update_fields=["used_at", "user"])
    return user


def organiser_emails():
    return list(
        get_user_model()
        .objects.filter(groups__name=ORGANISERS, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def receive_access_request(access_request):
    """Act on a request to join, not yet saved. Whatever happens here the visitor sees the same
    page, so it never tells anyone whether an address has an account or a request waiting."""
    email = access_request.email
    if active_account_exists(email):
        _send(
            "account_exists",
            "You already have a Shared Endeavour account",
            {
                "sign_in_link": absolute_url(reverse("accounts:sign_in")),
                "reset_link": absolute_url(reverse("wagtailadmin_password_reset")),
            },
            [email],
        )
    elif not AccessRequest.objects.filter(
        email__iexact=email, status=AccessRequest.Status.PENDING
    ).exists():
        access_request.save()
        notify_new_access_request(access_request)


def notify_new_access_request(access_request):
    recipients = organiser_emails()
    if recipients:
        _send(
            "access_request_received",
            f"Request to join: {access_request.name} for {access_request.council}",
            {
                "request": access_request,
                "link": absolute_url(
                    reverse("accounts_accessrequest:edit", args=[access_request.pk])
                ),
            },
            recipients,
        )


@transaction.atomic
def decide_access_request(access_request, decided_by):
    """Carry out the decision saved on the request: approve sends a set-password link."""
    access_request.decided_by = decided_by
    access_request.decided_at = timezone.now()
    access_request.save(update_fields=["decided_by", "decided_at"])
    if access_request.status == AccessRequest.Status.APPROVED:
        first, _, last = access_request.name.partition(" ")
        invitation = Invitation(
            email=access_request.email,
            first_name=first,
            last_name=last,
            role=Role.PRACTITIONER,
            council=access_request.council,
            invited_by=decided_by,
            access_request=access_request,
        )
        send_invitation(invitation)
        return invitation
    _send(
        "access_request_declined",
        "Your request to join Shared Endeavour",
        {"request": access_request},
        [access_request.email],
    )
    return None
