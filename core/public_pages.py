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
