"""Test factories for themes, the learning pages and their index pages.

Page factories create published pages with a revision, under the right parent; pass
``draft=True`` for an unpublished page. Index pages are singletons: their factories return the
existing page when there is one.
"""

import datetime

from django.utils.text import slugify

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from core.factories import PublishedPageFactory, SingletonPageFactory, SiteRootPageFactory
from councils.factories import CouncilFactory

from . import blocks
from .choices import BudgetBand, CollaborationStance, Phase
from .models import (
    CaseStudyIndexPage,
    CaseStudyPage,
    LessonIndexPage,
    LessonPage,
    LessonSource,
    ProgressUpdate,
    ProjectIndexPage,
    ProjectPage,
    Theme,
    ThemeIndexPage,
    ThemePage,
)


class ThemeFactory(DjangoModelFactory):
    """A theme; an existing theme with the same name is reused."""

    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Test theme {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = factory.LazyAttribute(lambda o: f"Everything about {o.name.lower()}.")


class OutcomeBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = blocks.OutcomeBlock

    description = "Missed bin reports a month"
    value = 120
    unit = "reports"
    baseline = 480
    period = "2023/24"


class ReusableOutputBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = blocks.ReusableOutputBlock

    kind = "code"
    title = "Bin day finder"
    url = "https://example.org/bin-day-finder"
    description = "Address lookup and calendar export."


class OutcomeStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    class Meta:
        model = blocks.OutcomeStreamBlock

    outcome = factory.SubFactory(OutcomeBlockFactory)


class OutputStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    class Meta:
        model = blocks.OutputStreamBlock

    output = factory.SubFactory(ReusableOutputBlockFactory)


def section_index_factory(model, title, slug):
    """A factory for one of the singleton index pages directly under the site root."""
    return factory.make_factory(
        model,
        FACTORY_CLASS=SingletonPageFactory,
        title=title,
        slug=slug,
        parent=factory.SubFactory(SiteRootPageFactory),
    )


CaseStudyIndexPageFactory = section_index_factory(
    CaseStudyIndexPage, "Case studies", "case-studies"
)
LessonIndexPageFactory = section_index_factory(LessonIndexPage, "Lessons learned", "lessons")
ProjectIndexPageFactory = section_index_factory(ProjectIndexPage, "Projects", "projects")
ThemeIndexPageFactory = section_index_factory(ThemeIndexPage, "Themes", "themes")


class LearningPageFactory(PublishedPageFactory):
    """What every learning page needs. ``themes``, ``tags`` and ``partner_councils`` take
    lists; ``first_published_at`` may be given to order listings."""

    class Meta:
        abstract = True

    council = factory.SubFactory(CouncilFactory)
    summary = factory.LazyAttribute(lambda o: f"How {o.council} tackled {o.title.lower()}.")

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if extracted:
            obj.themes.set(extracted)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if extracted:
            obj.tags.set(extracted)

    @factory.post_generation
    def partner_councils(obj, create, extracted, **kwargs):
        for council in extracted or ():
            obj.add_partner(council)


class CaseStudyPageFactory(LearningPageFactory):
    class Meta:
        model = CaseStudyPage

    parent = factory.SubFactory(CaseStudyIndexPageFactory)
    title = factory.Sequence(lambda n: f"Fewer missed bins {n}")
    problem = "<p>Residents reported hundreds of missed bin collections every month.</p>"
    what_we_did = "<p>We put the crews' round data online and let residents check first.</p>"
    outcomes = wagtail_factories.StreamFieldFactory(OutcomeStreamBlockFactory)
    outcomes__0 = "outcome"
    cost_band = BudgetBand.FROM_10K_TO_50K
    cost_detail = "Two developers for three months."
    do_differently = "<p>Talk to the crews before the residents.</p>"
    outputs = wagtail_factories.StreamFieldFactory(OutputStreamBlockFactory)
    outputs__0 = "output"
    started_on = datetime.date(2023, 4, 1)
    finished_on = datetime.date(2024, 3, 31)
    contact_name = "Priya Shah"
    contact_role = "Head of Digital"
    contact_email = "priya.shah@example.gov.uk"
    contact_is_public = True


class ProjectPageFactory(LearningPageFactory):
    class Meta:
        model = ProjectPage

    parent = factory.SubFactory(ProjectIndexPageFactory)
    title = factory.Sequence(lambda n: f"Shared housing register {n}")
    aims = "<p>One housing register for every council in the county.</p>"
    phase = Phase.ALPHA
    stance = CollaborationStance.LOOKING_FOR_PARTNERS
    budget_band = BudgetBand.FROM_50K_TO_250K
    started_on = datetime.date(2024, 1, 15)
    outputs = wagtail_factories.StreamFieldFactory(OutputStreamBlockFactory)
    outputs__0 = "output"
    contact_name = "Tom Evans"
    contact_role = "Project lead"
    contact_email = "tom.evans@example.gov.uk"
    contact_is_public = True


class LessonPageFactory(LearningPageFactory):
    """A lesson; ``sources`` takes a list of case study or project pages it came from."""

    class Meta:
        model = LessonPage

    parent = factory.SubFactory(LessonIndexPageFactory)
    title = factory.Sequence(lambda n: f"Start with the data you have {n}")
    context = "<p>We wanted a new system before we understood our data.</p>"
    what_worked = "<p>Mapping every data set first.</p>"
    what_did_not = "<p>Buying a product before the mapping.</p>"
    advice = "<p>Spend the first month on the data.</p>"

    @factory.post_generation
    def sources(obj, create, extracted, **kwargs):
        if extracted:
            obj.sources = [LessonSource(page=page) for page in extracted]


class ProgressUpdateFactory(DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    project = factory.SubFactory(ProjectPageFactory)
    council = factory.SelfAttribute("project.council")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    title = factory.Sequence(lambda n: f"Milestone {n}")
    text = "We finished user research with twelve residents."


class ThemePageFactory(PublishedPageFactory):
    """A theme page; ``featured`` takes a list of learning pages to feature."""

    class Meta:
        model = ThemePage

    parent = factory.SubFactory(ThemeIndexPageFactory)
    theme = factory.SubFactory(ThemeFactory)
    title = factory.SelfAttribute("theme.name")
    introduction = "<p>What councils have learned about this theme.</p>"

    @factory.post_generation
    def featured(obj, create, extracted, **kwargs):
        if extracted:
            from .models import ThemeFeaturedItem

            obj.featured_items = [ThemeFeaturedItem(page=page) for page in extracted]
