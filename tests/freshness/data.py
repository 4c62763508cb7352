"""Two councils, their people, and pages of every kind, some stale, for the freshness tests."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest

from accounts.roles import make_organiser, make_practitioner, setup_roles
from casestudies.factories import (
    CaseStudyPageFactory,
    LessonPageFactory,
    ProgressUpdateFactory,
    ProjectPageFactory,
)
from casestudies.models import LearningPage, Theme
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy

LONG_AGO = timezone.make_aware(dt.datetime(2023, 3, 1, 10, 0))


def person(username, councils=None, organiser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.gov.uk",
        password="not-used-here-1",
        first_name=username.capitalize(),
    )
    if councils is not None:
        make_practitioner(user, councils)
    if organiser:
        make_organiser(user)
    return user


def age(page, published=LONG_AGO, reviewed=None):
    """Make a page look as if it was published (and reviewed) long ago."""
    LearningPage.objects.filter(pk=page.pk).update(
        last_published_at=published, first_published_at=published, last_reviewed=reviewed
    )
    page.refresh_from_db()
    return page


def months_ago(months, today=None):
    today = today or timezone.localdate()
    return today - dt.timedelta(days=round(months * 30.5))


def build():
    ensure_site_structure()
    setup_roles()
    owner = CouncilFactory(short_name="Wychavon")
    other = CouncilFactory(short_name="Leeds")
    waste, housing = Theme.objects.get(slug="waste"), Theme.objects.exclude(slug="waste").first()
    data = {
        "owner": owner,
        "other": other,
        "waste": waste,
        "housing": housing,
        "olu": person("olu", [owner]),
        "oli": person("oli", [owner]),
        "cat": person("cat", [other]),
        "org": person("org", organiser=True),
        "nobody": person("nobody"),
    }
    data["stale_case_study"] = age(
        CaseStudyPageFactory(
            council=owner,
            title="Fewer missed bins",
            themes=[waste],
            contact_email="bins.lead@wychavon.example.gov.uk",
        ),
        reviewed=months_ago(8),
    )
    data["never_reviewed_lesson"] = age(
        LessonPageFactory(council=owner, title="Start with the data", themes=[waste, housing])
    )
    data["old_lesson"] = age(
        LessonPageFactory(council=other, title="Ask residents first", themes=[housing]),
        reviewed=months_ago(30),
    )
    data["year_old_case_study"] = age(
        CaseStudyPageFactory(council=other, title="One register", themes=[housing]),
        reviewed=months_ago(18),
    )
    data["fresh_case_study"] = CaseStudyPageFactory(
        council=owner, title="New bin rounds", themes=[waste]
    )
    data["reviewed_case_study"] = age(
        CaseStudyPageFactory(council=other, title="Quiet streets"), reviewed=months_ago(1)
    )
    data["stale_draft"] = CaseStudyPageFactory(council=owner, title="Not yet", draft=True)
    data["quiet_project"] = age(
        ProjectPageFactory(council=owner, title="Shared housing register", partner_councils=[other])
    )
    data["busy_project"] = age(ProjectPageFactory(council=owner, title="Joint fleet"))
    ProgressUpdateFactory(project=data["busy_project"], date=months_ago(1), live=True)
    data["retired_project"] = age(
        ProjectPageFactory(council=owner, title="Old pilot", phase="retired")
    )
    data["busy_project"].refresh_from_db()
    return data


@pytest.fixture(scope="module")
def _built(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build)


@pytest.fixture(name="data")
def data_fixture(_built, db):
    return fresh_copy(_built)
