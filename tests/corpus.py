"""A small corpus where the same problems recur across councils, in every kind of page, plus a
draft and a private page that must never be found: for search, similarity and the search engine,
built once per test module (tests/shared_data.py); tests/search/ and tests/search_engine/ import the
fixtures into their conftests."""

import datetime

from wagtail.models import PageViewRestriction

import pytest

from casestudies.factories import (
    CaseStudyPageFactory,
    LessonPageFactory,
    ProjectPageFactory,
)
from casestudies.models import Theme
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy


def published(year, month=6):
    return datetime.datetime(year, month, 1, 12, tzinfo=datetime.UTC)


def build_corpus():
    ensure_site_structure()
    themes = {
        theme.slug: theme
        for theme in Theme.objects.filter(
            slug__in=["waste", "housing", "customer-contact", "data-and-standards"]
        )
    }
    waste, housing = themes["waste"], themes["housing"]
    customer, data = themes["customer-contact"], themes["data-and-standards"]
    councils = {
        "cardiff": CouncilFactory(
            short_name="Caerdydd Test",
            slug="caerdydd-test",
            alt_names="Cardiff Test, Prifddinas",
            nation="Wales",
            region="",
            unitary=True,
            population=360_000,
            area_km2=140,
        ),
        "exeter": CouncilFactory(
            short_name="Exebridge",
            slug="exebridge",
            region="South West",
            population=130_000,
            area_km2=47,
        ),
        "durham": CouncilFactory(
            short_name="Wearside",
            slug="wearside",
            region="North East",
            population=95_000,
            area_km2=600,
        ),
        "fife": CouncilFactory(
            short_name="Kingdom Shire",
            slug="kingdom-shire",
            nation="Scotland",
            region="",
            unitary=True,
            population=370_000,
            area_km2=1300,
        ),
        "quiet": CouncilFactory(
            short_name="Quietvale",
            slug="quietvale",
            region="South West",
            population=120_000,
            area_km2=60,
        ),
    }
    pages = {}
    pages["bins"] = CaseStudyPageFactory(
        title="Fewer missed bin collections",
        council=councils["cardiff"],
        summary="Crews' round data online cut missed bin collection reports by three quarters.",
        problem="<p>Hundreds of missed bin collection complaints every month swamped the "
        "contact centre; crews had no way to record blocked streets.</p>",
        themes=[waste, customer],
        first_published_at=published(2023),
    )
    pages["bins_lesson"] = LessonPageFactory(
        title="Ask the bin crews before changing collection rounds",
        council=councils["exeter"],
        summary="Missed bin collections fell once crews could report blocked streets.",
        context="<p>Missed bin collections and complaints rose after a round change.</p>",
        themes=[waste],
        first_published_at=published(2024),
    )
    pages["fly_tipping"] = CaseStudyPageFactory(
        title="Reporting fly-tipping with photos",
        council=councils["durham"],
        summary="Residents report fly-tipping with a photo; crews clear it faster.",
        problem="<p>Fly-tipping reports arrived by phone without locations.</p>",
        themes=[waste, customer],
        first_published_at=published(2024),
    )
    pages["housing"] = ProjectPageFactory(
        title="Shared temporary accommodation register",
        council=councils["durham"],
        summary="Councils pooling temporary accommodation for homeless households.",
        aims="<p>Reduce bed and breakfast use for homeless families by sharing temporary "
        "accommodation across councils.</p>",
        themes=[housing],
        partner_councils=[councils["fife"]],
        first_published_at=published(2025),
    )
    pages["homelessness"] = CaseStudyPageFactory(
        title="Cutting bed and breakfast use for homeless families",
        council=councils["exeter"],
        summary="Early prevention and a temporary accommodation plan halved B&B stays.",
        problem="<p>Homeless families spent months in bed and breakfast temporary "
        "accommodation.</p>",
        themes=[housing],
        first_published_at=published(2025),
    )
    pages["data"] = LessonPageFactory(
        title="Start with the data you have",
        council=councils["fife"],
        summary="Open data standards let us compare services before buying software.",
        context="<p>We wanted a new system before we understood our data.</p>",
        themes=[data],
        first_published_at=published(2023),
    )
    pages["draft"] = CaseStudyPageFactory(
        title="Secret draft about missed bin collections",
        council=councils["quiet"],
        summary="Draft: missed bin collections and temporary accommodation.",
        themes=[waste],
        draft=True,
    )
    private = CaseStudyPageFactory(
        title="Private missed bin collections study",
        council=councils["quiet"],
        summary="Private: missed bin collections and temporary accommodation.",
        problem="<p>Missed bin collection complaints.</p>",
        themes=[waste, housing],
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    pages["private"] = private
    return {"councils": councils, "pages": pages, "themes": themes}


@pytest.fixture(scope="module")
def _corpus(django_db_setup, django_db_blocker):
    """Built once per test module, with the similarity data the site would have for it."""
    yield from build_once(django_db_blocker, build_corpus)


@pytest.fixture
def corpus(_corpus, db):
    """This test's copy of the corpus (its changes are rolled back). Every test of a module
    that uses it sees it: such a module applies `_corpus` to all its tests."""
    return fresh_copy(_corpus)
