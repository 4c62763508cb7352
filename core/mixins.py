"""Small mixins that every page type shares; each brings its own fields and panels."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from .freshness import is_stale


class ListingFields(models.Model):
    listing_summary = models.CharField(
        max_length=300,
        blank=True,
        help_text="One or two sentences for listings and search results. "
        "The page summary is used when this is empty.",
    )

    class Meta:
        abstract = True

    listing_panels = [FieldPanel("listing_summary")]


class ReviewFields(models.Model):
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When someone last checked this is still accurate."
    )

    class Meta:
        abstract = True

    review_panels = [FieldPanel("last_reviewed")]

    @property
    def review_is_overdue(self):
        """Published, and stale by the one rule in core.freshness."""
        return bool(getattr(self, "live", False)) and is_stale(self)


class BasePageMixin(ListingFields, ReviewFields):
    class Meta:
        abstract = True

    promote_panels_extra = [
        MultiFieldPanel(
            ListingFields.listing_panels + ReviewFields.review_panels, heading="Listings and review"
        ),
    ]
    base_search_fields = [index.SearchField("listing_summary")]

    def get_listing_summary(self):
        return self.listing_summary or getattr(self, "summary", "") or self.search_description
