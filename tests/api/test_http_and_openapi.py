"""CORS, caching, methods, and the OpenAPI document describing every field the API returns."""

import json

import pytest

from api.fields import COUNCIL_FIELDS, PAGE_FIELDS, THEME_FIELDS

pytestmark = pytest.mark.usefixtures("site")

URLS = ["/api/v2/pages/", "/api/v2/councils/", "/api/v2/themes/", "/api/v2/openapi.json"]
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


def test_a_signed_in_reader_gets_the_same_public_answer(client, admin_user, site):
    anonymous = client.get("/api/v2/pages/", {"limit": 100}).json()
    client.force_login(admin_user)
    response = client.get("/api/v2/pages/", {"limit": 100})
    assert response.json() == anonymous
    assert "Unfinished draft" not in response.content.decode()


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


JSON_TYPES = {"object": dict, "array": list, "string": str, "integer": int,
              "number": (int, float), "boolean": bool, "null": type(None)}


def check(doc, schema, value, where):
    """Every value has its documented type, and every key the API returns is documented."""
    schema = resolve(doc, schema)
    kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    assert any(isinstance(value, JSON_TYPES[kind]) and not (
        kind in ("integer", "number") and isinstance(value, bool)) for kind in kinds), (
        where, value, kinds)
    if "enum" in schema:
        assert value in schema["enum"], (where, value)
    if isinstance(value, dict):
        undocumented = set(value) - set(schema["properties"])
        assert not undocumented, (where, undocumented)
        assert set(schema.get("required", [])) <= set(value), where
        for key, item in value.items():
            check(doc, schema["properties"][key], item, f"{where}.{key}")
    if isinstance(value, list):
        for index, item in enumerate(value):
            check(doc, schema["items"], item, f"{where}[{index}]")


@pytest.mark.parametrize(("url", "schema"), [
    ("/api/v2/pages/?limit=100", "PageListing"),
    ("/api/v2/councils/?limit=100", "CouncilListing"),
    ("/api/v2/themes/?limit=100", "ThemeListing"),
])
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
    assert page_params == {"type", "theme", "council", "nation", "phase", "stance",
                           "updated_since", "limit", "offset"}
    council_params = {p["name"] for p in doc["paths"]["/api/v2/councils/"]["get"]["parameters"]}
    assert council_params == {"nation", "region", "council_type", "limit", "offset"}
    for schema, fields in (("Page", PAGE_FIELDS), ("Council", COUNCIL_FIELDS),
                           ("Theme", THEME_FIELDS)):
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


def test_the_document_takes_no_parameters(client):
    assert client.get(OPENAPI, {"x": "1"}).status_code == 400
