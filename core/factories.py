"""Page-factory bases that every app's test factories share."""

from wagtail.models import Site

import factory
import wagtail_factories


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


class SiteRootPageFactory(factory.django.DjangoModelFactory):
    """The default site's root page (the home page), which the data migrations create: the
    parent of every section."""

    class Meta:
        model = "wagtailcore.Page"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return Site.objects.get(is_default_site=True).root_page.specific
