from django.http import QueryDict
from django.urls import reverse
from django.views.generic import TemplateView

from . import map as uk_map
from .figures import all_figures


def search_link(**params):
    query = QueryDict(mutable=True)
    for name, value in params.items():
        query[name] = value
    return f"{reverse('search:search')}?{query.urlencode()}"


def theme_table(figures, facet, columns, counts):
    """Rows of theme × column counts, each non-zero cell with the search that lists them."""
    rows = []
    for theme in figures.themes:
        cells = []
        for column in columns:
            count = counts.get((theme.slug, column), 0)
            cells.append(
                {
                    "column": column,
                    "count": count,
                    "url": search_link(theme=theme.slug, **{facet: column}) if count else None,
                }
            )
        total = figures.by_theme.get(theme.slug, 0)
        rows.append(
            {
                "theme": theme,
                "cells": cells,
                "total": total,
                "url": search_link(theme=theme.slug) if total else None,
            }
        )
    return {"columns": columns, "rows": rows}


def map_context(councils, places, linked=True):
    return {
        "markers": uk_map.markers(councils),
        "places": uk_map.places(places),
        "view_box": uk_map.VIEW_BOX,
        "width": uk_map.WIDTH,
        "height": uk_map.HEIGHT,
        "linked": linked,
    }


class InsightsView(TemplateView):
    template_name = "insights/insights.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = all_figures()
        context.update(
            {
                "figures": figures,
                "map": map_context(figures.councils, figures.places),
                "nation_table": theme_table(figures, "nation", figures.nations, figures.by_nation),
                "region_table": theme_table(figures, "region", figures.regions, figures.by_region),
                "not_yet_count": sum(len(councils) for _, councils in figures.not_yet),
            }
        )
        return context
