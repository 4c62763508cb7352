from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.blocks import RICH_TEXT_FEATURES

from .base import LearningPage


class LessonPage(LearningPage):
    context = RichTextField(features=RICH_TEXT_FEATURES)
    what_worked = RichTextField("what worked", features=RICH_TEXT_FEATURES)
    what_did_not = RichTextField("what did not work", features=RICH_TEXT_FEATURES, blank=True)
    advice = RichTextField("advice to others", features=RICH_TEXT_FEATURES)

    content_panels = (
        LearningPage.content_panels
        + LearningPage.learning_panels
        + [
            FieldPanel("context"),
            FieldPanel("what_worked"),
            FieldPanel("what_did_not"),
            FieldPanel("advice"),
            InlinePanel("sources", label="Where this lesson came from"),
        ]
    )

    search_fields = LearningPage.search_fields + [
        index.SearchField("context"),
        index.SearchField("what_worked"),
        index.SearchField("what_did_not"),
        index.SearchField("advice"),
    ]

    parent_page_types = ["casestudies.LessonIndexPage"]
    subpage_types = []
    template = "pages/lesson_page.html"

    class Meta:
        verbose_name = "lesson"


class LessonSource(Orderable):
    lesson = ParentalKey(LessonPage, related_name="sources", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "casestudies.LearningPage", on_delete=models.CASCADE, related_name="lessons_drawn"
    )

    panels = [PageChooserPanel("page", ["casestudies.CaseStudyPage", "casestudies.ProjectPage"])]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["lesson", "page"], name="unique_lesson_source")
        ]
