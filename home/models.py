from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core import content_version
from core.blocks import SHORT_RICH_TEXT_FEATURES
from core.models import BasePage

from .blocks import StandardBodyBlock


class HomePage(BasePage):
    """The front door for leaders: what is new, featured work, themes and councils."""

    introduction = models.TextField(
        blank=True,
        default="Find out what other councils did, what it cost, what changed and whom to "
        "call — then work on it together.",
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("introduction"),
        InlinePanel("featured_items", label="Featured work", max_num=6),
    ]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]
    template = "pages/home_page.html"
    subpage_types = [
        "casestudies.CaseStudyIndexPage",
        "casestudies.LessonIndexPage",
        "casestudies.ProjectIndexPage",
        "casestudies.ThemeIndexPage",
        "home.StandardPage",
    ]

    def get_context(self, request, *args, **kwargs):
        from casestudies.listings import home_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self))
        return context


class HomeFeaturedItem(Orderable):
    home_page = ParentalKey(HomePage, related_name="featured_items", on_delete=models.CASCADE)
    page = models.ForeignKey("casestudies.LearningPage", on_delete=models.CASCADE, related_name="+")

    panels = [
        PageChooserPanel(
            "page",
            ["casestudies.CaseStudyPage", "casestudies.LessonPage", "casestudies.ProjectPage"],
        )
    ]


class StandardPage(BasePage):
    """About, accessibility statement, data credits and similar pages."""

    introduction = models.TextField(blank=True)
    body = StreamField(StandardBodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "pages/standard_page.html"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    service_email = models.EmailField(
        blank=True, help_text="Where readers can write to the network organisers."
    )
    footer_note = RichTextField(blank=True, features=SHORT_RICH_TEXT_FEATURES)

    panels = [FieldPanel("service_email"), FieldPanel("footer_note")]

    @classmethod
    def for_site(cls, site):
        """Read once per content version (saving them is a change): every page shows them."""
        return content_version.cached(
            f"site-settings:{site.pk}", lambda: super(SiteSettings, cls).for_site(site)
        )

    class Meta:
        verbose_name = "site settings"
