from django.db import models
from django.db.models import Prefetch

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

MAX_PARTNER_COUNCILS = 50


class Partnership(Orderable):
    """A council that worked on a case study or project with its lead council, and its part."""

    page = ParentalKey(
        "casestudies.LearningPage", related_name="partners", on_delete=models.CASCADE
    )
    council = models.ForeignKey(
        "councils.Council", on_delete=models.PROTECT, related_name="partnerships"
    )
    role = models.CharField(
        "what this council did",
        max_length=120,
        blank=True,
        help_text="Optional, in a few words: for example “ran the pilot” or “shared the cost”.",
    )

    panels = [FieldPanel("council"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = "partner council"
        constraints = [
            models.UniqueConstraint(fields=["page", "council"], name="one_partnership_per_page")
        ]

    def __str__(self):
        return self.council.short_name


def partners_with_councils():
    """Prefetch a page's partners with their councils, in one query."""
    return Prefetch("partners", queryset=Partnership.objects.select_related("council"))


class PartnersPanel(InlinePanel):
    """The partner councils, each chosen by name as the lead council is (``PartnerForm``)."""

    def __init__(self, label="Partner council", heading="Other councils involved", **kwargs):
        kwargs.setdefault("max_num", MAX_PARTNER_COUNCILS)
        super().__init__("partners", label=label, heading=heading, **kwargs)

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        del kwargs["relation_name"]
        return kwargs

    def get_form_options(self):
        from ..forms import PartnerForm, PartnerFormSet

        options = super().get_form_options()
        options["formsets"]["partners"].update(form=PartnerForm, formset=PartnerFormSet)
        return options
