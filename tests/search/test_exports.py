"""CSV and JSON downloads of search results: the same pages in the same order as /search/,
published only, no contact details, stable columns, streamed, and the data dictionary."""

import csv
import io
import json

from django.http import StreamingHttpResponse

import pytest

from casestudies.factories import CaseStudyPageFactory, LessonPageFactory
from core import licence
from search.exports import COLUMN_NAMES, COLUMNS

# The corpus is built once for the module (tests/corpus.py); every test sees it.
pytestmark = [pytest.mark.usefixtures("_corpus"), pytest.mark.django_db]

SEARCH = "/search/"
CSV_URL = "/search/export.csv"
JSON_URL = "/search/export.json"
COLUMNS_URL = "/search/export/columns/"

HEADER = [
    "url",
    "kind",
    "title",
    "summary",
    "council_code",
    "council_gss_code",
    "council_name",
    "partner_council_codes",
    "partner_council_names",
    "themes",
    "phase",
    "stance",
    "cost_band",
    "first_published",
    "last_published",
    "last_reviewed",
    "licence",
    "licence_url",
    "attribution",
]
FILTERS = [
    {},
    {"q": "missed bin"},
    {"q": "missed bin", "sort": "newest"},
    {"q": "temporary accommodation", "kind": "case-study"},
    {"theme": "waste"},
    {"theme": ["waste", "housing"], "nation": "England"},
    {"kind": ["lesson", "project"]},
    {"council": "kingdom-shire"},
    {"region": "North East", "year": "2024"},
    {"phase": "alpha"},
    {"q": "bins", "council_type": "UA"},
    {"peers_of": "exebridge"},
    {"q": "nothing matches zzzzqqq"},
]


def content(response):
    assert isinstance(response, StreamingHttpResponse)
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(content(response), newline="")))


def searched_urls(client, params):
    """The full URLs of every result /search/ lists for params, page after page."""
    urls, page = [], 1
    while True:
        response = client.get(SEARCH, {**params, "page": page})
        outcome = response.context["outcome"]
        urls += [item.get_full_url(response.wsgi_request) for item in outcome.page.object_list]
        if not outcome.page.has_next():
            return urls
        page += 1


class TestSameAsSearch:
    @pytest.mark.parametrize("params", FILTERS, ids=lambda p: repr(p) or "everything")
    def test_csv_and_json_list_the_search_results_in_order(self, client, corpus, params):
        expected = searched_urls(client, params)
        rows = csv_rows(client.get(CSV_URL, params))
        assert [row["url"] for row in rows] == expected
        data = json.loads(content(client.get(JSON_URL, params)))
        assert [row["url"] for row in data["results"]] == expected
        assert data["count"] == len(expected)

    def test_filters_narrow_the_export(self, client, corpus):
        everything = csv_rows(client.get(CSV_URL))
        waste = csv_rows(client.get(CSV_URL, {"theme": "waste"}))
        assert len(everything) == 6
        assert {row["title"] for row in waste} == {
            "Fewer missed bin collections",
            "Ask the bin crews before changing collection rounds",
            "Reporting fly-tipping with photos",
        }

    def test_every_page_of_results_not_only_the_first(self, client, corpus):
        council = corpus["councils"]["quiet"]
        for number in range(25):
            LessonPageFactory(title=f"Lesson {number} on routes", council=council)
        expected = searched_urls(client, {"q": "routes"})
        assert len(expected) > 20
        assert [row["url"] for row in csv_rows(client.get(CSV_URL, {"q": "routes"}))] == expected


class TestContent:
    def test_csv_has_the_stable_header_and_parses(self, client, corpus):
        text = content(client.get(CSV_URL))
        reader = csv.reader(io.StringIO(text, newline=""))
        assert next(reader) == HEADER == COLUMN_NAMES
        assert all(len(line) == len(HEADER) for line in reader)

    def test_values_of_one_row(self, client, corpus):
        rows = {row["title"]: row for row in csv_rows(client.get(CSV_URL))}
        project = rows["Shared temporary accommodation register"]
        durham, fife = corpus["councils"]["durham"], corpus["councils"]["fife"]
        assert project["kind"] == "project"
        assert project["council_code"] == durham.code
        assert project["council_name"] == "Wearside"
        assert project["partner_council_codes"] == fife.code
        assert project["partner_council_names"] == "Kingdom Shire"
        assert project["themes"] == corpus["themes"]["housing"].name
        assert project["phase"] == corpus["pages"]["housing"].phase
        assert project["first_published"] == "2025-06-01T12:00:00+00:00"
        assert project["licence"] == licence.LICENCE_NAME
        assert project["licence_url"] == licence.LICENCE_URL
        assert project["attribution"] == licence.attribution(durham.official_name)
        bins = rows["Fewer missed bin collections"]
        assert bins["themes"] == "; ".join(
            sorted(theme.name for theme in corpus["pages"]["bins"].themes.all())
        )
        assert bins["phase"] == ""
        assert bins["cost_band"] == (corpus["pages"]["bins"].cost_band or "")

    def test_json_has_the_licence_and_lists_as_arrays(self, client, corpus):
        data = json.loads(content(client.get(JSON_URL, {"theme": "housing"})))
        assert data["licence"]["name"] == licence.LICENCE_NAME
        assert data["licence"]["url"] == licence.LICENCE_URL
        assert data["licence"]["register_credit"] == licence.REGISTER_CREDIT
        assert data["columns"] == HEADER
        assert data["data_dictionary"].endswith(COLUMNS_URL)
        assert "theme=housing" in data["search"]
        project = next(row for row in data["results"] if row["kind"] == "project")
        assert list(project) == HEADER
        assert project["partner_council_codes"] == [corpus["councils"]["fife"].code]
        assert project["themes"] == [corpus["themes"]["housing"].name]
        lesson_or_case = next(row for row in data["results"] if row["kind"] != "project")
        assert lesson_or_case["phase"] is None

    def test_only_published_public_pages_and_no_contact_details(self, client, corpus):
        CaseStudyPageFactory(
            title="Missed bins with a private contact",
            council=corpus["councils"]["exeter"],
            contact_email="hidden.person@example.gov.uk",
            contact_is_public=False,
        )
        for url in (CSV_URL, JSON_URL):
            for params in ({}, {"q": "missed bin collections"}):
                text = content(client.get(url, params))
                assert "Secret draft" not in text
                assert "Private missed" not in text
                assert "@example.gov.uk" not in text
                assert "Priya Shah" not in text
                assert "Missed bins with a private contact" in text

    def test_formulas_are_not_run_by_spreadsheets(self, client, corpus):
        LessonPageFactory(title='=HYPERLINK("http://evil")', council=corpus["councils"]["quiet"])
        titles = [row["title"] for row in csv_rows(client.get(CSV_URL))]
        assert '\'=HYPERLINK("http://evil")' in titles
        data = json.loads(content(client.get(JSON_URL)))
        assert '=HYPERLINK("http://evil")' in [row["title"] for row in data["results"]]


class TestResponse:
    def test_downloads_are_streamed_attachments_with_the_date(self, client, corpus):
        for url, extension, kind in (
            (CSV_URL, "csv", "text/csv"),
            (JSON_URL, "json", "application/json"),
        ):
            response = client.get(url)
            assert response.status_code == 200
            assert isinstance(response, StreamingHttpResponse)
            assert response["Content-Type"].startswith(kind)
            disposition = response["Content-Disposition"]
            assert disposition.startswith('attachment; filename="shared-endeavour-search-')
            assert disposition.endswith(f'.{extension}"')
            content(response)

    @pytest.mark.parametrize(
        "query",
        [
            "q=%00",
            "page=\u0663",
            "year=\u0661\u0669\u0669\u0669",
            "year=" + "9" * 5000,
            "theme=" + "x" * 20000,
            "sort=%ZZ",
            "q=" + "a" * 20000,
            "peers_of=%00%00",
            "kind=project&" * 60,
            "council=" + "../../etc/passwd",
            "q=crews:bins^2~ AND (",
            "q=\U0001f600&sort=newest&sort=relevance",
            "nation=%C2",
        ],
    )
    def test_hostile_query_strings_get_a_clean_answer(self, client, corpus, query):
        for url in (CSV_URL, JSON_URL):
            response = client.get(f"{url}?{query}")
            assert response.status_code in (200, 400)
            if response.status_code == 200:
                text = content(response)
                if url == JSON_URL:
                    json.loads(text)
                else:
                    assert next(csv.reader(io.StringIO(text))) == HEADER

    def test_too_many_downloads_are_refused_with_a_retry_time(self, client, settings, corpus):
        settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "export": "2/h"}
        assert client.get(CSV_URL).status_code == 200
        assert client.get(JSON_URL).status_code == 200
        refused = client.get(CSV_URL)
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) > 0

    def test_query_count_does_not_grow_with_the_results(
        self, client, corpus, django_assert_max_num_queries
    ):
        with django_assert_max_num_queries(30):
            content(client.get(CSV_URL))
        with django_assert_max_num_queries(30):
            content(client.get(JSON_URL, {"q": "missed bin"}))


class TestSearchPageAndDictionary:
    def test_search_page_links_to_downloads_with_its_query(self, client, corpus):
        params = {"q": "missed bin", "theme": "waste", "page": "1"}
        body = client.get(SEARCH, params).content.decode()
        assert 'href="/search/export.csv?q=missed+bin&amp;theme=waste"' in body
        assert 'href="/search/export.json?q=missed+bin&amp;theme=waste"' in body
        assert f'href="{COLUMNS_URL}"' in body

    def test_dictionary_describes_every_column(self, client, corpus):
        response = client.get(COLUMNS_URL)
        assert response.status_code == 200
        body = response.content.decode()
        for column in COLUMNS:
            assert f'id="column-{column.name}"' in body
            assert column.type in body
        assert '<th scope="col"' in body and '<th scope="row"' in body
        assert "<caption" in body
        assert licence.LICENCE_URL in body
        assert licence.attribution("&lt;council&gt;") in body
        assert licence.REGISTER_CREDIT in body
