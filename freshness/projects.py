"""Projects that may be out of date: not retired, and no progress update published (or
dated) since the staleness cutoff of `core.freshness`, counted from the project's first
publication when it has none."""

from django.db.models import Max
from django.utils import timezone

from casestudies.choices import Phase
from core.freshness import cutoff

FINISHED_PHASES = {Phase.RETIRED}


def _date(moment):
    return moment and timezone.localtime(moment).date()


def last_update(project):
    """When the latest published progress update was dated or published, whichever is later."""
    latest = project.progress_updates.filter(live=True).aggregate(
        dated=Max("date"), published=Max("last_published_at")
    )
    dates = [date for date in (latest["dated"], _date(latest["published"])) if date]
    return max(dates) if dates else None


def may_be_out_of_date(project, today=None):
    if project.phase in FINISHED_PHASES or not project.live:
        return False
    latest = last_update(project) or _date(project.first_published_at)
    return latest is None or latest < cutoff(today=today)
