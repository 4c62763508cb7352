"""People in each role, and pages for two councils, with the standard roles set up.

Built once per test module (tests/shared_data.py): every test module here applies
`_permission_data` to all its tests, so each sees the same rows whether it asks or not.
"""

from django.contrib.auth import get_user_model

import pytest

from accounts.roles import make_organiser, make_practitioner, setup_roles
from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from councils.factories import CouncilFactory
from councils.models import CouncilMembership
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy

PASSWORD = "correct-horse-battery"  # noqa: S105


def make_user(username, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.gov.uk", password=PASSWORD, **extra
    )
    return user


def _build():
    """The site structure, the standard roles, councils A and B, a person in each role and the
    case study index: everything these tests share, built once per test module."""
    ensure_site_structure()
    roles = setup_roles()
    council_a = CouncilFactory(short_name="Avonford")
    council_b = CouncilFactory(short_name="Barchester")
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
    people = {
        "practitioner_a": practitioner_a,
        "practitioner_b": practitioner_b,
        "organiser": organiser,
        "reader": reader,
        "admin": admin,
        "anonymous": None,
    }
    return {
        "roles": roles,
        "council_a": council_a,
        "council_b": council_b,
        "people": people,
        "case_study_index": CaseStudyIndexPageFactory(),
    }


@pytest.fixture(scope="module")
def _permission_data(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, _build)


@pytest.fixture
def _shared(_permission_data, db):
    """This test's copy of the shared objects (its changes to them are rolled back)."""
    return fresh_copy(_permission_data)


@pytest.fixture
def roles(_shared):
    return _shared["roles"]


@pytest.fixture
def council_a(_shared):
    return _shared["council_a"]


@pytest.fixture
def council_b(_shared):
    return _shared["council_b"]


@pytest.fixture
def people(_shared):
    """Practitioners of A and of B, an organiser and a reader (both members of A, to show
    that membership alone grants nothing), an administrator."""
    return _shared["people"]


@pytest.fixture
def case_study_index(_shared):
    return _shared["case_study_index"]


def case_study(council, *, live=False, title=None):
    kwargs = {"council": council, "draft": not live}
    if title:
        kwargs["title"] = title
    return CaseStudyPageFactory(**kwargs)
