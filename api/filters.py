"""The filters of each endpoint: every value is checked, and an unknown one is a 400."""

from django.db.models import Q

from wagtail.api.v2.utils import BadRequestError

from casestudies.choices import CollaborationStance, Phase
from casestudies.models import LearningPage, Theme, ThemedPage, ThemePage
from councils.models import Council, Nation

from . import params
from .fields import KINDS
from .params import Param

PAGE_FILTERS = [
    Param(
        "type",
        "Only these kinds of page: " + ", ".join(KINDS) + ".",
        {"type": "string", "enum": list(KINDS)},
        many=True,
    ),
    Param(
        "theme",
        "Only pages with one of these themes (theme slugs, as the themes endpoint "
        "lists them); a theme page matches its own theme.",
        {"type": "string"},
        many=True,
    ),
    Param(
        "council",
        "Only pages these councils lead or are partners on (council slug, "
        "register code or GSS code).",
        {"type": "string"},
        many=True,
    ),
    Param(
        "nation",
        "Only pages whose lead council is in one of these nations.",
        {"type": "string", "enum": list(Nation.values)},
        many=True,
    ),
    Param(
        "phase",
        "Only projects in one of these phases.",
        {"type": "string", "enum": list(Phase.values)},
        many=True,
    ),
    Param(
        "stance",
        "Only projects with one of these collaboration stances.",
        {"type": "string", "enum": list(CollaborationStance.values)},
        many=True,
    ),
    Param(
        "updated_since",
        "Only pages published (first or again) at or after this date, or "
        "date and time (ISO 8601; a date alone means midnight UK time).",
        {"type": "string", "examples": ["2025-01-31", "2025-01-31T09:00:00Z"]},
    ),
]

COUNCIL_FILTERS = [
    Param(
        "nation",
        "Only councils in one of these nations.",
        {"type": "string", "enum": list(Nation.values)},
        many=True,
    ),
    Param(
        "region",
        "Only councils in one of these regions, e.g. `South West`.",
        {"type": "string"},
        many=True,
    ),
    Param(
        "council_type",
        "Only councils of these register types, e.g. `NMD`, `UA`, `CTY`.",
        {"type": "string"},
        many=True,
    ),
]

THEME_FILTERS = []


def _all_known(name, given, known):
    folded = {value.casefold() for value in known}
    unknown = [value for value in given if value.casefold() not in folded]
    if unknown:
        listed = ", ".join(params._shown(value) for value in unknown[:5])
        raise BadRequestError(f"No {name} matches {listed}.")


def filter_pages(request, queryset):
    kinds = params.choices(request, "type", list(KINDS))
    if kinds:
        queryset = queryset.type(*[KINDS[kind] for kind in kinds])

    themes = params.values(request, "theme")
    if themes:
        _all_known(
            "theme", themes, Theme.objects.filter(slug__in=themes).values_list("slug", flat=True)
        )
        queryset = queryset.filter(
            Q(pk__in=ThemedPage.objects.filter(tag__slug__in=themes).values("content_object_id"))
            | Q(pk__in=ThemePage.objects.filter(theme__slug__in=themes).values("pk"))
        )

    councils = params.values(request, "council")
    if councils:
        codes = [value.upper() for value in councils]
        matched = Council.objects.filter(
            Q(slug__in=councils) | Q(code__in=codes) | Q(gss_code__in=codes)
        )
        names = set()
        for slug, code, gss_code in matched.values_list("slug", "code", "gss_code"):
            names.update([slug, code, gss_code])
        _all_known("council", councils, names)
        queryset = queryset.filter(pk__in=LearningPage.objects.involving(matched).values("pk"))

    nations = params.choices(request, "nation", Nation.values)
    if nations:
        queryset = queryset.filter(learningpage__council__nation__in=nations)

    phases = params.choices(request, "phase", Phase.values)
    if phases:
        queryset = queryset.filter(learningpage__projectpage__phase__in=phases)

    stances = params.choices(request, "stance", CollaborationStance.values)
    if stances:
        queryset = queryset.filter(learningpage__projectpage__stance__in=stances)

    since = params.since(request, "updated_since")
    if since is not None:
        queryset = queryset.filter(last_published_at__gte=since)
    return queryset.order_by("pk")


def filter_councils(request, queryset):
    nations = params.choices(request, "nation", Nation.values)
    if nations:
        queryset = queryset.filter(nation__in=nations)
    if params.values(request, "region"):
        known = Council.objects.current().order_by().values_list("region", flat=True).distinct()
        queryset = queryset.filter(region__in=params.choices(request, "region", list(known)))
    if params.values(request, "council_type"):
        known = (
            Council.objects.current().order_by().values_list("council_type", flat=True).distinct()
        )
        queryset = queryset.filter(
            council_type__in=params.choices(request, "council_type", list(known))
        )
    return queryset.order_by("short_name", "pk")


def filter_themes(request, queryset):
    return queryset.order_by("name", "pk")
