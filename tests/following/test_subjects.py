"""`following.subjects`: what is new in each kind of subject, published and public only.

Every test sees the site structure (`ensure_site_structure`) and one reader, built once for
the module (tests/shared_data.py); each test publishes the pages it lists."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from casestudies.factories import (
    CaseStudyPageFactory,
    LessonPageFactory,
    ProgressUpdateFactory,
    ProjectPageFactory,
)
from collaboration.models import HelpRequest
from councils.factories import CouncilFactory
from following import subjects
from following.models import Follow
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy

NOW = timezone.now()


def days_ago(days):
    return NOW - dt.timedelta(days=days)


def published(factory, days, **kwargs):
    page = factory(**kwargs)
    type(page).objects.filter(pk=page.pk).update(first_published_at=days_ago(days))
    page.refresh_from_db()
    return page


def build():
    ensure_site_structure()
    return {"person": get_user_model().objects.create_user("reader", "reader@example.gov.uk", "pw")}


@pytest.fixture(scope="module")
def _site(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_site")]


@pytest.fixture
def person(_site, db):
    return fresh_copy(_site)["person"]


def ids(items):
    return [item.id for item in items]


def test_a_theme_lists_its_published_pages_newest_first_within_the_window(theme, person):
    old = published(CaseStudyPageFactory, 30, themes=[theme])
    new = published(LessonPageFactory, 2, themes=[theme])
    published(CaseStudyPageFactory, 1)  # another theme
    CaseStudyPageFactory(themes=[theme], draft=True)
    follow = Follow(person=person, kind="theme", theme=theme)

    assert ids(subjects.items_for(follow)) == [f"page-{new.pk}", f"page-{old.pk}"]
    assert ids(subjects.items_for(follow, since=days_ago(10))) == [f"page-{new.pk}"]
    assert ids(subjects.items_for(follow, until=days_ago(10))) == [f"page-{old.pk}"]
    assert ids(subjects.items_for(follow, limit=1)) == [f"page-{new.pk}"]
    item = subjects.items_for(follow)[0]
    assert item.kind == "lesson"
    assert item.url == new.get_url()
    assert item.council == new.council
    assert item.published_at == new.first_published_at


def test_the_window_is_open_at_since_and_closed_at_until(theme, person):
    page = published(CaseStudyPageFactory, 5, themes=[theme])
    follow = Follow(person=person, kind="theme", theme=theme)
    assert subjects.items_for(follow, since=page.first_published_at) == []
    assert ids(subjects.items_for(follow, until=page.first_published_at)) == [f"page-{page.pk}"]


def test_a_council_lists_pages_it_leads_or_partners_on(person):
    council = CouncilFactory()
    led = published(CaseStudyPageFactory, 3, council=council)
    partnered = published(ProjectPageFactory, 1, partner_councils=[council])
    published(LessonPageFactory, 2)
    follow = Follow(person=person, kind="council", council=council)
    assert ids(subjects.items_for(follow)) == [f"page-{partnered.pk}", f"page-{led.pk}"]


def test_private_pages_are_never_listed(theme, person):
    page = published(CaseStudyPageFactory, 3, themes=[theme])
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    follow = Follow(person=person, kind="theme", theme=theme)
    assert subjects.items_for(follow) == []


def test_a_project_lists_its_live_progress_updates(person):
    project = ProjectPageFactory()
    old = ProgressUpdateFactory(project=project, first_published_at=days_ago(20))
    new = ProgressUpdateFactory(project=project, first_published_at=days_ago(2))
    ProgressUpdateFactory(project=project, live=False, first_published_at=None)
    ProgressUpdateFactory(first_published_at=days_ago(1))  # another project
    follow = Follow(person=person, kind="project", project=project)

    items = subjects.items_for(follow)
    assert ids(items) == [f"progress-update-{new.pk}", f"progress-update-{old.pk}"]
    assert items[0].kind == "progress update"
    assert items[0].url == f"{project.get_url()}#progress-update-{new.pk}"
    assert ids(subjects.items_for(follow, since=days_ago(10))) == [f"progress-update-{new.pk}"]


def test_an_unpublished_project_lists_nothing(person):
    project = ProjectPageFactory()
    ProgressUpdateFactory(project=project, first_published_at=days_ago(2))
    project.unpublish()
    assert subjects.items_for(Follow(person=person, kind="project", project=project)) == []


def test_a_search_lists_pages_matching_its_filters(theme, person):
    lesson = published(LessonPageFactory, 3, themes=[theme])
    published(CaseStudyPageFactory, 2, themes=[theme])
    published(LessonPageFactory, 1)
    LessonPageFactory(themes=[theme], draft=True)
    follow = Follow(person=person, kind="search", query=f"kind=lesson&theme={theme.slug}")
    assert ids(subjects.items_for(follow)) == [f"page-{lesson.pk}"]
    assert subjects.items_for(follow, since=days_ago(2)) == []


def test_a_search_with_words_lists_the_pages_the_words_match(person):
    match = published(CaseStudyPageFactory, 3, title="Composting with schools")
    published(CaseStudyPageFactory, 2, title="Parking permits online")
    follow = Follow(person=person, kind="search", query="q=composting")
    assert ids(subjects.items_for(follow)) == [f"page-{match.pk}"]


def test_open_requests_for_help_only():
    council = CouncilFactory()
    open_request = HelpRequest.objects.create(council=council, title="Who has done X?")
    HelpRequest.objects.create(council=council, title="Closed", status="closed")
    items = subjects.help_request_items()
    assert ids(items) == [f"help-request-{open_request.pk}"]
    assert items[0].kind == "request for help"


def test_canonical_query_sorts_and_drops_noise(theme):
    data = QueryDict(
        f"theme={theme.slug}&kind=project&kind=lesson&page=3&sort=newest&kind=nonsense&utm_source=x"
    )
    assert subjects.canonical_query(data) == f"kind=lesson&kind=project&theme={theme.slug}"
    assert subjects.canonical_query(QueryDict("page=2&sort=newest")) == ""


def test_query_count_does_not_grow_with_items(theme, person, django_assert_max_num_queries):
    for days in range(1, 4):
        published(CaseStudyPageFactory, days, themes=[theme])
    follow = Follow(person=person, kind="theme", theme=theme)
    subjects.items_for(follow)
    with django_assert_max_num_queries(3) as few:
        subjects.items_for(follow)
    for days in range(4, 12):
        published(LessonPageFactory, days, themes=[theme])
    subjects.items_for(follow)  # what is cached per content version is read again once
    with django_assert_max_num_queries(len(few)):
        assert len(subjects.items_for(follow)) == 11
