"""CORS, caching, methods, and the OpenAPI document describing every field the API returns."""

import json

import pytest

from api.fields import COUNCIL_FIELDS, PAGE_FIELDS, THEME_FIELDS

pytestmark = pytest.mark.usefixtures("site")

URLS = [
    "/api/v2/",
    "/api/v2/pages/",
    "/api/v2/councils/",
    "/api/v2/themes/",
    "/api/v2/openapi.json",
]
OPENAPI = "/api/v2/openapi.json"


@pytest.mark.parametrize("url", URLS)
def test_any_site_may_read_it(client, url):
    response = client.get(url, HTTP_ORIGIN="https://tools.example.org")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize("url", URLS)
def test_public_answers_may_be_cached_for_five_minutes(client, url):
    response = client.get(url)
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=300"}
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_it_is_read_only(client, url, method):
    response = getattr(client, method)(url, data="{}", content_type="application/json")
    assert response.status_code == 405
    response = getattr(client, method)(f"{url}?limit=x", data="{}", content_type="application/json")
    assert response.status_code == 405


def test_a_signed_in_reader_gets_the_same_public_answer(client, admin_user, site):
    anonymous = client.get("/api/v2/pages/", {"limit": 100}).json()
    client.force_login(admin_user)
    response = client.get("/api/v2/pages/", {"limit": 100})
    assert response.json() == anonymous
    assert "Unfinished draft" not in response.content.decode()
    assert "Members only" not in response.content.decode()  # restricted to signed-in readers
    assert client.get(f"/api/v2/pages/{site['private'].pk}/").status_code == 404


def test_a_page_behind_a_password_stays_out_even_for_who_gave_it(client, site):
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(
        page=site["lesson"], restriction_type="password", password="open sesame"
    )
    session = client.session
    session[restriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    response = client.get("/api/v2/pages/", {"limit": 100})
    assert "Start with the data" not in response.content.decode()
    assert "Cookie" not in response.get("Vary", "")


def test_a_newer_draft_of_a_live_page_is_not_shown(client, site):
    page = site["lesson"]
    page.title = "A draft retitling"
    page.save_revision()
    body = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert body["title"] == "Start with the data"


def test_head_and_odd_formats_answer_without_error(client):
    assert client.head("/api/v2/pages/").status_code == 200
    response = client.get("/api/v2/pages/", {"format": "xml"})
    assert response.status_code == 400
    assert "Unknown query parameter: 'format'" in response.json()["message"]
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406 and response.json()["message"]


def test_errors_are_not_cached_as_public(client):
    response = client.get("/api/v2/pages/", {"limit": "x"})
    assert response.status_code == 400
    assert "public" not in response.get("Cache-Control", "")


# The OpenAPI document ----------------------------------------------------------------------


def document(client):
    response = client.get(OPENAPI)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


def resolve(doc, schema):
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        schema = doc["components"]["schemas"][name]
    return schema


JSON_TYPES = {
    "object": dict,
    "array": list,
    "string": str,
    "integer": int,
    "number": (int, float),
    "boolean": bool,
    "null": type(None),
}


def check(doc, schema, value, where):
    """Every value has its documented type, and every key the API returns is documented."""
    schema = resolve(doc, schema)
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    assert any(
        isinstance(value, JSON_TYPES[kind])
        and not (kind in ("integer", "number") and isinstance(value, bool))
        for kind in kinds
    ), (where, value, kinds)
    if "enum" in schema:
        assert value in schema["enum"], (where, value)
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        undocumented = set(value) - set(properties)
        if isinstance(schema.get("additionalProperties"), dict):
            for key in undocumented:
                check(doc, schema["additionalProperties"], value[key], f"{where}.{key}")
        else:
            assert not undocumented, (where, undocumented)
        assert set(schema.get("required", [])) <= set(value), where
        for key in set(value) & set(properties):
            check(doc, properties[key], value[key], f"{where}.{key}")
    if isinstance(value, list):
        for index, item in enumerate(value):
            check(doc, schema["items"], item, f"{where}[{index}]")


@pytest.mark.parametrize(
    ("url", "schema"),
    [
        ("/api/v2/pages/?limit=100", "PageListing"),
        ("/api/v2/councils/?limit=100", "CouncilListing"),
        ("/api/v2/themes/?limit=100", "ThemeListing"),
    ],
)
def test_every_field_returned_is_documented(client, url, schema):
    doc = document(client)
    check(doc, {"$ref": f"#/components/schemas/{schema}"}, client.get(url).json(), url)


def test_every_detail_is_documented(client, site):
    doc = document(client)
    for page in ("case_study", "lesson", "project", "hidden_contact"):
        data = client.get(f"/api/v2/pages/{site[page].pk}/").json()
        check(doc, {"$ref": "#/components/schemas/Page"}, data, page)


def test_the_document_describes_every_endpoint_parameter_and_field(client):
    doc = document(client)
    assert doc["openapi"] == "3.1.0"
    assert doc["info"]["license"]["name"] == "Open Government Licence v3.0"
    for name in ("pages", "councils", "themes"):
        assert f"/api/v2/{name}/" in doc["paths"] and f"/api/v2/{name}/{{id}}/" in doc["paths"]
    page_params = {p["name"] for p in doc["paths"]["/api/v2/pages/"]["get"]["parameters"]}
    assert page_params == {
        "type",
        "theme",
        "council",
        "nation",
        "phase",
        "stance",
        "updated_since",
        "limit",
        "offset",
    }
    council_params = {p["name"] for p in doc["paths"]["/api/v2/councils/"]["get"]["parameters"]}
    assert council_params == {"nation", "region", "council_type", "limit", "offset"}
    for schema, fields in (
        ("Page", PAGE_FIELDS),
        ("Council", COUNCIL_FIELDS),
        ("Theme", THEME_FIELDS),
    ):
        properties = doc["components"]["schemas"][schema]["properties"]
        documented = set(properties) | set(properties["meta"]["properties"])
        assert {field.name for field in fields} <= documented
        assert all(properties[name].get("description") for name in properties)
    refs = [value for value in _walk(doc) if isinstance(value, str) and value.startswith("#/")]
    for ref in refs:
        assert ref.rsplit("/", 1)[1] in doc["components"]["schemas"], ref


def _walk(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _walk(item)
    elif isinstance(value, list):
        for item in value:
            yield from _walk(item)
    else:
        yield value


def test_the_document_and_the_root_take_no_parameters(client):
    assert client.get(OPENAPI, {"x": "1"}).status_code == 400
    assert client.get("/api/v2/", {"x": "1"}).json()["message"]


def test_the_root_links_to_every_endpoint_and_is_documented(client):
    doc = document(client)
    data = client.get("/api/v2/").json()
    check(
        doc,
        doc["paths"]["/api/v2/"]["get"]["responses"]["200"]["content"]["application/json"][
            "schema"
        ],
        data,
        "root",
    )
    for name in ("pages", "councils", "themes"):
        assert client.get(data["endpoints"][name]).status_code == 200
    assert data["openapi"].endswith(OPENAPI)
