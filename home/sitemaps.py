"""sitemap.xml: an index of sitemaps of every published, public page, and of the profiles of
councils that have published or partner on something, PAGE_SIZE addresses to a sitemap, so
that each costs the same however large the site.

A listing (the home page, an index page, a theme page) changes when something is published
in it, so its lastmod is the newer of its own and that of the newest page it lists: computed
once per content version for every listing, not per sitemap.

A council with nothing published has a profile of register facts only, the same on every
council's page; those are left out so that the sitemap points search engines at learning.
Former councils are left out too.
"""

from urllib.parse import urlsplit

from django.db.models import Max
from django.db.models.functions import Substr

from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from casestudies.models import LearningPage, ThemePage
from core import content_version
from core.pagination import ContentPaginator
from core.public_pages import PublicPageQuerySet
from councils.models import Council

from .seo import site_root_url


def councils_with_learning():
    """{council id: when its newest published page involving it was last published}."""
    latest = {}
    rows = [
        LearningPage.objects.live()
        .public()
        .order_by()
        .values_list("council")
        .annotate(Max("last_published_at")),
        LearningPage.objects.live()
        .public()
        .filter(partners__isnull=False)
        .order_by()
        .values_list("partners__council")
        .annotate(Max("last_published_at")),
    ]
    for queryset in rows:
        for council_id, published in queryset:
            if council_id is None:
                continue
            known = latest.get(council_id)
            if council_id not in latest or (published and (known is None or published > known)):
                latest[council_id] = published
    return latest


PAGE_SIZE = 1000


def _listed_lastmods():
    """({path: newest publication below it}, {theme id: newest publication with it}) for
    every page that lists learning: one aggregate per depth of the tree and one by theme."""
    published = LearningPage.objects.live().public().order_by()
    deepest = published.aggregate(Max("depth"))["depth__max"] or 0
    below = {}
    for depth in range(1, deepest):
        below.update(
            published.filter(depth__gt=depth)
            .annotate(above=Substr("path", 1, Page.steplen * depth))
            .values("above")
            .annotate(latest=Max("last_published_at"))
            .values_list("above", "latest")
        )
    by_theme = dict(
        published.filter(themed_items__isnull=False)
        .values_list("themed_items__tag")
        .annotate(Max("last_published_at"))
    )
    return below, by_theme


class PageSitemap(WagtailSitemap):
    """Wagtail's sitemap of live, public pages, with listings dated by what they list."""

    limit = PAGE_SIZE

    def items(self):
        # Wagtail's, but reading private sections per content version, and counted once.
        root = self.get_wagtail_site().root_page
        pages = PublicPageQuerySet(Page).descendant_of(root, inclusive=True).live().public()
        return pages.order_by("path").defer_streamfields().specific()

    @property
    def paginator(self):
        return ContentPaginator(self._items(), self.limit)

    def _urls(self, page, protocol, domain):
        self.below, self.by_theme = content_version.cached(
            "sitemap-listed-lastmods", _listed_lastmods
        )
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            listed = self._listed_lastmod(item)
            for url in item.get_sitemap_urls(self.request):
                dates = [date for date in (url.get("lastmod"), listed) if date]
                urls.append({**url, "lastmod": max(dates, default=None)})
        dates = [url["lastmod"] for url in urls]
        if dates and None not in dates:
            self.latest_lastmod = max(dates)
        return urls

    def _listed_lastmod(self, page):
        if isinstance(page, LearningPage):
            return None
        if isinstance(page, ThemePage):
            return self.by_theme.get(page.theme_id)
        return self.below.get(page.path)


class CouncilSitemap(WagtailSitemap):
    """Council profiles, at addresses built from the same Wagtail Site as the pages'."""

    limit = PAGE_SIZE

    def items(self):
        self.latest = content_version.cached("sitemap-councils-latest", councils_with_learning)
        return (
            Council.objects.current().filter(pk__in=self.latest).only("pk", "slug").order_by("slug")
        )

    def location(self, council):
        return council.get_absolute_url()

    def lastmod(self, council):
        return self.latest.get(council.pk)

    def _urls(self, page, protocol, domain):
        # Django's own loop: a council is not a page, so Wagtail's does not apply.
        return super(WagtailSitemap, self)._urls(page, protocol, domain)

    def get_urls(self, page=1, site=None, protocol=None):
        root = urlsplit(site_root_url(self.request))
        return self._urls(page, root.scheme, root.netloc)


def sitemaps(request):
    return {"pages": PageSitemap(request), "councils": CouncilSitemap(request)}
