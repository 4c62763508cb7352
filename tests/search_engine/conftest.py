"""Content for the search engine tests: the same problems recurring across councils, in every
kind of page, plus a draft and a private page that must never be found."""

import datetime

from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

import pytest

from casestudies.choices import Phase
from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from casestudies.models import Theme
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy


def published(year, month=6):
    return datetime.datetime(year, month, 1, 12, tzinfo=datetime.UTC)


@pytest.fixture
def engine(db):
    """Wagtail's Elasticsearch backend (test_engine.py runs only when SEARCH_URL names one)."""
    return get_search_backend()


@pytest.fixture(scope="module")
def _content(django_db_setup, django_db_blocker):
    """The content, built once for the module (tests/shared_data.py); a module that uses it
    applies it to all its tests."""
    yield from build_once(django_db_blocker, build_content)


@pytest.fixture
def content(_content, db):
    return fresh_copy(_content)


def build_content():
    ensure_site_structure()
    theme = {
        slug: Theme.objects.get(slug=slug)
        for slug in ("waste", "housing", "customer-contact", "data-and-standards")
    }
    councils = {
        "cardiff": CouncilFactory(
            short_name="Caerdydd Test",
            slug="caerdydd-test",
            nation="Wales",
            region="",
            unitary=True,
        ),
        "exeter": CouncilFactory(short_name="Exebridge", slug="exebridge", region="South West"),
        "durham": CouncilFactory(short_name="Wearside", slug="wearside", region="North East"),
        "fife": CouncilFactory(
            short_name="Kingdom Shire",
            slug="kingdom-shire",
            nation="Scotland",
            region="",
            unitary=True,
        ),
        "quiet": CouncilFactory(short_name="Quietvale", slug="quietvale", region="South West"),
    }
    pages = {
        "bins": CaseStudyPageFactory(
            title="Fewer missed bin collections",
            council=councils["cardiff"],
            summary="Crews' round data online cut missed bin collection reports.",
            problem="<p>Missed bin collection complaints every month swamped the contact "
            "centre; bin crews had no way to record blocked streets.</p>",
            themes=[theme["waste"], theme["customer-contact"]],
            first_published_at=published(2023),
        ),
        "bins_lesson": LessonPageFactory(
            title="Ask the bin crews before changing collection rounds",
            council=councils["exeter"],
            summary="Missed bin collections fell once crews could report blocked streets.",
            context="<p>Missed bin collections and complaints rose after a round change.</p>",
            themes=[theme["waste"]],
            first_published_at=published(2024),
        ),
        "fly_tipping": CaseStudyPageFactory(
            title="Reporting fly-tipping with photos",
            council=councils["durham"],
            summary="Residents report fly-tipping with a photo; crews clear it faster.",
            problem="<p>Fly-tipping reports arrived by phone without locations.</p>",
            themes=[theme["waste"], theme["customer-contact"]],
            first_published_at=published(2024),
        ),
        "housing": ProjectPageFactory(
            title="Shared temporary accommodation register",
            council=councils["durham"],
            summary="Councils pooling temporary accommodation for homeless households.",
            aims="<p>Reduce bed and breakfast use for homeless families by sharing temporary "
            "accommodation across councils.</p>",
            phase=Phase.BETA,
            themes=[theme["housing"]],
            partner_councils=[councils["fife"]],
            first_published_at=published(2025),
        ),
        "homelessness": CaseStudyPageFactory(
            title="Cutting bed and breakfast use for homeless families",
            council=councils["exeter"],
            summary="Early prevention and a temporary accommodation plan halved B&B stays.",
            problem="<p>Homeless families spent months in bed and breakfast temporary "
            "accommodation.</p>",
            themes=[theme["housing"]],
            first_published_at=published(2025),
        ),
        "data": LessonPageFactory(
            title="Start with the data you have",
            council=councils["fife"],
            summary="Open data standards let us compare services before buying software.",
            context="<p>We wanted a new system before we understood our data.</p>",
            themes=[theme["data-and-standards"]],
            first_published_at=published(2023),
        ),
        "draft": CaseStudyPageFactory(
            title="Secret draft about missed bin collections",
            council=councils["quiet"],
            summary="Draft: missed bin collections and temporary accommodation.",
            themes=[theme["waste"]],
            draft=True,
        ),
    }
    private = CaseStudyPageFactory(
        title="Private missed bin collections study",
        council=councils["quiet"],
        summary="Private: missed bin collections and temporary accommodation.",
        problem="<p>Missed bin collection complaints.</p>",
        themes=[theme["waste"], theme["housing"]],
        first_published_at=published(2024),
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    pages["private"] = private
    return {"councils": councils, "pages": pages, "themes": theme}
