"""The home page's small map and headline numbers."""

from django import template

from ..figures import headline_figures
from ..views import map_context

register = template.Library()


@register.inclusion_tag("insights/includes/summary.html")
def insights_summary():
    figures = headline_figures()
    count = figures.headlines.councils
    return {
        "headlines": figures.headlines,
        "map": map_context(figures.councils, figures.places, linked=False),
        "map_title": f"Map of the UK: {count} council{'s' if count != 1 else ''} "
        "with published learning, each a circle sized by how much",
    }
