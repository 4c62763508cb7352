"""Everything a page of API results reads, loaded in a fixed number of queries."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, prefetch_related_objects

from casestudies.models import (
    LearningPage,
    Partnership,
    ThemedPage,
    ThemePage,
)
from casestudies.models.partners import partners_with_councils
from collaboration.models import Reuse, SharedProblem, Standing

from .fields import KINDS, LEARNING_KINDS


def load_pages(pages):
    """Specific pages (from `.specific()`) with their councils, themes and joint work."""
    pages = list(pages)
    learning = [page for page in pages if isinstance(page, LearningPage)]
    prefetch_related_objects(
        learning,
        "council",
        "themed_items__tag",
        Prefetch(
            "shared_problems",
            to_attr="api_shared_problems",
            queryset=SharedProblem.objects.filter(standing=Standing.ACTIVE).only("pk", "page_id"),
        ),
        Prefetch(
            "reuses",
            to_attr="api_reuses",
            queryset=Reuse.objects.filter(standing=Standing.ACTIVE)
            .select_related("council")
            .only("pk", "page_id", "council__code"),
        ),
    )
    prefetch_related_objects(learning, partners_with_councils())
    prefetch_related_objects([page for page in pages if isinstance(page, ThemePage)], "theme")
    return pages


def live_learning():
    return LearningPage.objects.live().public()


def council_counts(councils):
    """{council id: counts of published learning} for the given councils only."""
    ids = [council.pk for council in councils]
    live = live_learning().values("pk")
    led = defaultdict(set)
    partner = defaultdict(set)
    for council_id, page_id in (
        live_learning().filter(council_id__in=ids).values_list("council_id", "pk")
    ):
        led[council_id].add(page_id)
    rows = Partnership.objects.filter(council_id__in=ids, page__in=live)
    for council_id, page_id in rows.values_list("council_id", "page_id"):
        partner[council_id].add(page_id)
    return {
        pk: {
            "pages_led": len(led[pk]),
            "partnerships": len(partner[pk]),
            "published_learning": len(led[pk] | partner[pk]),
        }
        for pk in ids
    }


def theme_counts():
    """{theme id: {kind: published pages with the theme}} for every theme with a page."""
    types = ContentType.objects.get_for_models(*[KINDS[kind] for kind in LEARNING_KINDS])
    kind_of_type = {types[KINDS[kind]].pk: kind for kind in LEARNING_KINDS}
    rows = (
        ThemedPage.objects.filter(content_object__in=live_learning().values("pk"))
        .values("tag_id", "content_object__content_type_id")
        .annotate(total=Count("content_object", distinct=True))
    )
    counts = defaultdict(lambda: dict.fromkeys(LEARNING_KINDS, 0))
    for row in rows:
        kind = kind_of_type.get(row["content_object__content_type_id"])
        if kind:
            counts[row["tag_id"]][kind] += row["total"]
    return counts


def theme_page_urls(request):
    """{theme id: full URL of its live, public theme page}."""
    return {
        page.theme_id: page.get_full_url(request=request)
        for page in ThemePage.objects.live().public()
    }
