from django import template

from .. import reuses, shared_problems

register = template.Library()


@register.simple_tag
def councils_facing(page):
    """The councils that said they face page's problem, in one query."""
    return shared_problems.shown_for_page(page)


@register.simple_tag
def reuses_of(page):
    """{"records", "council_count"} for a case study or project, in one query; None for a
    page that cannot be reused."""
    return reuses.shown_for_page(page) if reuses.can_be_reused(page) else None
