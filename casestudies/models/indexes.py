from django.db import models

from wagtail.admin.panels import FieldPanel

from core.models import BasePage

from ..listings import filtered_listing


class LearningIndexPage(BasePage):
    """A paginated, filterable list of one kind of learning page."""

    introduction = models.TextField(blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    listing_model = None
    max_count = 1
    parent_page_types = ["home.HomePage"]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        queryset = self.listing_model.objects.live().public().descendant_of(self)
        context.update(filtered_listing(request, queryset, show_kind=False))
        return context


class CaseStudyIndexPage(LearningIndexPage):
    subpage_types = ["casestudies.CaseStudyPage"]
    template = "pages/learning_index_page.html"

    @property
    def listing_model(self):
        from .case_study import CaseStudyPage

        return CaseStudyPage

    class Meta:
        verbose_name = "case study index"


class LessonIndexPage(LearningIndexPage):
    subpage_types = ["casestudies.LessonPage"]
    template = "pages/learning_index_page.html"

    @property
    def listing_model(self):
        from .lesson import LessonPage

        return LessonPage

    class Meta:
        verbose_name = "lesson index"


class ProjectIndexPage(LearningIndexPage):
    subpage_types = ["casestudies.ProjectPage"]
    template = "pages/learning_index_page.html"

    @property
    def listing_model(self):
        from .project import ProjectPage

        return ProjectPage

    class Meta:
        verbose_name = "project index"
