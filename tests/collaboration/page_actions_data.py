"""Councils, people and pages for the tests of “we face this too” and “we reused this”."""

from django.contrib.auth import get_user_model

import pytest

from accounts.roles import make_practitioner, setup_roles
from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy


def person(username, councils):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.gov.uk",
        password="not-used-here-1",
        first_name=username.capitalize(),
    )
    if councils is not None:
        make_practitioner(user, councils)
    return user


def build():
    ensure_site_structure()
    setup_roles()
    owner = CouncilFactory(short_name="Wychavon")
    bristol = CouncilFactory(short_name="Bristol")
    leeds = CouncilFactory(short_name="Leeds")
    return {
        "owner": owner,
        "bristol": bristol,
        "leeds": leeds,
        "ana": person("ana", [bristol]),
        "ben": person("ben", [bristol, leeds]),
        "cat": person("cat", [leeds]),
        "olu": person("olu", [owner]),
        "ola": person("ola", [owner, leeds]),
        "nobody": person("nobody", None),
        "case_study": CaseStudyPageFactory(
            council=owner,
            title="Fewer missed bins",
            contact_email="bins.lead@wychavon.example.gov.uk",
            outputs__0__output__title="Bin day finder",
            outputs__1__output__title="Crew round app",
        ),
        "project": ProjectPageFactory(
            council=owner,
            title="Shared housing register",
            contact_email="housing.lead@wychavon.example.gov.uk",
        ),
        "lesson": LessonPageFactory(council=owner, title="Start with the data"),
        "draft": CaseStudyPageFactory(council=owner, title="Not yet", draft=True),
    }


@pytest.fixture(scope="module")
def _built(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build)


@pytest.fixture(name="data")
def data_fixture(_built, db):
    """The data built once."""
    return fresh_copy(_built)
