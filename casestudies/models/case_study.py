from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES

from ..blocks import OutcomeStreamBlock, OutputStreamBlock
from ..choices import BudgetBand
from .base import ContactFields, LearningPage
from .partners import PartnersPanel


class CaseStudyPage(ContactFields, LearningPage):
    problem = RichTextField("the problem", features=RICH_TEXT_FEATURES)
    what_we_did = RichTextField("what we did", features=RICH_TEXT_FEATURES)
    outcomes = StreamField(OutcomeStreamBlock(), blank=True, help_text="Measurable results.")
    cost_band = models.CharField(
        "what it cost", max_length=20, choices=BudgetBand.choices, blank=True
    )
    cost_detail = models.TextField(
        "cost in more detail", blank=True, help_text="Money, staff time, licences, funding."
    )
    do_differently = RichTextField(
        "what we would do differently", features=RICH_TEXT_FEATURES, blank=True
    )
    outputs = StreamField(OutputStreamBlock(), blank=True, verbose_name="reusable outputs")
    started_on = models.DateField("work started", null=True, blank=True)
    finished_on = models.DateField("work finished", null=True, blank=True)

    content_panels = (
        LearningPage.content_panels
        + LearningPage.learning_panels
        + [
            PartnersPanel(),
            FieldRowPanel([FieldPanel("started_on"), FieldPanel("finished_on")], heading="Dates"),
            FieldPanel("problem"),
            FieldPanel("what_we_did"),
            FieldPanel("outcomes"),
            MultiFieldPanel([FieldPanel("cost_band"), FieldPanel("cost_detail")], heading="Cost"),
            FieldPanel("do_differently"),
            FieldPanel("outputs"),
        ]
        + ContactFields.contact_panels
    )

    search_fields = LearningPage.search_fields + [
        index.SearchField("problem", boost=2),
        index.SearchField("what_we_did"),
        index.SearchField("outcomes"),
        index.SearchField("do_differently"),
        index.FilterField("cost_band"),
    ]

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []
    template = "pages/case_study_page.html"

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"
