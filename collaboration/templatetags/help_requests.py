"""Requests for help shown on other apps' pages, which never import collaboration's code.

{% load help_requests %}
{% open_help_requests theme %}
{% help_requests_matching query %}
"""

from django import template

from .. import help as help_requests

register = template.Library()


@register.inclusion_tag("collaboration/help_on_theme.html")
def open_help_requests(theme):
    return {"help_requests": help_requests.open_requests_for_theme(theme), "theme": theme}


@register.inclusion_tag("collaboration/help_search_results.html")
def help_requests_matching(query):
    return {"help_requests": help_requests.requests_matching(query), "query": query}
