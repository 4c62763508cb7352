"""The councils and themes endpoints."""

import pytest

from councils.factories import CouncilFactory

pytestmark = pytest.mark.usefixtures("site")

COUNCILS = "/api/v2/councils/"
THEMES = "/api/v2/themes/"


def get(client, url, **query):
    response = client.get(url, query)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def by_code(data):
    return {item["code"]: item for item in data["items"]}


def test_every_current_council_with_its_profile_fields(client, site):
    items = by_code(get(client, COUNCILS, limit=100))
    assert set(items) == {"AVO", "CAE", "DUN"}  # not the former council
    avonford = items["AVO"]
    assert avonford["gss_code"] == "E07000901"
    assert avonford["slug"] == site["lead"].slug
    assert avonford["name"] == "Avonford"
    assert avonford["official_name"] == site["lead"].official_name
    assert (avonford["council_type"], avonford["nation"], avonford["region"]) == (
        "NMD",
        "England",
        "South West",
    )
    assert avonford["population"] == 100_000
    assert (avonford["latitude"], avonford["longitude"]) == (51.4, -2.5)
    assert avonford["meta"]["html_url"].endswith(site["lead"].get_absolute_url())
    assert avonford["meta"]["detail_url"].endswith(f"{COUNCILS}{site['lead'].pk}/")


def test_a_former_council_is_not_listed_but_its_detail_answers(client, site):
    item = get(client, f"{COUNCILS}{site['former'].pk}/")
    assert item["code"] == "OLD"


def test_council_counts_are_of_published_public_learning(client):
    items = by_code(get(client, COUNCILS))
    # Avonford leads two case studies (and a draft and a private one), partners on a project.
    assert (
        items["AVO"]["pages_led"],
        items["AVO"]["partnerships"],
        items["AVO"]["published_learning"],
    ) == (2, 1, 3)
    assert (
        items["CAE"]["pages_led"],
        items["CAE"]["partnerships"],
        items["CAE"]["published_learning"],
    ) == (1, 1, 2)
    assert (items["DUN"]["pages_led"], items["DUN"]["partnerships"]) == (1, 0)


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ({"nation": "Wales"}, ["CAE"]),
        ({"nation": "wales,scotland"}, ["CAE", "DUN"]),
        ({"region": "south west"}, ["AVO"]),
        ({"council_type": "UA"}, ["CAE", "DUN"]),
    ],
)
def test_council_filters(client, query, codes):
    assert [item["code"] for item in get(client, COUNCILS, **query)["items"]] == codes


def test_councils_are_in_a_stable_order_by_name(client):
    names = [item["name"] for item in get(client, COUNCILS)["items"]]
    assert names == sorted(names)


@pytest.mark.parametrize(
    "query",
    [
        {"region": "Atlantis"},
        {"council_type": "ZZZ"},
        {"nation": "x"},
        {"theme": "waste"},
        {"limit": "101"},
    ],
)
def test_bad_council_filters_are_400(client, query):
    response = client.get(COUNCILS, query)
    assert response.status_code == 400 and response.json()["message"]


def test_the_councils_listing_runs_a_fixed_number_of_queries(
    client, site, django_assert_max_num_queries
):
    with django_assert_max_num_queries(20) as few:
        get(client, COUNCILS)
    CouncilFactory.create_batch(15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(get(client, COUNCILS)["items"]) == 18


def test_themes_with_counts_and_their_pages(client):
    items = {item["slug"]: item for item in get(client, THEMES, limit=100)["items"]}
    assert items["waste"]["name"] == "Waste"
    assert items["waste"]["description"]
    assert items["waste"]["page_count"] == 2
    assert items["waste"]["page_counts"] == {"case-study": 1, "lesson": 1, "project": 0}
    assert items["housing"]["page_counts"] == {"case-study": 1, "lesson": 0, "project": 1}
    assert items["waste"]["meta"]["html_url"].endswith("/themes/waste/")
    assert items["climate"]["page_count"] == 0


def test_one_theme(client, site):
    item = get(client, f"{THEMES}{site['waste'].pk}/")
    assert item["slug"] == "waste" and item["page_count"] == 2


def test_the_themes_listing_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        get(client, THEMES, limit=100)
