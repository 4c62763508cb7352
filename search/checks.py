"""`manage.py check` warns about background work that failed and has not been repaired."""

from django.core.checks import Tags, Warning, register
from django.db import DatabaseError, connection

from .models import BackgroundFailure

SHOWN = 10


@register(Tags.database)
def background_failures(app_configs=None, databases=None, **kwargs):
    """Unlike Django's own database checks this runs on a plain `manage.py check` too: a
    failure nobody is shown is the problem it exists to solve."""
    try:
        if BackgroundFailure._meta.db_table not in connection.introspection.table_names():
            return []  # not migrated yet
        count = BackgroundFailure.objects.count()
        failures = list(BackgroundFailure.objects.all()[:SHOWN])
    except DatabaseError as error:
        return [
            Warning(
                f"Could not read the record of failed background work: {error}", id="search.W002"
            )
        ]
    warnings = [
        Warning(
            f"{failure}: {failure.error} ({failure.failed_at:%Y-%m-%d %H:%M %Z}).",
            hint=f"Run {failure.repair} to repair it.",
            id="search.W001",
        )
        for failure in failures
    ]
    if count > SHOWN:
        warnings.append(
            Warning(f"Background work failed for {count - SHOWN} more pages.", id="search.W001")
        )
    return warnings
