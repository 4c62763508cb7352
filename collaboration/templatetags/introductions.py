"""The next steps after a list of councils facing similar problems.

    {% load introductions %}
    {% if request.user|may_introduce %}…{% endif %}
    {% introduce_url first second page problem %}
    {% help_request_url text %}
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from .. import introductions

register = template.Library()

HELP_REQUEST_PATH = "/working-together/help/new/"


@register.filter
def may_introduce(user):
    return introductions.may_introduce(user)


@register.simple_tag
def introduce_url(first, second=None, page=None, problem=""):
    values = {"first": first.slug}
    if second is not None:
        values["second"] = second.slug
    if page is not None:
        values["page"] = page.pk
    if problem:
        values["problem"] = problem[:introductions.MAX_PROBLEM_LENGTH]
    return f"{reverse('collaboration:introduce')}?{urlencode(values)}"


@register.simple_tag
def help_request_url(text):
    return f"{HELP_REQUEST_PATH}?{urlencode({'text': text[:introductions.MAX_PROBLEM_LENGTH]})}"
