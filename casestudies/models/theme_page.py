from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.blocks import RICH_TEXT_FEATURES
from core.models import BasePage

from ..listings import featured_pages, filtered_listing, theme_counts
from .base import LearningPage


class ThemeIndexPage(BasePage):
    introduction = models.TextField(blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.ThemePage"]
    template = "pages/theme_index_page.html"

    class Meta:
        verbose_name = "theme index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        counts = theme_counts()
        theme_pages = ThemePage.objects.live().public().child_of(self).select_related("theme")
        context["theme_pages"] = [
            (page, counts.get(page.theme_id, 0)) for page in theme_pages.order_by("title")
        ]
        return context


class ThemePage(BasePage):
    """An organiser's landing page for one theme: introduction, featured work, everything."""

    theme = models.OneToOneField(
        "casestudies.Theme", on_delete=models.PROTECT, related_name="theme_page"
    )
    introduction = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("theme"),
        FieldPanel("introduction"),
        InlinePanel("featured_items", label="Featured work", max_num=6),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.RelatedFields(
            "theme", [index.SearchField("name", boost=2), index.SearchField("description")]
        ),
    ]

    parent_page_types = ["casestudies.ThemeIndexPage"]
    subpage_types = []
    template = "pages/theme_page.html"

    class Meta:
        verbose_name = "theme page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = featured_pages(
            LearningPage.objects.live().public(), self.featured_items.all()
        )
        queryset = LearningPage.objects.live().public().with_themes([self.theme])
        context.update(filtered_listing(request, queryset, show_kind=True))
        return context


class ThemeFeaturedItem(Orderable):
    theme_page = ParentalKey(ThemePage, related_name="featured_items", on_delete=models.CASCADE)
    page = models.ForeignKey("casestudies.LearningPage", on_delete=models.CASCADE, related_name="+")

    panels = [
        PageChooserPanel(
            "page",
            ["casestudies.CaseStudyPage", "casestudies.LessonPage", "casestudies.ProjectPage"],
        )
    ]
