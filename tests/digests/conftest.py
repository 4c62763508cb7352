import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest

from accounts.roles import make_practitioner, setup_roles
from digests.models import DigestPreference, Frequency
from home.site_structure import ensure_site_structure

PASSWORD = "correct-horse-battery"  # noqa: S105


def make_person(username, councils=(), frequency=Frequency.WEEKLY, days_ago=8):
    """A person whose digests started `days_ago` days ago."""
    person = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.gov.uk",
        password=PASSWORD,
        first_name=username.title(),
    )
    if councils:
        make_practitioner(person, councils)
    DigestPreference.objects.update_or_create(
        person=person,
        defaults={"frequency": frequency, "since": timezone.now() - dt.timedelta(days=days_ago)},
    )
    return person


def backdate(page, when):
    """Make a published page look as if it was published at `when`."""
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=when, last_published_at=when, latest_revision_created_at=when
    )


@pytest.fixture
def site(db):
    ensure_site_structure()
    setup_roles()
