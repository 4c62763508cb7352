"""What content templates call to show related work; they never import search internals.

{% load similarity %}
{% similar_content page %}
{% councils_facing_similar_problems page %}
{% councils_with_similar_problems council %}
{% peer_councils council %}
"""

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import mark_safe

from core import cache_tags, content_version
from councils.peers import peer_councils as find_peer_councils

from ..forms import MAX_PROBLEM_LENGTH
from ..grouping import group_matches
from ..similarity import get_similarity_backend

register = template.Library()


@register.simple_tag(takes_context=True)
def similar_content(context, page, limit=5):
    """The similar-work list, rendered once per content version for every reader (it shows
    nothing personal) and noted for the page cache by the pages it links to."""
    request = context.get("request")

    def render():
        items = get_similarity_backend().similar_items(page, limit=limit)
        html = render_to_string(
            "search/includes/similar_content.html",
            {"items": items, "page": page, "request": request},
        )
        return html, [item.page.pk for item in items]

    html, shown = content_version.cached(f"similar-content:{page.pk}:{limit}", render)
    cache_tags.note(request, *(f"page:{pk}" for pk in shown))
    return mark_safe(html)  # noqa: S308 - rendered by our own template


SHOWN_GROUPS = 3


def _note_matches(context, grouped):
    """The page cache drops a page listing these councils' pages when one of them changes."""
    cache_tags.note(
        context.get("request"),
        *(f"page:{item.page.pk}" for group in grouped["groups"] for item in group.items),
    )


def _grouped(matches, shown):
    """The best few groups of councils and how many councils did not fit."""
    groups = group_matches(matches)
    visible = groups[:shown]
    hidden = sum(len(group.matches) for group in groups[shown:])
    return {"matches": matches, "groups": visible, "more_count": hidden}


@register.inclusion_tag("search/includes/council_matches.html", takes_context=True)
def councils_facing_similar_problems(context, page, limit=10, shown=SHOWN_GROUPS):
    problem = f"{page.title}. {page.summary}"[:MAX_PROBLEM_LENGTH]
    finder = reverse("search:similar_councils")
    # The matches show nothing personal (the next steps the template adds do), so they are
    # worked out once per content version; collaboration records start a new version too.
    matches = content_version.cached(
        f"councils-for-page:{page.pk}:{limit}",
        lambda: get_similarity_backend().councils_for_page(page, limit=limit),
    )
    grouped = _grouped(matches, shown)
    _note_matches(context, grouped)
    return {
        "request": context.get("request"),
        "from_council": page.council,
        "from_page": page,
        **grouped,
        "heading": "Other councils working on this",
        "empty": "No other council has published work on a problem like this yet.",
        "finder_url": finder,
        "more_url": f"{finder}?{urlencode({'problem': problem})}",
    }


@register.inclusion_tag("search/includes/council_matches.html", takes_context=True)
def councils_with_similar_problems(context, council, limit=5, shown=5):
    grouped = _grouped(get_similarity_backend().councils_for_council(council, limit=limit), shown)
    _note_matches(context, grouped)
    return {
        "request": context.get("request"),
        "from_council": council,
        **grouped,
        "heading": "Councils with problems like ours",
        "empty": "Once this council has published its work, councils facing similar problems "
        "will be listed here.",
        "finder_url": reverse("search:similar_councils"),
    }


@register.inclusion_tag("search/includes/peer_councils.html")
def peer_councils(council, limit=8):
    return {
        "peers": find_peer_councils(council, limit=limit),
        "council": council,
        "search_url": f"{reverse('search:search')}?{urlencode({'peers_of': council.slug})}",
    }
