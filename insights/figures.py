"""The figures on the insight page and the home page, in a fixed number of queries.

Only live, public learning counts, and only shown (not withdrawn) reuse records. A council
"has published learning" when it leads or is a partner on at least one such page; the theme
tables count pages by their lead council's nation and region, as the search page filters.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q

from casestudies.choices import CollaborationStance
from casestudies.models import (
    LearningPage,
    Partnership,
    ProjectPage,
    Theme,
    ThemedPage,
)
from collaboration.models import Reuse, Standing
from core import content_version
from councils.models import Council, Nation

SEEKING_PARTNERS = [CollaborationStance.LOOKING_FOR_PARTNERS, CollaborationStance.SHARE_FUNDING]
MOST_REUSED_SHOWN = 10
SEEKING_SHOWN = 20


@dataclass
class CouncilFigure:
    council: Council
    led: int
    partnered: int

    @property
    def total(self):
        return self.led + self.partnered


@dataclass
class Headlines:
    councils: int = 0
    pages: int = 0
    seeking_partners: int = 0
    reuses: int = 0


@dataclass
class Figures:
    headlines: Headlines = field(default_factory=Headlines)
    councils: list = field(default_factory=list)  # CouncilFigure, most published first
    places: list = field(default_factory=list)  # every other current council with coordinates
    themes: list = field(default_factory=list)
    nations: list = field(default_factory=list)
    regions: list = field(default_factory=list)
    by_nation: dict = field(default_factory=dict)  # {(theme slug, nation): pages}
    by_region: dict = field(default_factory=dict)
    by_theme: dict = field(default_factory=dict)  # {theme slug: pages}
    most_reused: list = field(default_factory=list)
    seeking_partners: list = field(default_factory=list)
    not_yet: list = field(default_factory=list)  # [(region, [councils])]


def published():
    return LearningPage.objects.live().public()


def _involvement(pages):
    """{council id: (pages led, pages partnered)}; a lead listed as its own partner counts once."""
    leads = dict(pages.values_list("pk", "council_id"))
    page_ids = pages.values("pk")
    partners = defaultdict(set)
    for page_id, council_id in Partnership.objects.filter(page__in=page_ids).values_list(
        "page_id", "council_id"
    ):
        if leads.get(page_id) != council_id:
            partners[council_id].add(page_id)
    led = defaultdict(int)
    for council_id in leads.values():
        led[council_id] += 1
    return {
        pk: (led.get(pk, 0), len(partners.get(pk, ()))) for pk in set(led) | set(partners)
    }, len(leads)


def headlines_and_councils(figures, pages):
    involvement, page_count = _involvement(pages)
    councils = Council.objects.filter(Q(is_current=True) | Q(pk__in=list(involvement))).only(
        "pk", "slug", "short_name", "nation", "region", "latitude", "longitude", "is_current"
    )
    not_yet = defaultdict(list)
    for council in councils:
        if council.pk in involvement:
            figures.councils.append(CouncilFigure(council, *involvement[council.pk]))
            continue
        if council.latitude is not None and council.longitude is not None:
            figures.places.append(council)
        not_yet[council.region or council.nation].append(council)
    figures.councils.sort(key=lambda item: (-item.total, item.council.short_name))
    figures.not_yet = sorted(not_yet.items())
    figures.headlines = Headlines(
        councils=len(involvement),
        pages=page_count,
        seeking_partners=_seeking_partners(pages).count(),
        reuses=Reuse.objects.filter(standing=Standing.ACTIVE, page__in=pages.values("pk")).count(),
    )
    return figures


def _seeking_partners(pages):
    return ProjectPage.objects.filter(pk__in=pages.values("pk"), stance__in=SEEKING_PARTNERS)


def _theme_tables(figures, pages):
    figures.themes = list(Theme.objects.order_by("name"))
    rows = (
        ThemedPage.objects.filter(content_object__in=pages.values("pk"))
        .values("tag__slug", "content_object__council__nation", "content_object__council__region")
        .annotate(pages=Count("content_object", distinct=True))
        .order_by()
    )
    by_nation, by_region, by_theme = defaultdict(int), defaultdict(int), defaultdict(int)
    for row in rows:
        slug, pages = row["tag__slug"], row["pages"]
        # Each page has one lead council, so the groups never share a page.
        by_nation[slug, row["content_object__council__nation"]] += pages
        if row["content_object__council__region"]:
            by_region[slug, row["content_object__council__region"]] += pages
        by_theme[slug] += pages
    figures.by_nation, figures.by_region, figures.by_theme = (
        dict(by_nation),
        dict(by_region),
        dict(by_theme),
    )
    figures.nations = list(Nation.values)
    # The regions the search page's filter accepts: those of current councils.
    figures.regions = sorted(
        Council.objects.current()
        .exclude(region="")
        .order_by()
        .values_list("region", flat=True)
        .distinct()
    )


def _lists(figures, pages):
    figures.most_reused = list(
        pages.annotate(
            reuse_count=Count("reuses", filter=Q(reuses__standing=Standing.ACTIVE)),
            reusing_councils=Count(
                "reuses__council", distinct=True, filter=Q(reuses__standing=Standing.ACTIVE)
            ),
        )
        .filter(reuse_count__gt=0)
        .select_related("council")
        .order_by("-reuse_count", "title")[:MOST_REUSED_SHOWN]
    )
    figures.seeking_partners = list(
        _seeking_partners(pages)
        .select_related("council")
        .order_by("-first_published_at", "-id")[:SEEKING_SHOWN]
    )


def headline_figures():
    """What the home page shows: the headline numbers and the map's markers, worked out once
    per content version (they read every published page: 250 ms at 10,000 items)."""
    return content_version.cached(
        "insights:headlines", lambda: headlines_and_councils(Figures(), published())
    )


def _all_figures():
    pages = published()  # .public() reads the view restrictions now, once
    figures = headlines_and_councils(Figures(), pages)
    _theme_tables(figures, pages)
    _lists(figures, pages)
    return figures


def all_figures():
    return content_version.cached("insights:all", _all_figures)
