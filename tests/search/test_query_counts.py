"""Search and similarity pages run the same number of queries however many results there are."""

from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

import pytest

from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from councils.factories import CouncilFactory

# The corpus is built once for the module (tests/corpus.py); every test sees it.
pytestmark = pytest.mark.usefixtures("_corpus")


def add_pages(corpus, count, start=0):
    waste, housing = corpus["themes"]["waste"], corpus["themes"]["housing"]
    for number in range(start, start + count):
        council = CouncilFactory()
        CaseStudyPageFactory(
            title=f"Missed bin collections, round {number}",
            council=council,
            themes=[waste],
            partner_councils=[CouncilFactory()],
        )
        LessonPageFactory(
            title=f"Bin crews and missed collections {number}",
            council=council,
            themes=[waste, housing],
        )
        ProjectPageFactory(
            title=f"Shared bin collection project {number}",
            council=council,
            themes=[waste],
            partner_councils=[CouncilFactory()],
        )


def count_queries(action):
    action()  # warm the similarity engine's in-memory copy, as a running site would be
    with CaptureQueriesContext(connection) as queries:
        action()
    return len(queries)


def search_page(client, params):
    def action():
        assert client.get("/search/", params).status_code == 200

    return action


def similar_councils(client):
    def action():
        response = client.post(
            "/search/similar-councils/", {"problem": "Missed bin collections and crews' rounds"}
        )
        assert response.status_code == 200

    return action


def tags(page):
    template = Template(
        "{% load similarity %}{% similar_content page %}{% councils_facing_similar_problems page %}"
    )

    def action():
        template.render(Context({"page": page}))

    return action


SEARCHES = [
    {"q": "missed bin collections"},
    {"q": "bin", "theme": ["waste", "housing"], "nation": "England", "sort": "newest"},
    {"theme": "waste", "page": "2"},
    {"peers_of": "exebridge", "q": "bin"},
]


@pytest.mark.django_db
def test_search_page(client, corpus, django_assert_max_num_queries, subtests):
    """Each search measured over the same two sizes of site, built once for all of them."""
    add_pages(corpus, 3)
    small = [count_queries(search_page(client, params)) for params in SEARCHES]
    add_pages(corpus, 10, start=3)
    for params, limit in zip(SEARCHES, small, strict=True):
        with subtests.test(params=params):
            search_page(client, params)()  # reload the in-memory facet values after the new pages
            with django_assert_max_num_queries(limit):
                search_page(client, params)()


@pytest.mark.django_db
@pytest.mark.similarity  # the new pages join the similarity results whose queries are counted
def test_similarity_page_and_tags(client, corpus, django_assert_max_num_queries):
    add_pages(corpus, 2)
    page = corpus["pages"]["bins"]
    small_page = count_queries(similar_councils(client))
    small_tags = count_queries(tags(page))
    add_pages(corpus, 10, start=2)
    similar_councils(client)()  # reload after the new pages
    with django_assert_max_num_queries(small_page):
        similar_councils(client)()
    tags(page)()  # the similar-work list is cached per content version: warm it after the change
    with django_assert_max_num_queries(small_tags):
        tags(page)()
