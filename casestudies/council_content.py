"""What a council has published or partners on, for its profile page."""


def published_for_council(council):
    from .models import LearningPage

    pages = list(
        LearningPage.objects.live().public().for_council(council).for_listing()
        .order_by("-first_published_at")
    )
    owned = [page for page in pages if page.council_id == council.pk]
    partnered = [page for page in pages if page.council_id != council.pk]
    return [
        {"heading": "Published by this council", "items": owned,
         "empty": "This council has not published anything yet.",
         "summary": ("Shared", _kinds(owned))},
        {"heading": "Work this council is a partner in", "items": partnered,
         "empty": "This council is not a partner on any published work yet.",
         "summary": ("Partner in", _kinds(partnered))},
    ]


def _kinds(pages):
    """[(number, singular, plural)] of case studies, lessons and projects among the pages."""
    from .models import CaseStudyPage, LessonPage, ProjectPage

    kinds = [CaseStudyPage, LessonPage, ProjectPage]
    counts = dict.fromkeys(kinds, 0)
    for page in pages:
        if page.specific_class in counts:
            counts[page.specific_class] += 1
    return [(counts[kind], str(kind._meta.verbose_name), str(kind._meta.verbose_name_plural))
            for kind in kinds]
