"""Which pages are private, read once per content version instead of once per `.public()`.

Wagtail's `PageQuerySet.public()` reads every view restriction each time it is called; a
page calling it for each list it shows paid one query per list. A restriction saved or
deleted is a content change (`home.page_cache`), which starts a new content version.
"""

from django.db.models import Q

from wagtail.models import PageManager, PageQuerySet

from . import content_version


def _private_paths():
    from wagtail.models import PageViewRestriction

    return sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))


def private_page_paths():
    return content_version.cached("private-page-paths", _private_paths)


class PublicPageQuerySet(PageQuerySet):
    def private_q(self):
        q = Q()
        for path in private_page_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])


PublicPageManager = PageManager.from_queryset(PublicPageQuerySet)


def live_public_q(relation):
    """Q for rows whose page, reached through `relation` ("page", "project"), is live and
    public, as a join on that relation.

    `relation__in=LearningPage.objects.live().public().values("pk")` says the same, but SQLite
    runs that subquery over every live page each time: 15 ms a query at 10,000 pages and about
    150 ms at 100,000, and the council profile asked it twenty times.
    """
    q = Q(**{f"{relation}__live": True})
    for path in private_page_paths():
        q &= ~Q(**{f"{relation}__path__startswith": path})
    return q
