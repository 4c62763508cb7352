"""Three councils' work in every state, and a person in each role, built once per module.

Council A is Avonford, B Barchester, C Cranford. Each has a draft, a page in review, a live
page and a stale live page, each titled with the council's name. Practitioner A writes for
Avonford, practitioner AB for Avonford and Barchester; the organiser and the reader belong to
no council's work (the reader is a member of Avonford, which alone grants nothing).
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest

from accounts.models import AccessRequest
from accounts.roles import make_organiser, make_practitioner, setup_roles
from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from casestudies.models import LearningPage
from collaboration.models import HelpOffer, HelpRequest, JoinRequest, Reuse
from councils.factories import CouncilFactory
from councils.models import CouncilMembership
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy

PASSWORD = "correct-horse-battery"  # noqa: S105
NAMES = {"a": "Avonford", "b": "Barchester", "c": "Cranford"}
STATES = ["draft", "in review", "live", "stale"]


def title(key, state):
    return f"{NAMES[key]} {state} work"


def make_user(username, **extra):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.gov.uk", password=PASSWORD, **extra
    )


def make_pages(council, key, workflow, author):
    pages = {
        "draft": CaseStudyPageFactory(council=council, title=title(key, "draft"), draft=True),
        "in review": LessonPageFactory(council=council, title=title(key, "in review"), draft=True),
        "live": LessonPageFactory(council=council, title=title(key, "live")),
        "stale": ProjectPageFactory(council=council, title=title(key, "stale")),
    }
    workflow.start(pages["in review"], author)
    long_ago = timezone.now() - datetime.timedelta(days=800)
    LearningPage.objects.filter(pk=pages["stale"].pk).update(
        last_published_at=long_ago, first_published_at=long_ago, last_reviewed=None
    )
    return pages


def _build():
    ensure_site_structure()
    roles = setup_roles()
    councils = {
        key: CouncilFactory(short_name=name, slug=name.lower()) for key, name in NAMES.items()
    }
    practitioner_a = make_user("practitioner_a", first_name="Ada")
    make_practitioner(practitioner_a, [councils["a"]])
    practitioner_ab = make_user("practitioner_ab", first_name="Abe")
    make_practitioner(practitioner_ab, [councils["a"], councils["b"]])
    practitioner_c = make_user("practitioner_c", first_name="Cy")
    make_practitioner(practitioner_c, [councils["c"]])
    organiser = make_user("organiser", first_name="Olu")
    make_organiser(organiser)
    reader = make_user("reader", first_name="Rae")
    CouncilMembership.objects.create(user=reader, council=councils["a"])
    admin = get_user_model().objects.create_superuser(
        username="admin", email="admin@example.gov.uk", password=PASSWORD
    )
    authors = {"a": practitioner_a, "b": practitioner_ab, "c": practitioner_c}
    pages = {key: make_pages(councils[key], key, roles["workflow"], authors[key]) for key in NAMES}

    for key, topic in (("a", "school transport"), ("b", "parking permits")):
        asked = HelpRequest.objects.create(
            council=councils[key], person=authors[key], title=f"{NAMES[key]} asks about {topic}"
        )
        HelpOffer.objects.create(
            help_request=asked,
            council=councils["c"],
            person=practitioner_c,
            message="We did this last year.",
        )
    HelpRequest.objects.create(
        council=councils["c"], person=practitioner_c, title="Cranford asks about library bookings"
    )
    Reuse.objects.create(
        council=councils["c"],
        page=pages["a"]["live"],
        person=practitioner_c,
        output="Avonford's reused output",
    )
    Reuse.objects.create(
        council=councils["b"],
        page=pages["c"]["live"],
        person=practitioner_ab,
        output="Cranford's output Barchester reused",
    )
    JoinRequest.objects.create(
        council=councils["c"],
        project=pages["b"]["stale"],
        person=practitioner_c,
        message="We can bring our data.",
    )
    AccessRequest.objects.create(
        name="Dora Applicant",
        email="dora@example.gov.uk",
        council=councils["a"],
        reason="I write our case studies.",
    )
    people = {
        "practitioner_a": practitioner_a,
        "practitioner_ab": practitioner_ab,
        "practitioner_c": practitioner_c,
        "organiser": organiser,
        "reader": reader,
        "admin": admin,
        "anonymous": None,
    }
    return {"roles": roles, "councils": councils, "people": people, "pages": pages}


@pytest.fixture(scope="module")
def _dashboard_data(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, _build)


@pytest.fixture
def data(_dashboard_data, db):
    return fresh_copy(_dashboard_data)
