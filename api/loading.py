"""Everything a page of API results reads, loaded in a fixed number of queries."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Prefetch, Q, prefetch_related_objects

from casestudies.models import (
    LearningPage,
    Partnership,
    ThemedPage,
    ThemePage,
)
from casestudies.models.partners import partners_with_councils
from collaboration.models import Reuse, SharedProblem, Standing
from core import content_version
from core.public_pages import live_public_q

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
    """{council id: counts of published learning} for the given councils only: two aggregate
    queries, however much each council has published."""
    ids = [council.pk for council in councils]
    led = dict(
        live_learning()
        .filter(council_id__in=ids)
        .order_by()
        .values("council_id")
        .annotate(n=Count("pk"))
        .values_list("council_id", "n")
    )
    partner = {
        row["council_id"]: row
        for row in Partnership.objects.filter(live_public_q("page"), council_id__in=ids)
        .order_by()
        .values("council_id")
        .annotate(
            pages=Count("page_id"),
            not_led=Count("page_id", filter=~Q(page__council=F("council"))),
        )
    }
    none = {"pages": 0, "not_led": 0}
    return {
        pk: {
            "pages_led": led.get(pk, 0),
            "partnerships": partner.get(pk, none)["pages"],
            "published_learning": led.get(pk, 0) + partner.get(pk, none)["not_led"],
        }
        for pk in ids
    }


def _no_pages():
    return dict.fromkeys(LEARNING_KINDS, 0)


def theme_counts():
    """{theme id: {kind: published pages with the theme}}: one aggregate query per content
    version (core.content_version), not one per request."""
    return defaultdict(_no_pages, content_version.cached("api-theme-counts", _theme_counts))


def _theme_counts():
    types = ContentType.objects.get_for_models(*[KINDS[kind] for kind in LEARNING_KINDS])
    kind_of_type = {types[KINDS[kind]].pk: kind for kind in LEARNING_KINDS}
    rows = (
        ThemedPage.objects.filter(live_public_q("content_object"))
        .order_by()
        .values("tag_id", "content_object__content_type_id")
        .annotate(total=Count("content_object", distinct=True))
    )
    counts = {}
    for row in rows:
        kind = kind_of_type.get(row["content_object__content_type_id"])
        if kind:
            counts.setdefault(row["tag_id"], _no_pages())[kind] += row["total"]
    return counts


def theme_page_urls(request):
    """{theme id: full URL of its live, public theme page}."""
    return {
        page.theme_id: page.get_full_url(request=request)
        for page in ThemePage.objects.live().public()
    }
