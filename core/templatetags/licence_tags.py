"""The licence statement on content pages and in the footer, worded in core/licence.py."""

from django import template

from core import licence

register = template.Library()


@register.simple_tag
def licence_info():
    return licence.licence_summary() | {"short_name": licence.LICENCE_SHORT_NAME}


@register.inclusion_tag("components/licence.html")
def licence_statement(council=None):
    """The licence and, for a page with a council, the sentence that credits it."""
    return {
        "licence": licence_info(),
        "attribution": licence.attribution(council.official_name) if council else "",
    }
