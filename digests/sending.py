"""Who is due a digest, claiming their window so it is sent once, and sending it."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone

from core import emails
from core.dates import add_months
from councils.models import CouncilMembership
from following.models import Follow

from . import content, unsubscribe
from .models import Digest, DigestPreference, Frequency

# A run from cron starts a little later each time than the last; without this slack a digest
# sent at 07:00:05 would not be due again until the day after 07:00:00 seven days later.
GRACE = dt.timedelta(hours=1)
ADJECTIVES = {Frequency.WEEKLY: "weekly", Frequency.MONTHLY: "monthly"}


def next_due(start, frequency):
    if frequency == Frequency.WEEKLY:
        return start + dt.timedelta(days=7)
    return add_months(timezone.localtime(start), 1)


def window_start(preference):
    """The end of the person's last digest, or when they chose to get digests if later."""
    last = (
        Digest.objects.filter(person_id=preference.person_id)
        .order_by("-ends_at")
        .values_list("ends_at", flat=True)
        .first()
    )
    return max(last, preference.since) if last else preference.since


def ensure_preferences(now=None):
    """Give everyone who follows something or writes for a council a preference (the default,
    weekly) starting now, so their first digest holds only what is new from today."""
    people = (
        get_user_model()
        .objects.filter(is_active=True, digest_preference__isnull=True)
        .filter(
            Exists(Follow.objects.filter(person=OuterRef("pk")))
            | Exists(CouncilMembership.objects.filter(user=OuterRef("pk")))
        )
    )
    created = [DigestPreference(person=person, since=now or timezone.now()) for person in people]
    DigestPreference.objects.bulk_create(created, ignore_conflicts=True)
    return len(created)


def subscribed():
    return (
        DigestPreference.objects.exclude(frequency=Frequency.NONE)
        .filter(person__is_active=True)
        .exclude(Q(person__email="") | Q(person__email=None))
        .select_related("person")
        .order_by("pk")
    )


def due(preference, now):
    """The window's start if the person is due a digest at `now`, else None."""
    start = window_start(preference)
    return start if next_due(start, preference.frequency) <= now + GRACE else None


def claim(preference, start, now):
    """Create the person's digest for [start, now], or None if another run already has."""
    try:
        with transaction.atomic():
            return Digest.objects.create(
                person=preference.person,
                frequency=preference.frequency,
                starts_at=start,
                ends_at=now,
            )
    except IntegrityError:
        return None


def send(preference, now=None):
    """Send the person's digest if due. Returns the Digest (its outcome says whether an email
    went), or None if they were not due or another run claimed the window. A window with
    nothing new is recorded too, so the next digest starts where it ended."""
    now = now or timezone.now()
    start = due(preference, now)
    if start is None:
        return None
    digest = claim(preference, start, now)
    if digest is None:
        return None
    try:
        found = content.build(preference.person, start, now)
        if found:
            _email(preference, digest, found)
            digest.outcome, digest.sent_at = Digest.Outcome.SENT, timezone.now()
        else:
            digest.outcome = Digest.Outcome.NOTHING_NEW
        digest.item_count = found.item_count
        digest.save(update_fields=["outcome", "sent_at", "item_count"])
    except Exception:
        # Give the window back, so the next run tries this person again.
        digest.delete()
        raise
    return digest


def _email(preference, digest, found):
    person = preference.person
    adjective = ADJECTIVES[preference.frequency]
    count = found.item_count
    subject = (
        f"Your {adjective} digest from Shared Endeavour: "
        f"{count} new {'item' if count == 1 else 'items'}"
    )
    context = {
        "person": person,
        "adjective": adjective,
        "sections": found.sections,
        "activity": found.activity,
        "activity_heading": (
            "On your councils’ pages"
            if len({entry.council.pk for entry in found.activity}) > 1
            else "On your council’s pages"
        ),
        "starts_at": digest.starts_at,
        "ends_at": digest.ends_at,
        "settings_url": emails.absolute_url(reverse("digests:settings")),
        "unsubscribe_url": unsubscribe.link_for(person, unsubscribe.Stream.DIGEST),
    }
    emails.send(
        "digests/email/digest",
        subject,
        context,
        [person.email],
        headers=unsubscribe.headers_for(person, unsubscribe.Stream.DIGEST),
    )
