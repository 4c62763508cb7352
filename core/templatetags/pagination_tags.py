"""Tags for components/pagination.html, the one pagination component."""

from django import template
from django.http import QueryDict

register = template.Library()


@register.simple_tag
def page_range(page, on_each_side=1, on_ends=1):
    """Page numbers for pagination, with None where the list skips some."""
    ellipsis = page.paginator.ELLIPSIS
    return [
        None if number == ellipsis else number
        for number in page.paginator.get_elided_page_range(
            page.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]


@register.simple_tag(takes_context=True)
def page_link(context, number, querystring=None, param=None):
    """`?…&page=N`: the given query string (without its page), or else the request's;
    `param` names the page parameter when it is not `page`."""
    if not querystring:
        query = context["request"].GET.copy()
    else:
        query = QueryDict(querystring, mutable=True)
    query[param or "page"] = number
    return f"?{query.urlencode()}"
