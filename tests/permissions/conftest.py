"""People in each role, and pages for two councils, with the standard roles set up."""

from django.contrib.auth import get_user_model

import pytest

from accounts.roles import make_organiser, make_practitioner, setup_roles
from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from councils.factories import CouncilFactory
from councils.models import CouncilMembership

PASSWORD = "correct-horse-battery"  # noqa: S105


def make_user(username, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.gov.uk", password=PASSWORD, **extra
    )
    return user


@pytest.fixture
def roles(site_structure):
    return setup_roles()


@pytest.fixture
def council_a(db):
    return CouncilFactory(short_name="Avonford")


@pytest.fixture
def council_b(db):
    return CouncilFactory(short_name="Barchester")


@pytest.fixture
def people(roles, council_a, council_b):
    """Practitioners of A and of B, an organiser and a reader (both members of A, to show
    that membership alone grants nothing), an administrator."""
    practitioner_a = make_user("practitioner_a", first_name="Ada")
    make_practitioner(practitioner_a, [council_a])
    practitioner_b = make_user("practitioner_b", first_name="Ben")
    make_practitioner(practitioner_b, [council_b])
    organiser = make_user("organiser", first_name="Olu")
    make_organiser(organiser)
    CouncilMembership.objects.create(user=organiser, council=council_a)
    reader = make_user("reader", first_name="Rae")
    CouncilMembership.objects.create(user=reader, council=council_a)
    admin = get_user_model().objects.create_superuser(
        username="admin", email="admin@example.gov.uk", password=PASSWORD
    )
    return {
        "practitioner_a": practitioner_a, "practitioner_b": practitioner_b,
        "organiser": organiser, "reader": reader, "admin": admin, "anonymous": None,
    }


@pytest.fixture
def case_study_index(site_structure):
    return CaseStudyIndexPageFactory()


def case_study(council, *, live=False, title=None):
    kwargs = {"council": council, "draft": not live}
    if title:
        kwargs["title"] = title
    return CaseStudyPageFactory(**kwargs)
