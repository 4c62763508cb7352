"""The stale content report: organisers only, filters, counts that match the database, CSV."""

import csv
import io

from django.test import Client
from django.urls import reverse

import pytest

from casestudies.models import LearningPage
from core.freshness import stale_q
from freshness.stale import age_choices

from .data import _built, data_fixture  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("_built")

URL = "/admin/reports/stale-content/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def stale_in_db(**filters):
    return LearningPage.objects.live().filter(stale_q()).filter(**filters)


def csv_rows(response):
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


def test_the_url_name_and_menu(data):
    assert reverse("stale_content") == URL
    home = signed_in(data["org"]).get("/admin/").content.decode()
    assert URL in home
    assert URL not in signed_in(data["olu"]).get("/admin/").content.decode()


@pytest.mark.parametrize("who", ["olu", "cat"])
def test_practitioners_are_refused(data, who):
    response = signed_in(data[who]).get(URL)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert signed_in(data[who]).get(URL + "?export=csv").status_code == 302


def test_the_count_and_rows_match_the_database(data, django_assert_max_num_queries):
    with django_assert_max_num_queries(40):
        response = signed_in(data["org"]).get(URL)
    assert response.status_code == 200
    expected = stale_in_db()
    assert response.context["total"] == expected.count() == 7
    assert {page.pk for page in response.context["object_list"]} == set(
        expected.values_list("pk", flat=True)
    )
    html = response.content.decode()
    assert f"<strong>{expected.count()} pages</strong>" in html
    assert data["fresh_case_study"].title not in html
    assert data["stale_draft"].title not in html


def test_filters_by_council_theme_and_age(data):
    client = signed_in(data["org"])

    def total(query):
        response = client.get(URL, query)
        assert response.status_code == 200
        return response.context["total"]

    assert total({"council": data["owner"].pk}) == stale_in_db(council=data["owner"]).count() == 5
    assert (
        total({"theme": data["waste"].pk})
        == stale_in_db(themed_items__tag=data["waste"]).count()
        == 2
    )
    assert total({"theme": data["housing"].pk, "council": data["other"].pk}) == 2
    ages = {key: condition for key, _label, condition in age_choices()}
    assert [label for _key, label, _c in age_choices()] == [
        "6 to 12 months",
        "1 to 2 years",
        "Over 2 years",
        "Never reviewed",
    ]
    for key, condition in ages.items():
        assert total({"age": key}) == stale_in_db().filter(condition).count()
    assert total({"age": "recent"}) == 1  # reviewed 8 months ago
    assert total({"age": "year"}) == 1  # reviewed 18 months ago
    assert total({"age": "old"}) == 5  # published in 2023 and not reviewed since 2024
    assert total({"age": "never"}) == 4


@pytest.mark.parametrize(
    "query",
    [
        "council=%D9%A3",
        "council=99999999999999999999999",
        "theme=%00",
        "age=zzz",
        "council=1&council=2",
        "age=" + "x" * 5000,
        "p=%D9%A3",
        "p=-1",
    ],
)
def test_hostile_query_strings_never_500(data, query):
    response = signed_in(data["org"]).get(f"{URL}?{query}")
    assert response.status_code in (200, 400, 404)


def test_csv_export_matches_the_filtered_report(data):
    client = signed_in(data["org"])
    response = client.get(URL, {"export": "csv", "council": data["owner"].pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv"
    rows = csv_rows(response)
    assert {row["Title"] for row in rows} == set(
        stale_in_db(council=data["owner"]).values_list("title", flat=True)
    )
    row = next(r for r in rows if r["Title"] == data["never_reviewed_lesson"].title)
    assert row["Council"] == "Wychavon"
    assert row["Type"] == "lesson"
    assert row["Last reviewed"] == "None" or row["Last reviewed"] == ""
    assert set(row["Themes"].split(", ")) == {data["waste"].name, data["housing"].name}
    assert row["Edit in the admin"] == reverse(
        "wagtailadmin_pages:edit", args=[data["never_reviewed_lesson"].pk]
    )
    assert row["Page"].endswith(data["never_reviewed_lesson"].url)
    assert "bins.lead@" not in str(rows)
    all_rows = csv_rows(client.get(URL, {"export": "csv"}))
    assert len(all_rows) == stale_in_db().count()
