from django.db import models

from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase, TaggedItemBase


class Theme(TagBase):
    """A curated theme from the controlled vocabulary; editors cannot invent new ones."""

    free_tagging = False
    description = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "theme"
        verbose_name_plural = "themes"


class ThemedPage(ItemBase):
    tag = models.ForeignKey(Theme, related_name="themed_pages", on_delete=models.CASCADE)
    content_object = ParentalKey(
        "casestudies.LearningPage", related_name="themed_items", on_delete=models.CASCADE
    )


class TaggedPage(TaggedItemBase):
    content_object = ParentalKey(
        "casestudies.LearningPage", related_name="tagged_items", on_delete=models.CASCADE
    )
