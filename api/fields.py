"""What each endpoint returns, field by field, as data.

The serializers (api/serializers.py) read values through these lists and the OpenAPI document
(api/openapi.py) describes them from the same lists, so the two cannot drift apart.

Over 300 lines because it is a table: one list per endpoint, read together.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from casestudies.choices import BudgetBand, CollaborationStance, Phase
from casestudies.models import CaseStudyPage, LearningPage, LessonPage, ProjectPage, ThemePage
from core import licence
from councils.models import Nation, Tier

# The values of the pages endpoint's `kind` field and `type` filter.
KINDS = {
    "case-study": CaseStudyPage,
    "lesson": LessonPage,
    "project": ProjectPage,
    "theme": ThemePage,
}
KIND = {"type": "string", "enum": list(KINDS)}
LEARNING_KINDS = ["case-study", "lesson", "project"]
# Who organisers write theme pages for, in the attribution of a theme page.
NETWORK_NAME = "the Shared Endeavour network"


@dataclass(frozen=True)
class Field:
    name: str
    schema: dict
    description: str
    get: Callable[[Any, dict], Any]
    meta: bool = False  # in the item's "meta" object, as Wagtail's API puts page metadata


def nullable(schema):
    kind = schema["type"]
    schema = {**schema, "type": [kind, "null"] if isinstance(kind, str) else [*kind, "null"]}
    if "enum" in schema:
        schema["enum"] = [*schema["enum"], None]
    return schema


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
URL = {"type": "string", "format": "uri"}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}


def enum(choices):
    return {"type": "string", "enum": list(choices.values)}


def array(items):
    return {"type": "array", "items": items}


def _choices_text(choices):
    return "; ".join(f"`{value}`: {label}" for value, label in choices.choices)


def _iso(value):
    return value.isoformat() if value else None


def _number(value):
    if value is None or value == "":
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def _read(name):
    return lambda record, context: getattr(record, name)


def _read_or_null(name):
    """The attribute, with an empty one (a blank text) as null."""
    return lambda record, context: getattr(record, name) or None


def _read_date(name):
    return lambda record, context: _iso(getattr(record, name))


def _looked_up(name):
    """What the view looked up for the record (api/views.py): its address, its counts."""
    return lambda record, context: context[name](record)


def _type_field(type_name):
    return Field(
        "type", STRING, f"Always `{type_name}`.", lambda record, context: type_name, meta=True
    )


# Pages -----------------------------------------------------------------------------------------

COUNCIL_REFERENCE = {
    "type": "object",
    "description": "The council that leads the work.",
    "properties": {
        "code": {**STRING, "description": "Register code (mySociety), e.g. `LDS`."},
        "gss_code": {**STRING, "description": "GSS code of the Office for National Statistics."},
        "slug": {**STRING, "description": "The council's part of its profile's address."},
        "name": {**STRING, "description": "The council's short name."},
        "detail_url": {**URL, "description": "The council in this API."},
    },
    "required": ["code", "gss_code", "slug", "name", "detail_url"],
    "additionalProperties": False,
}
PARTNER = {
    "type": "object",
    "properties": {
        "code": {**STRING, "description": "Register code (mySociety)."},
        "name": {**STRING, "description": "The council's short name."},
        "role": {**STRING, "description": "What this council did, if the page says; else empty."},
    },
    "required": ["code", "name", "role"],
    "additionalProperties": False,
}
THEME_REFERENCE = {
    "type": "object",
    "properties": {"slug": STRING, "name": STRING},
    "required": ["slug", "name"],
    "additionalProperties": False,
}
OUTCOME = {
    "type": "object",
    "properties": {
        "description": {**STRING, "description": "What changed."},
        "value": {"type": ["number", "null"], "description": "The figure after the change."},
        "unit": {"type": ["string", "null"], "description": "e.g. %, days, £, calls."},
        "baseline": {"type": ["number", "null"], "description": "The figure before the change."},
        "period": {"type": ["string", "null"], "description": "When it was measured."},
    },
    "required": ["description", "value", "unit", "baseline", "period"],
    "additionalProperties": False,
}
OUTPUT = {
    "type": "object",
    "properties": {
        "kind": {
            "type": "string",
            "enum": ["code", "service_pattern", "research", "document", "data"],
        },
        "title": STRING,
        "url": URL,
        "description": {"type": ["string", "null"]},
    },
    "required": ["kind", "title", "url", "description"],
    "additionalProperties": False,
}
CONTACT = {
    "type": ["object", "null"],
    "description": "Whom to contact, only when the council chose to show it on the page; "
    "otherwise null.",
    "properties": {"name": STRING, "role": STRING, "email": STRING},
    "required": ["name", "role", "email"],
    "additionalProperties": False,
}
LICENCE = {
    "type": "object",
    "description": "The licence the content is offered under, and the words to credit it with.",
    "properties": {"name": STRING, "url": URL, "attribution": STRING},
    "required": ["name", "url", "attribution"],
    "additionalProperties": False,
}


def kind_of(page):
    return next(kind for kind, model in KINDS.items() if isinstance(page, model))


def _council_reference(council, context):
    return {
        "code": council.code,
        "gss_code": council.gss_code,
        "slug": council.slug,
        "name": council.short_name,
        "detail_url": context["council_url"](council),
    }


def _only(page_type, get):
    """A getter that answers null for a page of any other type (a theme page has no council)."""
    return lambda page, context: get(page, context) if isinstance(page, page_type) else None


def _partners(page, context):
    partners = page.partner_councils() if isinstance(page, LearningPage) else []
    return sorted(council.code for council in partners)


def _partnerships(page, context):
    partners = page.partners.all() if isinstance(page, LearningPage) else []
    return [
        {"code": partner.council.code, "name": partner.council.short_name, "role": partner.role}
        for partner in partners
    ]


def _themes(page, context):
    if isinstance(page, ThemePage):
        return [{"slug": page.theme.slug, "name": page.theme.name}]
    themes = sorted((item.tag for item in page.themed_items.all()), key=lambda t: t.name)
    return [{"slug": theme.slug, "name": theme.name} for theme in themes]


def _outcomes(page, context):
    return [
        {
            "description": block.value.get("description") or "",
            "value": _number(block.value.get("value")),
            "unit": block.value.get("unit") or None,
            "baseline": _number(block.value.get("baseline")),
            "period": block.value.get("period") or None,
        }
        for block in page.outcomes
        if block.block_type == "outcome"
    ]


def _outputs(page, context):
    outputs = getattr(page, "outputs", None)
    if outputs is None:
        return []
    return [
        {
            "kind": block.value.get("kind"),
            "title": block.value.get("title"),
            "url": block.value.get("url"),
            "description": block.value.get("description") or None,
        }
        for block in outputs
        if block.block_type == "output"
    ]


def _cost_band(page, context):
    return getattr(page, "cost_band", None) or getattr(page, "budget_band", None) or None


def _contact(page, context):
    public = getattr(page, "public_contact", None)
    return dict(public) if public else None


def _licence(page, context):
    credited = NETWORK_NAME if isinstance(page, ThemePage) else page.council.official_name
    return {
        "name": licence.LICENCE_NAME,
        "url": licence.LICENCE_URL,
        "attribution": licence.attribution(credited),
    }


def _shared_problems(page, context):
    return len(getattr(page, "api_shared_problems", []))


def _reuses(page, context):
    return len(getattr(page, "api_reuses", []))


def _reusing_councils(page, context):
    return sorted({reuse.council.code for reuse in getattr(page, "api_reuses", [])})


PAGE_FIELDS = [
    Field(
        "type",
        STRING,
        "Wagtail's name of the page type, e.g. `casestudies.CaseStudyPage`.",
        lambda page, context: f"{page._meta.app_label}.{type(page).__name__}",
        meta=True,
    ),
    Field("detail_url", URL, "This page in this API.", _looked_up("page_url"), meta=True),
    Field(
        "html_url",
        URL,
        "The page on the site.",
        lambda page, context: page.get_full_url(request=context["request"]),
        meta=True,
    ),
    Field("slug", STRING, "The last part of the page's address.", _read("slug"), meta=True),
    Field(
        "first_published_at",
        nullable(DATETIME),
        "When the page was first published.",
        _read_date("first_published_at"),
        meta=True,
    ),
    Field(
        "last_published_at",
        nullable(DATETIME),
        "When the page was last published: what `updated_since` compares with.",
        _read_date("last_published_at"),
        meta=True,
    ),
    Field("title", STRING, "The page's title.", _read("title")),
    Field("kind", KIND, "What the page is.", lambda page, context: kind_of(page)),
    Field(
        "summary",
        STRING,
        "Two or three sentences: what happened and why it matters. For a theme page, its "
        "listing summary.",
        lambda page, context: page.get_listing_summary() or "",
    ),
    Field(
        "council",
        nullable(COUNCIL_REFERENCE),
        "The council that leads the work; null for a theme page.",
        _only(LearningPage, lambda page, context: _council_reference(page.council, context)),
    ),
    Field(
        "partner_councils",
        array(STRING),
        "Register codes of the other councils involved (case studies and projects).",
        _partners,
    ),
    Field(
        "partners",
        array(PARTNER),
        "The other councils involved, in the page's order, each with what it did.",
        _partnerships,
    ),
    Field(
        "themes",
        array(THEME_REFERENCE),
        "The page's themes, by name; a theme page lists its own theme.",
        _themes,
    ),
    Field(
        "phase",
        nullable(enum(Phase)),
        f"A project's phase ({_choices_text(Phase)}); null for other pages.",
        _only(ProjectPage, _read("phase")),
    ),
    Field(
        "stance",
        nullable(enum(CollaborationStance)),
        f"A project's collaboration stance ({_choices_text(CollaborationStance)}); "
        "null for other pages.",
        _only(ProjectPage, _read("stance")),
    ),
    Field(
        "outcomes",
        array(OUTCOME),
        "A case study's measurable results.",
        lambda page, context: _outcomes(page, context) if isinstance(page, CaseStudyPage) else [],
    ),
    Field(
        "outputs",
        array(OUTPUT),
        "Reusable outputs of a case study or project: code, service patterns, research, "
        "documents, data.",
        _outputs,
    ),
    Field(
        "cost_band",
        nullable(enum(BudgetBand)),
        f"What a case study cost, or a project's budget ({_choices_text(BudgetBand)}).",
        _cost_band,
    ),
    Field(
        "cost_detail",
        nullable(STRING),
        "A case study's cost in more detail: money, staff time, licences, funding.",
        _only(CaseStudyPage, _read_or_null("cost_detail")),
    ),
    Field(
        "started_on",
        nullable(DATE),
        "When the work started.",
        lambda page, context: _iso(getattr(page, "started_on", None)),
    ),
    Field(
        "finished_on",
        nullable(DATE),
        "When a case study's work finished.",
        _only(CaseStudyPage, _read_date("finished_on")),
    ),
    Field(
        "last_reviewed",
        nullable(DATE),
        "When someone last checked the page is accurate.",
        _read_date("last_reviewed"),
    ),
    Field("contact", CONTACT, CONTACT["description"], _contact),
    Field(
        "we_face_this_too_count",
        INTEGER,
        "How many councils said “we face this too” about the page.",
        _shared_problems,
    ),
    Field(
        "reuse_count",
        INTEGER,
        "How many reuses of the page, or of its outputs, councils recorded.",
        _reuses,
    ),
    Field(
        "reusing_councils",
        array(STRING),
        "Register codes of the councils that recorded a reuse.",
        _reusing_councils,
    ),
    Field("licence", LICENCE, LICENCE["description"], _licence),
]

# Councils --------------------------------------------------------------------------------------


def _council_count(name):
    return lambda council, context: context["council_counts"](council)[name]


COUNCIL_FIELDS = [
    _type_field("councils.Council"),
    Field("detail_url", URL, "This council in this API.", _looked_up("council_url"), meta=True),
    Field(
        "html_url",
        URL,
        "The council's profile on the site.",
        lambda council, context: context["request"].build_absolute_uri(council.get_absolute_url()),
        meta=True,
    ),
    Field("code", STRING, "Register code (mySociety), e.g. `LDS`.", _read("code")),
    Field("gss_code", STRING, "GSS code of the Office for National Statistics.", _read("gss_code")),
    Field("slug", STRING, "The council's part of its profile's address.", _read("slug")),
    Field("name", STRING, "The short name people use.", _read("short_name")),
    Field("official_name", STRING, "The council's official name.", _read("official_name")),
    Field("alternative_names", array(STRING), "Other names people use.", _read("alt_name_list")),
    Field(
        "council_type",
        STRING,
        "Register type code, e.g. `NMD`, `UA`, `CTY`.",
        _read("council_type"),
    ),
    Field(
        "council_type_name",
        STRING,
        "The type in words, e.g. `Non-metropolitan district`.",
        _read("council_type_name"),
    ),
    Field("tier", nullable(enum(Tier)), f"Tier ({_choices_text(Tier)}).", _read_or_null("tier")),
    Field("nation", enum(Nation), "The nation.", _read("nation")),
    Field("region", nullable(STRING), "The region, e.g. `South West`.", _read_or_null("region")),
    Field("population", nullable(INTEGER), "Population (register figure).", _read("population")),
    Field(
        "latitude",
        nullable(NUMBER),
        "Latitude of the council's area (WGS 84).",
        _read("latitude"),
    ),
    Field(
        "longitude",
        nullable(NUMBER),
        "Longitude of the council's area (WGS 84).",
        _read("longitude"),
    ),
    Field(
        "pages_led",
        INTEGER,
        "Published case studies, lessons and projects the council leads.",
        _council_count("pages_led"),
    ),
    Field(
        "partnerships",
        INTEGER,
        "Published case studies and projects the council is a partner on.",
        _council_count("partnerships"),
    ),
    Field(
        "published_learning",
        INTEGER,
        "Published pages the council leads or is a partner on, each counted once.",
        _council_count("published_learning"),
    ),
]

# Themes ----------------------------------------------------------------------------------------

THEME_FIELDS = [
    _type_field("casestudies.Theme"),
    Field("detail_url", URL, "This theme in this API.", _looked_up("theme_url"), meta=True),
    Field(
        "html_url",
        nullable(URL),
        "The theme's page on the site, if it has one.",
        _looked_up("theme_page_url"),
        meta=True,
    ),
    Field("slug", STRING, "What the pages endpoint's `theme` filter takes.", _read("slug")),
    Field("name", STRING, "The theme's name.", _read("name")),
    Field("description", nullable(STRING), "What the theme covers.", _read_or_null("description")),
    Field(
        "page_count",
        INTEGER,
        "Published case studies, lessons and projects with the theme.",
        lambda theme, context: sum(context["theme_counts"](theme).values()),
    ),
    Field(
        "page_counts",
        {
            "type": "object",
            "properties": {kind: INTEGER for kind in LEARNING_KINDS},
            "required": LEARNING_KINDS,
            "additionalProperties": False,
        },
        "The same, by kind.",
        _looked_up("theme_counts"),
    ),
]
