"""Test factories for the home app, and the page-factory bases the other apps share."""

from wagtail import blocks
from wagtail.rich_text import RichText

import factory
import wagtail_factories

from core.blocks import BodyStreamBlock

from .models import HomePage, StandardPage


class PublishedPageFactory(wagtail_factories.PageFactory):
    """Creates the page, then saves a revision and publishes it (``draft=True``: only saves
    the revision). Relations set by post-generation hooks are in that revision."""

    class Meta:
        abstract = True

    class Params:
        draft = factory.Trait(live=False)

    live = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        instance = super()._create_instance(model_class, parent, kwargs)
        instance._created_by_factory = True
        return instance

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if not (create and getattr(instance, "_created_by_factory", False)):
            return
        revision = instance.save_revision()
        if instance.live:
            revision.publish()  # saves the page, with its relations, from the revision
            instance.refresh_from_db()
        else:
            instance.save()  # a draft's relations are stored too, so listings must skip it


class SingletonPageFactory(PublishedPageFactory):
    """For page types with ``max_count = 1``: returns the existing page if there is one."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        existing = model_class.objects.first()
        if existing is not None:
            return existing
        return super()._create(model_class, *args, **kwargs)


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
