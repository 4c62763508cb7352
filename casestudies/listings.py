"""Listing helpers shared by index, theme, home and council pages.

Every helper here runs a fixed number of queries however many items it lists.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

from core import content_version
from core.pagination import ContentPaginator, paginate
from core.params import MAX_FILTER_VALUES
from core.public_pages import live_public_q
from councils.models import Council, Nation

from .kinds import kinds as page_kinds


def _clean_values(request, name, allowed):
    """Known values of a repeated query parameter; anything else is reported, not raised."""
    raw = request.GET.getlist(name)[:MAX_FILTER_VALUES]
    values, unknown = [], []
    for value in raw:
        value = value.strip()[:100]
        if not value:
            continue
        if value in allowed:
            if value not in values:
                values.append(value)
        else:
            unknown.append(value)
    return values, unknown


def filtered_listing(request, queryset, show_kind=True):
    """Filter a LearningPage queryset by the request's theme, kind, nation and council type."""
    from .models import Theme

    themes = list(Theme.objects.order_by("name"))
    theme_slugs = {theme.slug: theme for theme in themes}
    council_types = dict(
        Council.objects.current()
        .order_by()
        .values_list("council_type", "council_type_name")
        .distinct()
    )
    kinds = page_kinds()

    selected_themes, unknown_themes = _clean_values(request, "theme", theme_slugs)
    selected_types, unknown_types = _clean_values(request, "council_type", council_types)
    selected_nations, unknown_nations = _clean_values(request, "nation", Nation.values)
    selected_kinds, unknown_kinds = _clean_values(request, "kind", kinds) if show_kind else ([], [])

    if selected_themes:
        queryset = queryset.with_themes([theme_slugs[slug] for slug in selected_themes])
    if selected_types:
        queryset = queryset.filter(council__council_type__in=selected_types)
    if selected_nations:
        queryset = queryset.filter(council__nation__in=selected_nations)
    if selected_kinds:
        content_types = ContentType.objects.get_for_models(
            *[kinds[kind][1] for kind in selected_kinds]
        ).values()
        queryset = queryset.filter(content_type__in=content_types)

    queryset = queryset.for_listing().order_by("-first_published_at", "-id")
    paginator, page = paginate(request, queryset, paginator_class=ContentPaginator)
    unknown = unknown_themes + unknown_types + unknown_nations + unknown_kinds
    return {
        "paginator": paginator,
        "items": page,
        "filters": {
            "themes": [(t.slug, t.name, t.slug in selected_themes) for t in themes],
            "council_types": [
                (code, name, code in selected_types)
                for code, name in sorted(council_types.items(), key=lambda item: item[1])
            ],
            "nations": [(n, n, n in selected_nations) for n in Nation.values],
            "kinds": [(k, label, k in selected_kinds) for k, (label, _) in kinds.items()]
            if show_kind
            else [],
        },
        "active_filter_count": len(selected_themes)
        + len(selected_types)
        + len(selected_nations)
        + len(selected_kinds),
        "unknown_filters": unknown,
    }


def featured_pages(queryset, featured_items):
    """The live pages among an organiser's featured items, in the order the organiser chose."""
    ids = [item.page_id for item in featured_items]
    pages = {page.pk: page for page in queryset.filter(pk__in=ids).for_listing()}
    return [pages[pk] for pk in ids if pk in pages]


def theme_counts():
    """How many live, public learning pages carry each theme, by theme id: one aggregate
    query per content version (core.content_version), not one per render."""
    return content_version.cached("theme-counts", _theme_counts)


def _theme_counts():
    from .models import ThemedPage

    rows = (
        ThemedPage.objects.filter(live_public_q("content_object"))
        .values("tag_id")
        .annotate(total=Count("content_object", distinct=True))
    )
    return {row["tag_id"]: row["total"] for row in rows}


def home_page_context(home_page):
    """What the home page shows. The totals (items, councils taking part, the top councils,
    items per theme) are aggregates computed once per content version and cached, so a
    render reads them without scanning the site; the latest and featured items are a fixed
    number of rows."""
    from .models import LearningPage, Theme, ThemePage

    live = LearningPage.objects.live().public()
    counts = theme_counts()
    theme_pages = {
        page.theme_id: page
        for page in ThemePage.objects.live()
        .public()
        .only("id", "theme_id", "url_path", "depth", "path")
    }
    themes = [
        (theme, counts.get(theme.pk, 0), theme_pages.get(theme.pk))
        for theme in Theme.objects.order_by("name")
    ]
    totals = content_version.cached("home-totals", _home_totals)
    top = {council.pk: council for council in Council.objects.filter(pk__in=totals["top"])}
    taking_part = []
    for pk, total in totals["top"].items():
        if pk in top:
            top[pk].total = total
            taking_part.append(top[pk])
    return {
        "latest_items": list(live.for_listing().order_by("-first_published_at")[:6]),
        "featured_pages": featured_pages(live, home_page.featured_items.all()),
        "themes_with_counts": themes,
        "councils_taking_part": taking_part,
        "council_count": totals["councils"],
        "item_count": totals["items"],
        "council_choices": content_version.cached(
            "council-choices",
            lambda: list(
                Council.objects.current().order_by("short_name").values_list("slug", "short_name")
            ),
        ),
    }


def _home_totals():
    from .models import LearningPage

    live = LearningPage.objects.live().public()
    taking_part = (
        Council.objects.filter(Q(learning_pages__in=live.values("pk")))
        .annotate(total=Count("learning_pages", distinct=True))
        .order_by("-total", "short_name")
    )
    return {
        "top": dict(taking_part.values_list("pk", "total")[:12]),
        "councils": taking_part.count(),
        "items": live.count(),
    }
