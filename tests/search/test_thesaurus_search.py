"""Search and similarity read the thesaurus on every engine: "B&B" finds the page about
temporary accommodation that never says "B&B" (database and, in CI's Elasticsearch leg, the
engine: tests/search/ is in SEARCH_BACKEND_TESTS)."""

import pytest

from casestudies.factories import CaseStudyPageFactory
from search.similarity import get_similarity_backend


def result_titles(response):
    return [item.title for item in response.context["outcome"].page.object_list]


@pytest.fixture
def pages(db):
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
