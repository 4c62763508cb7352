"""The pages endpoint: fields, filters, paging, and only what the public site shows."""

import json

import pytest

from core.licence import LICENCE_NAME, LICENCE_URL, attribution

pytestmark = pytest.mark.usefixtures("site")

PAGES = "/api/v2/pages/"


def get(client, url=PAGES, **query):
    response = client.get(url, query)
    assert response.status_code == 200, response.content[:500]
    return response.json()


def titles(data):
    return {item["title"] for item in data["items"]}


def learning_titles(data):
    return {item["title"] for item in data["items"] if item["kind"] != "theme"}


def item_titled(client, title, **query):
    return next(item for item in get(client, limit=100, **query)["items"] if item["title"] == title)


def test_the_listing_holds_published_learning_and_theme_pages(client):
    data = get(client, limit=100)
    assert learning_titles(data) == {
        "Fewer missed bins",
        "Quiet housing work",
        "Start with the data",
        "Shared routes",
    }
    assert {item["kind"] for item in data["items"]} == {"case-study", "lesson", "project", "theme"}
    assert data["meta"]["total_count"] == len(data["items"])
    assert data["meta"]["licence"]["name"] == LICENCE_NAME


def test_drafts_and_private_pages_are_absent_from_listing_and_detail(client, site):
    body = client.get(PAGES, {"limit": 100}).content.decode()
    assert "Unfinished draft" not in body and "Members only" not in body
    for page in (site["draft"], site["private"]):
        response = client.get(f"{PAGES}{page.pk}/")
        assert response.status_code == 404
        assert "message" in response.json()


def test_a_case_study_has_its_structured_fields(client, site):
    item = get(client, f"{PAGES}{site['case_study'].pk}/")
    assert item["id"] == site["case_study"].pk
    assert item["meta"]["type"] == "casestudies.CaseStudyPage"
    assert item["meta"]["html_url"].endswith(site["case_study"].url)
    assert item["meta"]["detail_url"].endswith(f"{PAGES}{site['case_study'].pk}/")
    assert item["meta"]["first_published_at"] and item["meta"]["last_published_at"]
    assert item["kind"] == "case-study"
    assert item["summary"] == site["case_study"].summary
    assert item["council"]["code"] == "AVO"
    assert item["council"]["gss_code"] == "E07000901"
    assert item["council"]["slug"] == site["lead"].slug
    assert item["council"]["name"] == "Avonford"
    assert item["partner_councils"] == ["CAE"]
    assert item["partners"] == [{"code": "CAE", "name": site["partner"].short_name, "role": ""}]
    assert item["themes"] == [{"slug": "waste", "name": "Waste"}]
    assert item["outcomes"] == [
        {
            "description": "Missed bin reports a month",
            "value": 120,
            "unit": "reports",
            "baseline": 480,
            "period": "2023/24",
        }
    ]
    assert item["outputs"][0]["title"] == "Bin day finder"
    assert item["cost_band"] == "10k_50k"
    assert item["cost_detail"] == "Two developers for three months."
    assert (item["started_on"], item["finished_on"]) == ("2023-04-01", "2024-03-31")
    assert item["phase"] is None and item["stance"] is None
    assert item["licence"] == {
        "name": LICENCE_NAME,
        "url": LICENCE_URL,
        "attribution": attribution(site["lead"].official_name),
    }
    assert item["contact"] == {
        "name": "Priya Shah",
        "role": "Head of Digital",
        "email": "priya.shah@example.gov.uk",
    }


def test_joint_work_counts_only_what_is_shown(client, site):
    item = get(client, f"{PAGES}{site['case_study'].pk}/")
    assert item["we_face_this_too_count"] == 1
    assert item["reuse_count"] == 1
    assert item["reusing_councils"] == ["DUN"]
    body = json.dumps(item)
    assert "Us too" not in body and "A private note" not in body


def test_a_project_has_phase_stance_partners_and_budget(client, site):
    item = get(client, f"{PAGES}{site['project'].pk}/")
    assert (item["kind"], item["phase"], item["stance"]) == (
        "project",
        "beta",
        "looking_for_partners",
    )
    assert item["partner_councils"] == ["AVO"]
    assert item["cost_band"] == "50k_250k"
    assert item["outcomes"] == [] and item["finished_on"] is None


def test_a_theme_page_names_its_theme_and_no_council(client):
    item = item_titled(client, "Waste", type="theme")
    assert item["kind"] == "theme" and item["council"] is None
    assert item["themes"] == [{"slug": "waste", "name": "Waste"}]
    assert item["contact"] is None
    assert item["licence"]["url"] == LICENCE_URL


def test_a_contact_the_council_keeps_private_never_appears(client, site):
    item = get(client, f"{PAGES}{site['hidden_contact'].pk}/")
    assert item["contact"] is None
    everything = client.get(PAGES, {"limit": 100}).content.decode()
    assert "hidden.person@example.gov.uk" not in everything
    assert "Hidden Person" not in everything
    assert "members.only@example.gov.uk" not in everything


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "case-study"}, {"Fewer missed bins", "Quiet housing work"}),
        ({"type": "lesson,project"}, {"Start with the data", "Shared routes"}),
        (
            {"theme": "waste", "type": "case-study,lesson"},
            {"Fewer missed bins", "Start with the data"},
        ),
        ({"council": "AVO"}, {"Fewer missed bins", "Quiet housing work", "Shared routes"}),
        ({"council": "caerwen"}, {"Fewer missed bins", "Start with the data"}),
        ({"council": "w06000901"}, {"Fewer missed bins", "Start with the data"}),
        ({"nation": "Wales"}, {"Start with the data"}),
        ({"nation": "scotland,wales"}, {"Start with the data", "Shared routes"}),
        ({"phase": "beta"}, {"Shared routes"}),
        ({"phase": "alpha"}, set()),
        ({"stance": "looking_for_partners"}, {"Shared routes"}),
        ({"updated_since": "2000-01-01", "type": "lesson"}, {"Start with the data"}),
        ({"updated_since": "2999-01-01"}, set()),
        ({"updated_since": "2000-01-01T09:00:00Z", "type": "project"}, {"Shared routes"}),
    ],
)
def test_filters(client, query, expected):
    assert titles(get(client, limit=100, **query)) == expected


def test_the_theme_filter_includes_the_theme_page(client):
    assert titles(get(client, theme="waste")) == {
        "Fewer missed bins",
        "Start with the data",
        "Waste",
    }


def test_pagination_with_limit_and_offset(client):
    everything = get(client, limit=100)["items"]
    first = get(client, limit=2)
    second = get(client, limit=2, offset=2)
    assert [item["id"] for item in first["items"] + second["items"]] == [
        item["id"] for item in everything[:4]
    ]
    assert first["meta"]["total_count"] == len(everything)
    assert len(get(client)["items"]) == min(20, len(everything))


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"limit": "1000000"}, "limit must be a whole number from 1 to 100"),
        ({"limit": "0"}, "limit must be"),
        ({"limit": "9" * 5000}, "limit is too long"),
        ({"offset": "\u0663"}, "offset must be a whole number"),
        ({"offset": "-1"}, "offset must be"),
        ({"colour": "red"}, "Unknown query parameter: 'colour'"),
        ({"fields": "*"}, "Unknown query parameter: 'fields'"),
        ({"updated_since": "garbage"}, "updated_since must be an ISO 8601 date"),
        ({"updated_since": "\u0662\u0660\u0662\u0664-01-01"}, "updated_since must be"),
        ({"updated_since": "2024-13-45"}, "updated_since must be"),
        ({"type": "blog"}, "Unknown type: 'blog'"),
        ({"type": ","}, "type is empty"),
        ({"theme": "no-such-theme"}, "No theme matches 'no-such-theme'"),
        ({"council": "nowhere"}, "No council matches 'nowhere'"),
        ({"nation": "Narnia"}, "Unknown nation"),
        ({"phase": "gamma"}, "Unknown phase"),
        ({"stance": "x\x00y"}, "Unknown stance"),
        ({"theme": "a" * 5000}, "theme is too long"),
        ({"theme": ",".join(f"t{n}" for n in range(30))}, "at most 20 values"),
    ],
)
def test_bad_input_is_a_400_with_a_clear_message(client, query, words):
    response = client.get(PAGES, query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert words in response.json()["message"]


def test_a_repeated_parameter_is_a_400(client):
    response = client.get(f"{PAGES}?limit=2&limit=3")
    assert response.status_code == 400
    assert "Give each parameter once (limit)" in response.json()["message"]


def test_the_detail_takes_no_filters(client, site):
    response = client.get(f"{PAGES}{site['lesson'].pk}/", {"theme": "waste"})
    assert response.status_code == 400


def test_unknown_ids_are_404(client):
    for url in (f"{PAGES}999999/", f"{PAGES}{'9' * 30}/", f"{PAGES}\u0663/"):
        assert client.get(url).status_code == 404


def test_the_listing_runs_a_fixed_number_of_queries(client, site, django_assert_max_num_queries):
    from casestudies.factories import CaseStudyPageFactory, ProjectPageFactory

    with django_assert_max_num_queries(30) as few:
        small = get(client, limit=100)
    for n in range(8):
        CaseStudyPageFactory(
            council=site["lead"],
            partner_councils=[site["partner"]],
            themes=[site["waste"]],
            title=f"More {n}",
        )
        ProjectPageFactory(
            council=site["reuser"], partner_councils=[site["lead"]], title=f"Project {n}"
        )
    with django_assert_max_num_queries(len(few.captured_queries)):
        large = get(client, limit=100)
    assert len(large["items"]) == len(small["items"]) + 16


HOSTILE = [
    "\u00b2",
    "\u0661\u0662",
    "\uff11",
    "9" * 5000,
    "-1",
    "0",
    "1e9",
    "\x00",
    "%ZZ",
    "' OR 1=1 --",
    "<script>",
    "\U0001f600",
    "\u202e",
    ",,,",
    " , ",
    "2024-02-30",
    "2024-01-01T25:00",
    "T",
    "a" * 201,
]


@pytest.mark.parametrize("url", [PAGES, "/api/v2/councils/", "/api/v2/themes/"])
def test_each_parameter_alone_with_hostile_values_is_200_or_a_json_400(client, url):
    from api.filters import COUNCIL_FILTERS, PAGE_FILTERS

    names = {param.name for param in PAGE_FILTERS + COUNCIL_FILTERS} | {"limit", "offset"}
    for name in sorted(names):
        for value in HOSTILE:
            response = client.get(url, {name: value})
            assert response.status_code in (200, 400), (url, name, value)
            assert response.json(), (url, name, value)
