"""Test factories for the home app."""

from wagtail import blocks
from wagtail.rich_text import RichText

import factory
import wagtail_factories

from core.blocks import BodyStreamBlock
from core.factories import PublishedPageFactory

from .models import HomePage, StandardPage


class HomePageFactory(factory.django.DjangoModelFactory):
    """The home page that migration home/0002 creates (it is a singleton)."""

    class Meta:
        model = HomePage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.first()


class HeadingBlockFactory(wagtail_factories.CharBlockFactory):
    value = "A heading"


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    class Meta:
        model = blocks.RichTextBlock

    value = "<p>A paragraph.</p>"

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return RichText(kwargs["value"])


class BodyStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    class Meta:
        model = BodyStreamBlock

    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)


class StandardPageFactory(PublishedPageFactory):
    class Meta:
        model = StandardPage

    parent = factory.SubFactory(HomePageFactory)
    title = factory.Sequence(lambda n: f"About page {n}")
    introduction = "Who runs this network and why."
    body = wagtail_factories.StreamFieldFactory(BodyStreamBlockFactory)
    body__0__heading__value = "Who we are"
    body__1__paragraph__value = "<p>A network of UK councils learning from each other.</p>"
