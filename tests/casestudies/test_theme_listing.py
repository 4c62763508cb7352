"""A theme page lists everything live and public with its theme: newest first, paginated,
filterable by kind and by council type."""

import datetime

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from casestudies.factories import (
    CaseStudyPageFactory,
    LessonPageFactory,
    ProjectPageFactory,
    ThemePageFactory,
)
from casestudies.models import Theme
from core.pagination import PAGE_SIZE
from councils.factories import CouncilFactory

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def titles(response):
    return [page.title for page in response.context["items"]]


@pytest.fixture
def waste():
    return Theme.objects.get(slug="waste")


@pytest.fixture
def theme_page(waste):
    return ThemePageFactory(theme=waste)


def test_lists_only_live_public_pages_with_the_theme(client, theme_page, waste):
    housing = Theme.objects.get(slug="housing")
    CaseStudyPageFactory(title="Fewer missed bins", themes=[waste])
    LessonPageFactory(title="Talk to the crews", themes=[waste, housing])
    ProjectPageFactory(title="Shared depot", themes=[waste])
    CaseStudyPageFactory(title="Housing only", themes=[housing])
    CaseStudyPageFactory(title="No theme at all")
    CaseStudyPageFactory(title="Draft about waste", themes=[waste], draft=True)
    private = CaseStudyPageFactory(title="Private about waste", themes=[waste])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    unpublished = CaseStudyPageFactory(title="Withdrawn about waste", themes=[waste])
    unpublished.unpublish()

    response = client.get(theme_page.url)

    assert response.status_code == 200
    assert sorted(titles(response)) == ["Fewer missed bins", "Shared depot", "Talk to the crews"]
    html = response.content.decode()
    for hidden in (
        "Housing only",
        "No theme at all",
        "Draft about waste",
        "Private about waste",
        "Withdrawn about waste",
    ):
        assert hidden not in html


def test_newest_first(client, theme_page, waste):
    CaseStudyPageFactory(title="Middle", themes=[waste], first_published_at=days_ago(10))
    LessonPageFactory(title="Newest", themes=[waste], first_published_at=days_ago(1))
    ProjectPageFactory(title="Oldest", themes=[waste], first_published_at=days_ago(100))

    assert titles(client.get(theme_page.url)) == ["Newest", "Middle", "Oldest"]


def test_paginated(client, theme_page, waste):
    for number in range(PAGE_SIZE + 2):
        CaseStudyPageFactory(
            title=f"Item {number:02d}", themes=[waste], first_published_at=days_ago(number)
        )

    first = client.get(theme_page.url)
    second = client.get(theme_page.url, {"page": "2"})

    assert titles(first) == [f"Item {n:02d}" for n in range(PAGE_SIZE)]
    assert titles(second) == [f"Item {PAGE_SIZE:02d}", f"Item {PAGE_SIZE + 1:02d}"]
    assert f"{PAGE_SIZE + 2} results" in first.content.decode()
    assert "?page=2" in first.content.decode()
    for bad in ("0", "-1", "x", "99", "2.5"):
        assert client.get(theme_page.url, {"page": bad}).status_code == 200


@pytest.fixture
def mixed(theme_page, waste):
    district = CouncilFactory(short_name="Maidstone")
    unitary = CouncilFactory(short_name="Cornwall", unitary=True)
    CaseStudyPageFactory(title="District case study", council=district, themes=[waste])
    CaseStudyPageFactory(title="Unitary case study", council=unitary, themes=[waste])
    LessonPageFactory(title="District lesson", council=district, themes=[waste])
    ProjectPageFactory(title="Unitary project", council=unitary, themes=[waste])
    return theme_page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "case-study"}, ["District case study", "Unitary case study"]),
        ({"kind": "lesson"}, ["District lesson"]),
        ({"kind": ["lesson", "project"]}, ["District lesson", "Unitary project"]),
        ({"council_type": "UA"}, ["Unitary case study", "Unitary project"]),
        ({"council_type": "NMD", "kind": "case-study"}, ["District case study"]),
        ({"council_type": "UA", "kind": "lesson"}, []),
    ],
)
def test_filter_by_kind_and_council_type(client, mixed, query, expected):
    response = client.get(mixed.url, query)

    assert response.status_code == 200
    assert sorted(titles(response)) == expected
    if not expected:
        assert "Nothing matches these filters" in response.content.decode()


def test_unknown_filters_are_ignored_and_reported(client, mixed):
    response = client.get(mixed.url, {"kind": ["lesson", "podcast"], "council_type": "XYZ"})

    assert response.status_code == 200
    assert titles(response) == ["District lesson"]
    assert response.context["unknown_filters"] == ["XYZ", "podcast"]
    assert "We ignored filters we do not recognise" in response.content.decode()


def test_featured_items_in_the_organisers_order_without_drafts(client, waste):
    older = CaseStudyPageFactory(title="Older feature", themes=[waste])
    newer = LessonPageFactory(title="Newer feature", themes=[waste])
    draft = CaseStudyPageFactory(title="Draft feature", themes=[waste], draft=True)
    theme_page = ThemePageFactory(theme=waste, featured=[newer, draft, older])

    response = client.get(theme_page.url)

    assert [page.title for page in response.context["featured_pages"]] == [
        "Newer feature",
        "Older feature",
    ]
    assert "Draft feature" not in response.content.decode()


def test_index_pages_filter_by_theme_nation_and_council_type(client, waste):
    housing = Theme.objects.get(slug="housing")
    fife = CouncilFactory(
        short_name="Fife",
        nation="Scotland",
        council_type="SCO",
        council_type_name="Scottish unitary authority",
    )
    CaseStudyPageFactory(title="Scottish bins", council=fife, themes=[waste])
    CaseStudyPageFactory(title="English bins", themes=[waste])
    index = CaseStudyPageFactory(title="English housing", themes=[housing]).get_parent()

    def listed(**query):
        response = client.get(index.url, query)
        assert response.status_code == 200
        return sorted(titles(response))

    assert listed(theme="waste") == ["English bins", "Scottish bins"]
    assert listed(theme=["waste", "housing"]) == [
        "English bins",
        "English housing",
        "Scottish bins",
    ]
    assert listed(nation="Scotland") == ["Scottish bins"]
    assert listed(council_type="NMD", theme="waste") == ["English bins"]
    assert listed(theme="not-a-theme", page="abc") == [
        "English bins",
        "English housing",
        "Scottish bins",
    ]
    response = client.get(index.url, {"theme": "not-a-theme", "kind": "lesson"})
    assert response.context["unknown_filters"] == ["not-a-theme"]
    assert "We ignored a filter we do not recognise: not-a-theme" in response.content.decode()
