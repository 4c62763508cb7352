"""What content templates call to show related work; they never import search internals.

    {% load similarity %}
    {% similar_content page %}
    {% councils_facing_similar_problems page %}
    {% councils_with_similar_problems council %}
    {% peer_councils council %}
"""

from django import template
from django.urls import reverse
from django.utils.http import urlencode

from councils.peers import peer_councils as find_peer_councils

from ..forms import MAX_PROBLEM_LENGTH
from ..grouping import group_matches
from ..similarity import get_similarity_backend

register = template.Library()


@register.inclusion_tag("search/includes/similar_content.html")
def similar_content(page, limit=5):
    return {"items": get_similarity_backend().similar_items(page, limit=limit), "page": page}


SHOWN_GROUPS = 3


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
    return {
        "request": context.get("request"),
        "from_council": page.council,
        "from_page": page,
        **_grouped(get_similarity_backend().councils_for_page(page, limit=limit), shown),
        "heading": "Other councils working on this",
        "empty": "No other council has published work on a problem like this yet.",
        "finder_url": finder,
        "more_url": f"{finder}?{urlencode({'problem': problem})}",
    }


@register.inclusion_tag("search/includes/council_matches.html", takes_context=True)
def councils_with_similar_problems(context, council, limit=5, shown=5):
    return {
        "request": context.get("request"),
        "from_council": council,
        **_grouped(get_similarity_backend().councils_for_council(council, limit=limit), shown),
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
