"""Feed links and follow buttons for other apps' pages, which never import following's code.

    {% load following_tags %}
    {% block feeds %}{% feed_link "theme" page.theme %}{% endblock %}  (in <head>)
    {% follow_button page.theme %}       a theme, a council or a project
    {% follow_search_button params %}    on /search/

Anonymous readers all get the same HTML (a sign-in link), so cached pages stay shared.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from casestudies.models import ProjectPage, Theme
from core.emails import absolute_url
from councils.models import Council

from .. import feeds, follows, subjects

register = template.Library()


def _index_kind(page):
    for slug, (_name, _page_type, index_type) in feeds.KINDS.items():
        if isinstance(page.specific, index_type):
            return slug
    return None


def feed_for(kind, subject=None):
    """(title, path) of the feed of a subject, or None."""
    if kind == "all":
        return "Everything new on Shared Endeavour", reverse("following:feed_all")
    if kind == "theme" and isinstance(subject, Theme):
        return f"New in {subject.name}", reverse("following:feed_theme", args=[subject.slug])
    if kind == "council" and isinstance(subject, Council):
        return (
            f"New from {subject.short_name}",
            reverse("following:feed_council", args=[subject.slug]),
        )
    if kind == "index" and subject is not None and (slug := _index_kind(subject)):
        return (f"New {feeds.KINDS[slug][0].lower()}", reverse("following:feed_kind", args=[slug]))
    if kind == "project" and isinstance(subject, ProjectPage):
        return (
            f"Progress on {subject.title}",
            reverse("following:feed_project", args=[subject.pk]),
        )
    if kind == "help":
        return "Open requests for help", reverse("following:feed_help")
    if kind == "search" and subject is not None:
        query = subjects.query_of(subject)
        path = reverse("following:feed_search") + (f"?{query}" if query else "")
        return f"Search: {subjects.describe_search(subject)}", path
    return None


@register.simple_tag
def feed_link(kind, subject=None):
    """<link rel="alternate"> to the Atom feed of what the page shows."""
    feed = feed_for(kind, subject)
    if feed is None:
        return ""
    title, path = feed
    return format_html(
        '<link rel="alternate" type="application/atom+xml" title="{}" href="{}">',
        f"{title} (Atom feed)",
        absolute_url(path),
    )


@register.simple_tag
def feed_url(kind, subject=None):
    feed = feed_for(kind, subject)
    return feed[1] if feed else ""


@register.inclusion_tag("following/includes/follow.html", takes_context=True)
def follow_button(context, subject):
    request = context.get("request")
    kind = follows.kind_of(subject)
    user = getattr(request, "user", None)
    follow_urls = {
        "theme": lambda: reverse("following:follow_theme", args=[subject.slug]),
        "council": lambda: reverse("following:follow_council", args=[subject.slug]),
        "project": lambda: reverse("following:follow_project", args=[subject.pk]),
    }
    return {
        "request": request,
        "signed_in": bool(user and user.is_authenticated),
        "follow": follows.follow_of(user, subject) if user else None,
        "follow_url": follow_urls[kind](),
        "noun": follows.SUBJECT_NAMES[kind],
        "name": str(subject),
        "next": request.get_full_path() if request else "",
        "feed": follows.feed_url(kind, subject),
    }


@register.inclusion_tag("following/includes/follow.html", takes_context=True)
def follow_search_button(context, params):
    request = context.get("request")
    query = subjects.query_of(params)
    user = getattr(request, "user", None)
    return {
        "request": request,
        "empty": not query,
        "signed_in": bool(user and user.is_authenticated),
        "follow": follows.follow_of(user, query) if user and query else None,
        "follow_url": reverse("following:follow_search"),
        "query": query,
        "noun": "search",
        "name": subjects.describe_search(params),
        "next": f"{reverse('search:search')}?{query}",
        "feed": follows.feed_url("search", query),
    }
