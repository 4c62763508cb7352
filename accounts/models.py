"""Onboarding: invitations with a single-use set-password link, and requests to join."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from core.fields import person_field


class Role(models.TextChoices):
    PRACTITIONER = "practitioner", "Practitioner: writes for their council"
    ORGANISER = "organiser", "Network organiser: reviews and publishes"
    READER = "reader", "Reader: signs in to take part, no editing"


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def invitation_lifetime():
    return timedelta(days=getattr(settings, "ACCOUNTS_INVITATION_DAYS", 7))


class InvitationQuerySet(models.QuerySet):
    def usable(self):
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(models.Model):
    """An invitation to set a password and join as a given role, for a given council.

    Only the SHA-256 hash of the link's token is stored; the token itself is in the email.
    """

    email = models.EmailField()
    first_name = models.CharField(max_length=150, blank=True)
    last_name = models.CharField(max_length=150, blank=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.PRACTITIONER)
    council = models.ForeignKey(
        "councils.Council",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        help_text="Practitioners write for this council. Optional for organisers and readers.",
    )
    invited_by = person_field(editable=False)
    access_request = models.OneToOneField(
        "accounts.AccessRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation",
        editable=False,
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(editable=False)
    used_at = models.DateTimeField(null=True, blank=True, editable=False)
    user = person_field(
        related_name="invitations",
        editable=False,
        help_text="The account created when the invitation was accepted.",
    )

    objects = InvitationQuerySet.as_manager()

    panels = [
        FieldPanel("email"),
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("last_name")], heading="Name"),
        FieldPanel("role"),
        FieldPanel("council"),
    ]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} ({self.get_role_display().split(':')[0]})"

    def issue_token(self):
        """Give the invitation a fresh link, valid for the configured number of days."""
        token = secrets.token_urlsafe(32)
        self.token_hash = hash_token(token)
        self.expires_at = timezone.now() + invitation_lifetime()
        return token

    @classmethod
    def for_token(cls, token):
        return cls.objects.select_related("council").filter(token_hash=hash_token(token)).first()

    @property
    def is_used(self):
        return self.used_at is not None

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()

    @property
    def status(self):
        if self.is_used:
            return "Accepted"
        if self.is_expired:
            return "Expired"
        return "Waiting"


class AccessRequest(models.Model):
    """Someone asking to write for a council. Organisers approve or decline it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"

    name = models.CharField("full name", max_length=200)
    email = models.EmailField("work email address")
    job_title = models.CharField(max_length=200, blank=True)
    council = models.ForeignKey(
        "councils.Council", on_delete=models.CASCADE, related_name="access_requests"
    )
    reason = models.TextField("why you want to join", max_length=2000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    decision_note = models.TextField(
        "note to the requester",
        blank=True,
        help_text="Sent with the decision. Say why when you decline.",
    )
    decided_by = person_field(editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("job_title", read_only=True),
                FieldPanel("council", read_only=True),
                FieldPanel("reason", read_only=True),
            ],
            heading="The request",
        ),
        FieldPanel("status", heading="Decision"),
        FieldPanel("decision_note"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "request to join"
        verbose_name_plural = "requests to join"

    def __str__(self):
        return f"{self.name} <{self.email}> for {self.council}"
