"""The filters of each endpoint: every value is checked, and an unknown one is a 400."""

from django.db.models import Q

from wagtail.api.v2.utils import BadRequestError

from casestudies.choices import CollaborationStance, Phase
from casestudies.models import LearningPage, Theme, ThemedPage, ThemePage
from councils.models import Council, Nation

from . import params
from .fields import KIND, KINDS, STRING, enum
from .params import Param


def _several(name, description, schema=STRING):
    """A filter that takes several values, separated by commas."""
    return Param(name, description, schema, many=True)


PAGE_FILTERS = [
    _several("type", "Only these kinds of page: " + ", ".join(KINDS) + ".", KIND),
    _several(
        "theme",
        "Only pages with one of these themes (theme slugs, as the themes endpoint "
        "lists them); a theme page matches its own theme.",
    ),
    _several(
        "council",
        "Only pages these councils lead or are partners on (council slug, "
        "register code or GSS code).",
    ),
    _several("nation", "Only pages whose lead council is in one of these nations.", enum(Nation)),
    _several("phase", "Only projects in one of these phases.", enum(Phase)),
    _several(
        "stance",
        "Only projects with one of these collaboration stances.",
        enum(CollaborationStance),
    ),
    Param(
        "updated_since",
        "Only pages published (first or again) at or after this date, or "
        "date and time (ISO 8601; a date alone means midnight UK time).",
        {"type": "string", "examples": ["2025-01-31", "2025-01-31T09:00:00Z"]},
    ),
]

COUNCIL_FILTERS = [
    _several("nation", "Only councils in one of these nations.", enum(Nation)),
    _several("region", "Only councils in one of these regions, e.g. `South West`."),
    _several("council_type", "Only councils of these register types, e.g. `NMD`, `UA`, `CTY`."),
]

THEME_FILTERS = []


def _all_known(name, given, known):
    folded = {value.casefold() for value in known}
    unknown = [value for value in given if value.casefold() not in folded]
    if unknown:
        listed = ", ".join(params._shown(value) for value in unknown[:5])
        raise BadRequestError(f"No {name} matches {listed}.")


def _one_of(request, queryset, name, allowed, field):
    """Only the items whose `field` is one of the values given for `name`, each of them one of
    `allowed`; all of them when none is given."""
    chosen = params.choices(request, name, allowed)
    return queryset.filter(**{f"{field}__in": chosen}) if chosen else queryset


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

    queryset = _one_of(request, queryset, "nation", Nation.values, "learningpage__council__nation")
    queryset = _one_of(request, queryset, "phase", Phase.values, "learningpage__projectpage__phase")
    queryset = _one_of(
        request, queryset, "stance", CollaborationStance.values, "learningpage__projectpage__stance"
    )

    since = params.since(request, "updated_since")
    if since is not None:
        queryset = queryset.filter(last_published_at__gte=since)
    return queryset.order_by("pk")


def filter_councils(request, queryset):
    queryset = _one_of(request, queryset, "nation", Nation.values, "nation")
    for column in ("region", "council_type"):
        if params.values(request, column):  # the known values cost a query: only when asked
            known = Council.objects.current().order_by().values_list(column, flat=True).distinct()
            queryset = _one_of(request, queryset, column, list(known), column)
    return queryset.order_by("short_name", "pk")


def filter_themes(request, queryset):
    return queryset.order_by("name", "pk")
