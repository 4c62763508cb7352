"""On the demo content, a flagship case study whose title and theme match the words ranks near
the top: Bristol's "Buying homes to take families out of bed and breakfast" (theme Housing)
for "housing", once 12th of 14. Field boosts come from the models' search_fields."""

from io import StringIO

import pytest

from demo.loader import (
    load_demo_data,
    step_case_studies,
    step_councils_and_site,
    step_lessons,
    step_projects,
)
from search import ranking
from tests.shared_data import build_once

FLAGSHIP = "Buying homes to take families out of bed and breakfast"


def build():
    load_demo_data(
        StringIO().write,
        steps=[step_councils_and_site, step_case_studies, step_projects, step_lessons],
    )
    return {}


@pytest.fixture(scope="module")
def _demo(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build)


pytestmark = [pytest.mark.usefixtures("_demo"), pytest.mark.django_db, pytest.mark.demo_content]


def test_boosts_are_the_declared_ones():
    assert ranking.boosts() == {"title": 2.0, "summary": 2.0, "themes": 2.0}


@pytest.mark.xfail(
    strict=True,
    reason="7th since the Snowball stemmer reads 'housing' and 'houses' alike (issue 12, open)",
)
def test_the_flagship_case_study_ranks_near_the_top_for_its_theme(client):
    response = client.get("/search/", {"q": "housing"})
    outcome = response.context["outcome"]
    titles = [page.title for page in outcome.page.object_list]
    assert FLAGSHIP in titles[:5], titles
