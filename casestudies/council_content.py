"""What a council has published or partners on, for its profile page.

The sections' items are querysets, paginated by the profile; their summaries are counted by
kind in one aggregate query each, never by listing every page.
"""

from django.db.models import Count


def published_for_council(council):
    from .models import LearningPage

    live = LearningPage.objects.live().public()
    owned = live.filter(council=council)
    partnered = live.involving([council]).exclude(council=council)
    order = ("-first_published_at", "-id")
    return [
        {
            "key": "published",
            "heading": "Published by this council",
            "items": owned.for_listing().order_by(*order),
            "empty": "This council has not published anything yet.",
            "summary": ("Shared", _kinds(owned)),
        },
        {
            "key": "partner",
            "heading": "Work this council is a partner in",
            "items": partnered.for_listing().order_by(*order),
            "empty": "This council is not a partner on any published work yet.",
            "summary": ("Partner in", _kinds(partnered)),
        },
    ]


def _kinds(pages):
    """[(number, singular, plural)] of case studies, lessons and projects among the pages."""
    from django.contrib.contenttypes.models import ContentType

    from .models import CaseStudyPage, LessonPage, ProjectPage

    kinds = [CaseStudyPage, LessonPage, ProjectPage]
    types = ContentType.objects.get_for_models(*kinds)
    totals = dict(
        pages.order_by()
        .values("content_type")
        .annotate(total=Count("pk"))
        .values_list("content_type", "total")
    )
    return [
        (
            totals.get(types[kind].pk, 0),
            str(kind._meta.verbose_name),
            str(kind._meta.verbose_name_plural),
        )
        for kind in kinds
    ]
