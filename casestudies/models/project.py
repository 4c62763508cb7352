from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.fields import person_field

from ..blocks import OutputStreamBlock
from ..choices import BudgetBand, CollaborationStance, Phase
from .base import ContactFields, LearningPage
from .partners import PartnersPanel


class ProjectPage(ContactFields, LearningPage):
    aims = RichTextField("what the project is for", features=RICH_TEXT_FEATURES)
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.DISCOVERY)
    stance = models.CharField(
        "collaboration stance",
        max_length=30,
        choices=CollaborationStance.choices,
        default=CollaborationStance.OPEN_TO_CONVERSATION,
    )
    budget_band = models.CharField(max_length=20, choices=BudgetBand.choices, blank=True)
    started_on = models.DateField("project started", null=True, blank=True)
    outputs = StreamField(OutputStreamBlock(), blank=True, verbose_name="outputs")

    content_panels = (
        LearningPage.content_panels
        + LearningPage.learning_panels
        + [
            PartnersPanel(heading="Partner councils"),
            FieldRowPanel([FieldPanel("phase"), FieldPanel("stance")]),
            FieldRowPanel([FieldPanel("budget_band"), FieldPanel("started_on")]),
            FieldPanel("aims"),
            FieldPanel("outputs"),
        ]
        + ContactFields.contact_panels
    )

    search_fields = LearningPage.search_fields + [
        index.SearchField("aims", boost=2),
        index.FilterField("phase"),
        index.FilterField("stance"),
    ]

    parent_page_types = ["casestudies.ProjectIndexPage"]
    subpage_types = []
    template = "pages/project_page.html"

    class Meta:
        verbose_name = "project"

    @property
    def timeline(self):
        """Published progress updates only: drafts and updates in review stay in the admin."""
        return (
            self.progress_updates.filter(live=True)
            .select_related("council")
            .order_by("-date", "-pk")
        )


class ProgressUpdate(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A dated entry in a project's timeline, written by the lead or a partner council.

    Updates go through the "Organiser review" workflow like pages: the public timeline shows
    the live version, and a practitioner's new update or change waits for an organiser.
    """

    project = models.ForeignKey(
        ProjectPage, on_delete=models.CASCADE, related_name="progress_updates"
    )
    council = models.ForeignKey(
        "councils.Council",
        on_delete=models.PROTECT,
        related_name="progress_updates",
        help_text="The council reporting this progress.",
    )
    date = models.DateField()
    title = models.CharField(max_length=200)
    text = models.TextField()
    created_by = person_field(editable=False)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="progress_update")

    panels = [
        FieldPanel("project"),
        FieldPanel("council"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("title"), FieldPanel("text")], heading="Update"
        ),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("text")]

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.date:%d %b %Y}: {self.title}"

    @property
    def revisions(self):
        return self._revisions
