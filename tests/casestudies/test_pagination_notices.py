"""A page number past the end, or not a number at all, still shows results and says why."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from councils.factories import CouncilFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index_url():
    CaseStudyPageFactory(title="Missed bins halved")
    return CaseStudyIndexPageFactory().url


@pytest.mark.parametrize(
    ("page", "notice"),
    [
        ("99", "There is no page 99; you are seeing the last page, page 1."),
        ("abc", "That page number was not valid, so you are seeing the first page."),
        ("-3", "That page number was not valid, so you are seeing the first page."),
        ("1e9", "That page number was not valid, so you are seeing the first page."),
        ("\u00b2", "That page number was not valid, so you are seeing the first page."),
        ("\u2460", "That page number was not valid, so you are seeing the first page."),
        ("\u0661\u0662", "That page number was not valid, so you are seeing the first page."),
        ("9" * 5000, "That page number was not valid, so you are seeing the first page."),
    ],
)
def test_unusable_page_numbers_explain_themselves(client, index_url, page, notice):
    response = client.get(index_url, {"page": page})
    assert response.status_code == 200
    assert notice in response.content.decode()
    assert "Missed bins halved" in response.content.decode()


@pytest.mark.parametrize("page", ["1", ""])
def test_ordinary_page_numbers_say_nothing(client, index_url, page):
    response = client.get(index_url, {"page": page})
    assert response.status_code == 200
    assert "you are seeing the" not in response.content.decode()


def test_council_directory_explains_a_page_past_the_end(client):
    CouncilFactory(short_name="Casterbridge")
    response = client.get("/councils/", {"page": "500"})
    assert response.status_code == 200
    assert "There is no page 500" in response.content.decode()


def test_a_listing_counts_its_pages_once_per_content_version_and_is_never_stale(client, index_url):
    client.get(index_url)  # the first request also creates the site's settings, a change
    assert client.get(index_url).context["paginator"].count == 1
    with CaptureQueriesContext(connection) as queries:
        assert client.get(index_url).context["paginator"].count == 1
    assert not [q for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]

    another = CaseStudyPageFactory(title="Potholes fixed faster")
    assert client.get(index_url).context["paginator"].count == 2
    another.unpublish()
    assert client.get(index_url).context["paginator"].count == 1
