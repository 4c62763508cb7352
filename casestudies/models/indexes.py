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

    def route(self, request, path_components):
        """Find a child of the listed kind in one query, not two (the page, then its type)."""
        if len(path_components) == 1:
            child = (
                self.listing_model.objects.child_of(self).filter(slug=path_components[0]).first()
            )
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, [])
        return super().route(request, path_components)


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
