"""When published content is stale: neither reviewed nor published again for
STALE_AFTER_MONTHS months (settings.CONTENT_STALE_MONTHS, 6 by default)."""

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .dates import add_months


def stale_after_months():
    return getattr(settings, "CONTENT_STALE_MONTHS", 6)


def cutoff(months=None, today=None):
    """The first date on which a page reviewed on it is still fresh."""
    months = stale_after_months() if months is None else months
    return add_months(today or timezone.localdate(), -months)


def stale_q(months=None, today=None):
    """Pages (querysets of BasePage subclasses) neither reviewed nor published since cutoff."""
    since = cutoff(months, today)
    starts = timezone.make_aware(dt.datetime.combine(since, dt.time.min))
    return (Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=since)) & (
        Q(last_published_at__isnull=True) | Q(last_published_at__lt=starts)
    )


def is_stale(page, months=None, today=None):
    since = cutoff(months, today)
    reviewed = page.last_reviewed
    published = page.last_published_at and timezone.localtime(page.last_published_at).date()
    return not ((reviewed and reviewed >= since) or (published and published >= since))
