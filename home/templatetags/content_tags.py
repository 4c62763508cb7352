"""Filters and tags for listing and content templates."""

from decimal import Decimal, InvalidOperation

from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import QueryDict

from core import content_version

register = template.Library()

PREFIX_UNITS = {"£", "$", "€"}
ATTACHED_UNITS = {"%", "k", "m", "x"}


def _number(value):
    """41, 41.5, 1,250: no trailing zeros, thousands separated."""
    if value in (None, ""):
        return ""
    try:
        number = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    number = number.quantize(Decimal(1)) if number == number.to_integral() else number.normalize()
    return intcomma(f"{number:f}")


def _with_unit(value, unit):
    number = _number(value)
    unit = (unit or "").strip()
    if not number or not unit:
        return number
    if unit in PREFIX_UNITS:
        return f"{unit}{number}"
    if unit.lower() in ATTACHED_UNITS:
        return f"{number}{unit}"
    return f"{number} {unit}"


@register.filter
def figure(value, unit=""):
    """A measured value with its unit: 41 days, 12%, £3,400."""
    return _with_unit(value, unit)


@register.simple_tag
def outcome_figure(outcome):
    """One line for an outcome: '41 days (was 96) in 2023/24'."""
    unit = (outcome.get("unit") or "").strip()
    text = _with_unit(outcome.get("value"), unit)
    # "41 days (was 96)", but "62% (was 18%)" and "£3,400 (was £5,000)".
    symbol = unit in PREFIX_UNITS or unit.lower() in ATTACHED_UNITS
    baseline = _with_unit(outcome.get("baseline"), unit if symbol else "")
    if text and baseline:
        text = f"{text} (was {baseline})"
    period = (outcome.get("period") or "").strip()
    if text and period:
        text = f"{text} in {period}"
    return text


@register.filter
def choice_label(bound_block):
    """The human label of a ChoiceBlock value inside a StructBlock (value.bound_blocks.x)."""
    choices = dict(bound_block.block.field.choices)
    return choices.get(bound_block.value, bound_block.value)


@register.simple_tag(takes_context=True)
def url_without(context, name, value):
    """The current query string without one name=value pair, back on the first page."""
    request = context["request"]
    query = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        if key == "page":
            continue
        kept = [item for item in values if not (key == name and item == value)]
        if kept:
            query.setlist(key, kept)
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else request.path


# Filter keys in listing contexts -> (query parameter, heading shown to people).
FILTER_GROUPS = {
    "kinds": ("kind", "Type"),
    "themes": ("theme", "Theme"),
    "council_types": ("council_type", "Council type"),
    "nations": ("nation", "Nation"),
    "nation": ("nation", "Nation"),
    "region": ("region", "Region"),
    "english_region": ("region", "Region of England"),
    "council_type": ("council_type", "Council type"),
}


@register.simple_tag
def filter_groups(filters, keys):
    """The named filters, in order, as dicts of name, legend, options and selected."""
    groups = []
    for key in keys.split(","):
        key = key.strip()
        options = filters.get(key) or []
        if not options:
            continue
        name, legend = FILTER_GROUPS[key]
        groups.append(
            {
                "name": name,
                "legend": legend,
                "options": options,
                "selected": [(value, label) for value, label, checked in options if checked],
            }
        )
    return groups


@register.simple_tag(takes_context=True)
def theme_links(context, themes):
    """(theme, url of its live theme page or None) for each theme: the theme pages' addresses
    are read once per content version."""
    from casestudies.models import ThemePage

    request = context.get("request")

    def theme_urls():
        pages = (
            ThemePage.objects.live().public().only("id", "theme_id", "url_path", "depth", "path")
        )
        return {page.theme_id: page.get_url(request) for page in pages}

    themes = list(themes)
    host = request.get_host() if request is not None else ""
    urls = content_version.cached(f"theme-urls:{host}", theme_urls)
    return [(theme, urls.get(theme.pk)) for theme in themes]


@register.simple_tag
def lessons_drawn_from(page):
    """Live lessons that name this case study or project as a source, in one query."""
    from casestudies.models import LessonPage

    return list(
        LessonPage.objects.live()
        .public()
        .filter(sources__page=page)
        .select_related("council")
        .order_by("-first_published_at")
    )


@register.simple_tag
def lesson_sources(lesson):
    """The live case studies and projects a lesson came from, in the editor's order."""
    from casestudies.models import LearningPage

    ids = list(lesson.sources.order_by("sort_order").values_list("page_id", flat=True))
    pages = LearningPage.objects.live().public().filter(pk__in=ids).select_related("council")
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


@register.filter
def other_names(council):
    """A council's alternative names without repeats or its own names, whatever the case."""
    return council.other_names
