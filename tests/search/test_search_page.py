import pytest

from casestudies.factories import CaseStudyPageFactory

# The corpus is built once for the module (tests/corpus.py); every test sees it.
pytestmark = pytest.mark.usefixtures("_corpus")

SEARCH = "/search/"


def result_titles(response):
    return [item.title for item in response.context["outcome"].page.object_list]


def facet(response, name):
    for entry in response.context["outcome"].facets:
        if entry["name"] == name:
            return {value["value"]: value for value in entry["values"]}
    return {}


@pytest.mark.django_db
class TestSearchPage:
    def test_finds_published_pages_and_marks_terms(self, client, corpus):
        response = client.get(SEARCH, {"q": "missed bin"})
        assert response.status_code == 200
        titles = result_titles(response)
        assert titles[0] in {
            "Fewer missed bin collections",
            "Ask the bin crews before changing collection rounds",
        }
        assert "<mark>missed</mark>" in response.content.decode().lower()

    def test_result_pages_are_not_indexed_by_search_engines(self, client, corpus):
        response = client.get(SEARCH, {"q": "bins"})
        assert '<meta name="robots" content="noindex' in response.content.decode()

    def test_drafts_and_private_pages_never_appear_or_count(self, client, corpus):
        response = client.get(SEARCH, {"q": "missed bin collections"})
        body = response.content.decode()
        assert "Secret draft" not in body
        assert "Private missed" not in body
        counts = facet(response, "council")
        assert "quietvale" not in counts
        total = sum(value["count"] for value in facet(response, "kind").values())
        assert total == response.context["outcome"].paginator.count

    def test_facet_counts_for_every_facet(self, client, corpus):
        response = client.get(SEARCH)
        assert response.context["outcome"].paginator.count == 6
        assert facet(response, "kind")["case-study"]["count"] == 3
        assert facet(response, "kind")["lesson"]["count"] == 2
        assert facet(response, "kind")["project"]["count"] == 1
        assert facet(response, "theme")["waste"]["count"] == 3
        assert facet(response, "theme")["housing"]["count"] == 2
        assert facet(response, "council")["exebridge"]["count"] == 2
        assert facet(response, "council")["exebridge"]["label"] == "Exebridge"
        assert facet(response, "nation")["Wales"]["count"] == 1
        assert facet(response, "nation")["England"]["count"] == 4
        assert facet(response, "region")["North East"]["count"] == 2
        assert facet(response, "council_type")["UA"]["count"] == 2
        assert facet(response, "phase")["alpha"]["count"] == 1
        assert facet(response, "year")["2025"]["count"] == 2

    def test_and_across_facets_or_within_one(self, client, corpus):
        response = client.get(SEARCH, {"theme": ["waste", "housing"]})
        assert response.context["outcome"].paginator.count == 5
        response = client.get(SEARCH, {"theme": ["waste", "housing"], "nation": "Wales"})
        assert result_titles(response) == ["Fewer missed bin collections"]
        # The nation facet still offers England, counted with the theme filter only.
        assert facet(response, "nation")["England"]["count"] == 4
        assert facet(response, "nation")["Wales"]["selected"]

    def test_filters_by_year_phase_kind_and_council(self, client, corpus):
        assert result_titles(client.get(SEARCH, {"year": "2023", "kind": "lesson"})) == [
            "Start with the data you have"
        ]
        assert result_titles(client.get(SEARCH, {"phase": "alpha"})) == [
            "Shared temporary accommodation register"
        ]
        titles = result_titles(client.get(SEARCH, {"council": "exebridge", "q": "families"}))
        assert titles == ["Cutting bed and breakfast use for homeless families"]

    def test_each_filter_can_be_removed_on_its_own(self, client, corpus):
        response = client.get(
            SEARCH, {"q": "bin", "theme": ["waste", "housing"], "nation": "Wales"}
        )
        removable = {item["label"]: item["querystring"] for item in response.context["removable"]}
        assert set(removable) == {"Waste", "Housing", "Wales"}
        assert removable["Housing"] == "q=bin&theme=waste&nation=Wales"
        assert removable["Wales"] == "q=bin&theme=waste&theme=housing"

    def test_sort_by_newest(self, client, corpus):
        titles = result_titles(client.get(SEARCH, {"q": "missed bin", "sort": "newest"}))
        assert titles.index("Ask the bin crews before changing collection rounds") < titles.index(
            "Fewer missed bin collections"
        )

    def test_councils_found_by_alternative_name(self, client, corpus):
        response = client.get(SEARCH, {"q": "Prifddinas"})
        assert [c.slug for c in response.context["outcome"].councils] == ["caerdydd-test"]
        assert "Caerdydd Test" in response.content.decode()

    def test_theme_pages_are_found(self, client, corpus):
        response = client.get(SEARCH, {"q": "homelessness allocations"})
        assert [page.title for page in response.context["outcome"].themes] == ["Housing"]

    def test_peers_of_limits_to_councils_like_one(self, client, corpus):
        response = client.get(SEARCH, {"peers_of": "exebridge"})
        councils = {item.council.slug for item in response.context["outcome"].page.object_list}
        assert "exebridge" not in councils
        assert councils  # Wearside and others are peers of Exebridge
        assert "Councils like" in response.content.decode()

    def test_pagination(self, client, corpus):
        for number in range(25):
            CaseStudyPageFactory(
                title=f"Garden waste subscriptions {number}", council=corpus["councils"]["quiet"]
            )
        response = client.get(SEARCH, {"q": "garden", "page": "2"})
        assert response.context["outcome"].page.number == 2
        assert len(result_titles(response)) == 5
        assert "page=1" in response.content.decode()


@pytest.mark.django_db
class TestZeroResults:
    def test_offers_to_drop_the_most_restrictive_filter(self, client, corpus):
        response = client.get(SEARCH, {"q": "bin", "nation": "Scotland", "theme": "waste"})
        outcome = response.context["outcome"]
        assert outcome.paginator.count == 0
        assert outcome.suggestion["label"] == "Nation: Scotland"
        assert outcome.suggestion["querystring"] == "q=bin&theme=waste"
        body = response.content.decode()
        assert "No results" in body
        assert "Remove <a" in body and "Nation: Scotland" in body

    def test_no_match_at_all(self, client, corpus):
        response = client.get(SEARCH, {"q": "zeppelin"})
        assert response.status_code == 200
        assert "Nothing published matches" in response.content.decode()


@pytest.mark.django_db
class TestBadInput:
    @pytest.mark.parametrize(
        "query",
        [
            "x" * 10_000,
            "bin' OR 1=1; --",
            '"missed" AND (bins OR NOT crews) * : ~ ^',
            "DROP TABLE wagtailcore_page;",
            "NOT",
            "((((",
            "bin*",
            '"unbalanced',
            "crews:bins^2~",
            "\x00\x01",
        ],
    )
    def test_odd_queries_give_a_normal_page(self, client, corpus, query):
        response = client.get(SEARCH, {"q": query})
        assert response.status_code == 200
        assert "There is a problem" not in response.content.decode()

    def test_long_query_is_shortened_with_a_message(self, client, corpus):
        response = client.get(SEARCH, {"q": "bins " * 2000})
        assert response.status_code == 200
        assert "shortened to its first 200 characters" in response.content.decode()

    def test_query_of_only_symbols_says_so(self, client, corpus):
        response = client.get(SEARCH, {"q": "*:~^()"})
        assert "no words we could look for" in response.content.decode()
        assert response.context["outcome"].paginator.count == 6

    def test_unknown_and_repeated_facet_values(self, client, corpus):
        response = client.get(
            SEARCH,
            {
                "theme": ["waste", "waste", "no-such-theme"],
                "nation": "Atlantis",
                "sort": "sideways",
            },
        )
        assert response.status_code == 200
        body = response.content.decode()
        assert "We ignored filters we do not recognise" in body
        assert "Theme: no-such-theme" in body and "Nation: Atlantis" in body
        assert response.context["params"].selected["theme"] == ["waste"]
        assert response.context["outcome"].paginator.count == 3

    def test_unknown_peers_of(self, client, corpus):
        response = client.get(SEARCH, {"peers_of": "nowhere"})
        assert response.status_code == 200
        assert "Councils like: nowhere" in response.content.decode()

    @pytest.mark.parametrize(
        "page",
        [
            "abc",
            "-1",
            "0",
            "1.5",
            "99999999999999999999",
            "",
            "\u00b2",
            "\u2460",
            "\u0661\u0662",
            "9" * 5000,
        ],
    )
    def test_page_numbers_that_are_not_numbers(self, client, corpus, page):
        response = client.get(SEARCH, {"q": "bin", "page": page})
        assert response.status_code == 200
        assert response.context["outcome"].page.number >= 1

    @pytest.mark.parametrize(
        "year", ["\u00b2", "\u2460", "\u0662\u0660\u0662\u0664", "2" * 5000, "２０２４"]
    )
    def test_years_that_are_not_ascii_digits_are_ignored(self, client, corpus, year):
        response = client.get(SEARCH, {"q": "bin", "year": year})
        assert response.status_code == 200
        assert response.context["params"].selected["year"] == []

    def test_page_past_the_end_shows_the_last_page(self, client, corpus):
        response = client.get(SEARCH, {"q": "bin", "page": "40"})
        assert response.status_code == 200
        assert response.context["outcome"].page.number == 1
        assert "There is no page 40; you are seeing the last page, page 1." in (
            response.content.decode()
        )

    def test_empty_query_with_filters_only(self, client, corpus):
        response = client.get(SEARCH, {"q": "", "theme": "housing"})
        assert response.status_code == 200
        assert sorted(result_titles(response)) == [
            "Cutting bed and breakfast use for homeless families",
            "Shared temporary accommodation register",
        ]

    def test_too_many_values_for_one_facet(self, client, corpus):
        response = client.get(SEARCH, {"year": [str(y) for y in range(1990, 2030)]})
        assert response.status_code == 200
        assert "Only the first 20" in response.content.decode()


@pytest.mark.django_db
class TestAutocomplete:
    def test_councils_by_alternative_name_and_themes(self, client, corpus):
        data = client.get("/search/autocomplete/", {"q": "Cardi"}).json()
        assert [council["name"] for council in data["councils"]] == ["Caerdydd Test"]
        data = client.get("/search/autocomplete/", {"q": "hous"}).json()
        assert data["themes"][0]["name"] == "Housing"
        assert data["themes"][0]["url"] == "/search/?theme=housing"

    @pytest.mark.parametrize("query", ["", "a", "'; --", "x" * 5000, "(*)"])
    def test_short_or_odd_input_gives_empty_lists(self, client, corpus, query):
        response = client.get("/search/autocomplete/", {"q": query})
        assert response.status_code == 200
        assert set(response.json()) == {"councils", "themes"}

    def test_the_form_works_without_javascript(self, client, corpus):
        body = client.get(SEARCH).content.decode()
        assert 'method="get"' in body and 'name="q"' in body


@pytest.mark.django_db
class TestStaysCurrent:
    def test_publishing_unpublishing_and_renaming_show_at_once(self, client, corpus):
        assert client.get(SEARCH, {"q": "compost"}).context["outcome"].paginator.count == 0
        page = CaseStudyPageFactory(
            title="Home compost bins for every household", council=corpus["councils"]["quiet"]
        )
        response = client.get(SEARCH, {"q": "compost"})
        assert result_titles(response) == [page.title]
        assert facet(response, "council")["quietvale"]["count"] == 1
        council = corpus["councils"]["quiet"]
        council.short_name = "Quietvale Renamed"
        council.save()
        response = client.get(SEARCH, {"q": "compost"})
        assert facet(response, "council")["quietvale"]["label"] == "Quietvale Renamed"
        page.unpublish()
        assert client.get(SEARCH, {"q": "compost"}).context["outcome"].paginator.count == 0
