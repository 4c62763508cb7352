"""Search and similarity read the thesaurus on every engine: "B&B" finds the page about
temporary accommodation that never says "B&B" (database and, in CI's Elasticsearch leg, the
engine: tests/search/ is in SEARCH_BACKEND_TESTS).

Three published case studies, built once for the module (tests/shared_data.py) and seen by
every test: temporary accommodation for homeless families (never "B&B" or "bed and breakfast"),
complaints about refuse collection, and library opening hours, which those wordings must not find.
"""

import pytest

from casestudies.factories import CaseStudyPageFactory
from search.similarity import get_similarity_backend
from tests.shared_data import build_once, fresh_copy

pytestmark = pytest.mark.usefixtures("_pages")


def result_titles(response):
    return [item.title for item in response.context["outcome"].page.object_list]


def build():
    housing = CaseStudyPageFactory(
        title="Moving families out of emergency housing",
        summary="A temporary accommodation plan for homeless families.",
        problem="<p>Families stayed for months in temporary accommodation.</p>",
    )
    bins = CaseStudyPageFactory(
        title="Fewer complaints about collections",
        summary="Crews photograph each wheelie bin they cannot empty.",
        problem="<p>Refuse collection complaints rose after the round changes.</p>",
    )
    other = CaseStudyPageFactory(
        title="Library opening hours", summary="Staffless opening in rural libraries."
    )
    for page in (housing, bins, other):
        page.save_revision().publish()
    return {"housing": housing, "bins": bins, "other": other}


@pytest.fixture(scope="module")
def _pages(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build)


@pytest.fixture
def pages(_pages, db):
    return fresh_copy(_pages)


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["B&B", "bed and breakfast", "B&B families"])
def test_an_equivalent_wording_finds_the_page(client, pages, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    titles = result_titles(response)
    assert pages["housing"].title in titles
    assert pages["other"].title not in titles


@pytest.mark.django_db
def test_the_found_page_marks_the_equivalent_words(client, pages):
    body = client.get("/search/", {"q": "B&B"}).content.decode()
    assert "<mark>temporary</mark> <mark>accommodation</mark>" in body


@pytest.mark.django_db
def test_waste_collection_finds_bins(client, pages):
    titles = result_titles(client.get("/search/", {"q": "waste collection"}))
    assert titles[0] == pages["bins"].title


@pytest.mark.django_db
def test_hostile_input_around_a_thesaurus_term_is_still_handled(client, pages):
    for query in ['"B&B" OR (x*)', "B&B\x00", "B&B " * 80, "٣ B&B"]:
        response = client.get("/search/", {"q": query})
        assert response.status_code in (200, 400)


@pytest.mark.django_db
def test_a_pasted_problem_in_other_words_finds_the_council(pages):
    engine = get_similarity_backend()
    engine.rebuild()
    matches = engine.councils_for_text(
        "Too many homeless households placed in B&B for weeks; how do we cut the use of "
        "bed and breakfast?"
    )
    assert pages["housing"].council in [match.council for match in matches]
    reasons = " ".join(match.reason for match in matches)
    assert "temporary accommodation" in reasons
