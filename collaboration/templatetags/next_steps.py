"""The next steps after a list of councils facing similar problems.

{% load next_steps %}
{% page_contacts matches as contacts %}  (once per list, before the loop)
{% with contact=contacts|contact_for:match %}…{% endwith %}
{% if request.user|may_introduce %}…{% endif %}
{% introduce_url first second page problem %}
{% help_request_url text %}
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from casestudies.models import CaseStudyPage, ProjectPage

from .. import introductions

register = template.Library()

HELP_REQUEST_PATH = "/working-together/help/new/"


@register.filter
def may_introduce(user):
    return introductions.may_introduce(user)


@register.simple_tag
def page_contacts(matches):
    """The public contact of each match's closest page, by page id: one query per page type
    with a contact, however many matches."""
    ids = [match.items[0].page.pk for match in matches or () if match.items]
    contacts = {}
    if ids:
        for model in (CaseStudyPage, ProjectPage):
            for page in (
                model.objects.filter(pk__in=ids, contact_is_public=True)
                .exclude(contact_email="")
                .only("contact_name", "contact_role", "contact_email", "contact_is_public")
            ):
                contacts[page.pk] = page.public_contact
    return contacts


@register.filter
def contact_for(contacts, match):
    if not contacts or not match.items:
        return None
    return contacts.get(match.items[0].page.pk)


@register.simple_tag
def introduce_url(first, second=None, page=None, problem=""):
    values = {"first": first.slug}
    if second:
        values["second"] = second.slug
    if page:
        values["page"] = page.pk
    if problem:
        values["problem"] = problem[: introductions.MAX_PROBLEM_LENGTH]
    return f"{reverse('collaboration:introduce')}?{urlencode(values)}"


@register.simple_tag
def help_request_url(text):
    return f"{HELP_REQUEST_PATH}?{urlencode({'text': text[: introductions.MAX_PROBLEM_LENGTH]})}"


@register.simple_tag
def introductions_listing_url(council):
    return introductions.admin_listing_url(council)
