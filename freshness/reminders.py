"""Reminders to each council about its stale pages: one email per council, listing each page
once per period (a page reminded about in the last `months` months is left out)."""

import datetime as dt
import logging
from itertools import groupby

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import emails
from core.freshness import cutoff, stale_after_months

from .models import StaleReminder
from .stale import stale_pages

logger = logging.getLogger(__name__)


def period_start(months):
    return timezone.make_aware(dt.datetime.combine(cutoff(months), dt.time.min))


def pages_due(months):
    """Stale live pages, by council, not reminded about since the period began."""
    reminded = StaleReminder.objects.filter(sent_at__gte=period_start(months)).values("page_id")
    return (
        stale_pages(months)
        .exclude(pk__in=reminded)
        .select_related("council", "content_type")
        .order_by("council__short_name", "council_id", "last_reviewed", "title", "pk")
    )


def _entry(page):
    return {
        "page": page,
        "url": page.full_url,
        "review_url": emails.absolute_url(reverse("freshness_mark_reviewed", args=[page.pk])),
        "update_url": emails.absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
    }


def remind_council(council, pages, months):
    """Email the council's practitioners about its pages and record it. Returns emails sent."""
    recipients = council.practitioner_emails()
    if not recipients:
        return 0
    count = len(pages)
    subject = (
        f"{council.short_name}: {count} page{'' if count == 1 else 's'} on Shared "
        f"Endeavour to review"
    )
    context = {"council": council, "entries": [_entry(page) for page in pages], "months": months}
    with transaction.atomic():
        StaleReminder.objects.bulk_create(
            [
                StaleReminder(page=page, council=council, months=months, recipients=len(recipients))
                for page in pages
            ]
        )
        return emails.send("freshness/email/stale_reminder", subject, context, recipients)


def send_reminders(months=None, out=print, err=print):
    """Remind every council with stale pages due a reminder. Returns (emails, pages, failed)."""
    months = stale_after_months() if months is None else months
    sent = reminded = 0
    failed = []
    for council, pages in groupby(pages_due(months), key=lambda page: page.council):
        pages = list(pages)
        try:
            count = remind_council(council, pages, months)
        except Exception:
            logger.exception("Stale content reminder for %s failed", council)
            err(f"FAILED: {council.short_name}: the reminder could not be sent (see the log)")
            failed.append(council)
            continue
        if not count:
            out(f"{council.short_name}: {len(pages)} stale, but nobody writes for it yet")
            continue
        sent += count
        reminded += len(pages)
        out(
            f"{council.short_name}: {len(pages)} page{'' if len(pages) == 1 else 's'}, "
            f"{count} email{'' if count == 1 else 's'}"
        )
    return sent, reminded, failed
