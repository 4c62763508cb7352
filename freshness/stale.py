"""Which published pages are stale, and how long since they were last reviewed or published,
all in the words of `core.freshness`."""

from django.db.models import Q

from casestudies.models import LearningPage
from core.freshness import stale_after_months, stale_q


def stale_pages(months=None):
    """Live case studies, lessons and projects neither reviewed nor published since the cutoff."""
    return LearningPage.objects.live().filter(stale_q(months))


def age_choices():
    """(value, label, Q) for the report's age filter; the first band starts at the cutoff."""
    first = stale_after_months()
    bands = []
    if first < 12:
        bands.append(("recent", f"{first} to 12 months", stale_q(first) & ~stale_q(12)))
    if first < 24:
        start = max(first, 12)
        label = "1 to 2 years" if start == 12 else f"{start} months to 2 years"
        bands.append(("year", label, stale_q(start) & ~stale_q(24)))
    bands.append(("old", "Over 2 years", stale_q(max(first, 24))))
    bands.append(("never", "Never reviewed", Q(last_reviewed__isnull=True)))
    return bands
