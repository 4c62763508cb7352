"""The OpenAPI 3.1 document of the API, built from the same field and parameter lists the
endpoints use (api/fields.py, api/filters.py), so it describes exactly what they do."""

from core import licence

from . import filters, params
from .fields import COUNCIL_FIELDS, PAGE_FIELDS, THEME_FIELDS, URL

ENDPOINTS = [
    # (name, title, schema name, fields, filters, what a listing holds)
    (
        "pages",
        "Pages",
        "Page",
        PAGE_FIELDS,
        filters.PAGE_FILTERS,
        "Published, public case studies, lessons, projects and theme pages, oldest id first.",
    ),
    (
        "councils",
        "Councils",
        "Council",
        COUNCIL_FIELDS,
        filters.COUNCIL_FILTERS,
        "Every current council in the register, by name.",
    ),
    (
        "themes",
        "Themes",
        "Theme",
        THEME_FIELDS,
        filters.THEME_FILTERS,
        "The curated themes, by name.",
    ),
]


def item_schema(fields, type_name):
    meta = [field for field in fields if field.meta]
    body = [field for field in fields if not field.meta]
    return {
        "type": "object",
        "properties": {
            "id": {"type": "integer", "description": f"The {type_name.lower()}'s id."},
            "meta": {
                "type": "object",
                "description": "Where the item is, on the site and in this API, and what it is.",
                "properties": {
                    field.name: {**field.schema, "description": field.description} for field in meta
                },
                "required": [field.name for field in meta],
                "additionalProperties": False,
            },
            **{field.name: {**field.schema, "description": field.description} for field in body},
        },
        "required": ["id", "meta", *[field.name for field in body]],
        "additionalProperties": False,
    }


LICENCE_SUMMARY = {
    "type": "object",
    "properties": {
        "name": {"type": "string"},
        "url": URL,
        "attribution": {"type": "string"},
        "register_credit": {"type": "string"},
    },
    "required": ["name", "url", "attribution", "register_credit"],
    "additionalProperties": False,
}
ERROR = {
    "type": "object",
    "properties": {
        "message": {"type": "string", "description": "What was wrong, and what to send instead."}
    },
    "required": ["message"],
    "additionalProperties": False,
}


ROOT = {
    "type": "object",
    "properties": {
        "endpoints": {
            "type": "object",
            "additionalProperties": URL,
            "description": "Each listing's URL, by endpoint name.",
        },
        "openapi": {**URL, "description": "This document."},
        "licence": {"$ref": "#/components/schemas/LicenceSummary"},
    },
    "required": ["endpoints", "openapi", "licence"],
    "additionalProperties": False,
}


def listing_schema(schema_name):
    return {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {
                    "total_count": {
                        "type": "integer",
                        "description": "How many items match, on every page.",
                    },
                    "licence": {"$ref": "#/components/schemas/LicenceSummary"},
                },
                "required": ["total_count", "licence"],
                "additionalProperties": False,
            },
            "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{schema_name}"}},
        },
        "required": ["meta", "items"],
        "additionalProperties": False,
    }


def parameter(param):
    schema = {"type": "array", "items": param.schema} if param.many else param.schema
    described = param.description + (
        " Several values: separate them with commas; an item matching any of them is returned."
        if param.many
        else ""
    )
    return {
        "name": param.name,
        "in": "query",
        "required": False,
        "description": described,
        "schema": schema,
        **({"style": "form", "explode": False} if param.many else {}),
    }


def _json(description, ref):
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ref}"}}},
    }


BAD_REQUEST = _json("An unknown or repeated parameter, or a value the API cannot read.", "Error")
NOT_FOUND = _json("No such item, or it is not published.", "Error")


def paths():
    found = {}
    for name, title, schema_name, _fields, query, description in ENDPOINTS:
        found[f"/api/v2/{name}/"] = {
            "get": {
                "operationId": f"list{title}",
                "summary": f"List {title.lower()}",
                "description": description,
                "tags": [title],
                "parameters": [parameter(param) for param in query + params.PAGINATION],
                "responses": {
                    "200": _json(f"A page of {title.lower()}.", f"{schema_name}Listing"),
                    "400": BAD_REQUEST,
                },
            }
        }
        found[f"/api/v2/{name}/{{id}}/"] = {
            "get": {
                "operationId": f"get{schema_name}",
                "summary": f"One of the {title.lower()}",
                "tags": [title],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
                ],
                "responses": {
                    "200": _json(f"The {schema_name.lower()}.", schema_name),
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            }
        }
    found["/api/v2/"] = {
        "get": {
            "operationId": "getRoot",
            "summary": "Where the endpoints are",
            "tags": ["About the API"],
            "responses": {
                "200": {
                    "description": "The endpoints' URLs, and the licence.",
                    "content": {"application/json": {"schema": ROOT}},
                },
                "400": BAD_REQUEST,
            },
        }
    }
    found["/api/v2/openapi.json"] = {
        "get": {
            "operationId": "getOpenAPIDocument",
            "summary": "This document",
            "tags": ["About the API"],
            "responses": {
                "200": {
                    "description": "The OpenAPI 3.1 document.",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                "400": BAD_REQUEST,
            },
        }
    }
    return found


def schemas():
    found = {"LicenceSummary": LICENCE_SUMMARY, "Error": ERROR}
    for _name, _title, schema_name, fields, _query, _description in ENDPOINTS:
        found[schema_name] = item_schema(fields, schema_name)
        found[f"{schema_name}Listing"] = listing_schema(schema_name)
    return found


def build_document(request=None):
    server = request.build_absolute_uri("/").rstrip("/") if request else "/"
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Shared Endeavour open data API",
            "version": "2",
            "summary": "Read-only JSON of the learning councils publish on Shared Endeavour.",
            "description": (
                "No key is needed and any site may read it (CORS is open for GET). Answers "
                "may be cached for five minutes. Only published, public content is included, "
                "and a contact only where the council shows it on the page. "
                f"Content: {licence.LICENCE_NAME} ({licence.LICENCE_URL}); credit it as "
                f"“{licence.attribution('<council>')}”. {licence.REGISTER_CREDIT} "
                f"({licence.REGISTER_LICENCE_URL}). See docs/api.md for examples."
            ),
            "license": {"name": licence.LICENCE_NAME, "url": licence.LICENCE_URL},
        },
        "servers": [{"url": server}],
        "paths": paths(),
        "components": {"schemas": schemas()},
    }
