from django import template
from django.template.loader import render_to_string

register = template.Library()


@register.simple_block_tag
def dashboard_listing(content, *headings):
    """A dashboard panel's table: the column headings given, and the rows between the tags."""
    return render_to_string("dashboard/_listing.html", {"headings": headings, "rows": content})
