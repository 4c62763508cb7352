"""Model fields that several apps declare alike."""

from django.conf import settings
from django.db import models


def person_field(**options):
    """The person a record names (who did it, or whose account it made): optional, and set
    blank when their account is deleted, so the record stays. No reverse accessor unless
    related_name is given."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        **{"related_name": "+", **options},
    )
