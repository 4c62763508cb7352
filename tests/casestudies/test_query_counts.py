"""Listing pages run the same number of queries however much they list.

Each test measures a page with a few items, adds many more (more than a page of them), and
asserts the page still needs no more queries than it did.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from casestudies.factories import (
    CaseStudyPageFactory,
    LessonPageFactory,
    ProgressUpdateFactory,
    ProjectPageFactory,
    ThemePageFactory,
)
from casestudies.models import Theme
from core.pagination import PAGE_SIZE
from councils.factories import CouncilFactory

pytestmark = pytest.mark.django_db
SMALL = 3
LARGE = PAGE_SIZE + 5


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


def warm_up(client, urls):
    """One request each first: it fills per-process caches (sites, content types) and lets
    the similarity engine rebuild its term statistics once after content changes."""
    for url in urls:
        client.get(url)


def assert_constant(client, django_assert_max_num_queries, urls, grow):
    warm_up(client, urls)
    measured = {url: queries_for(client, url) for url in urls}
    grow()
    warm_up(client, urls)
    for url, limit in measured.items():
        with django_assert_max_num_queries(limit, info=url):
            response = client.get(url)
        assert response.status_code == 200, url


@pytest.fixture
def content():
    """Case studies, lessons and projects by one council, each with two themes, a partner
    council, lesson sources and progress updates; the theme pages for both themes."""
    council = CouncilFactory(short_name="Wychavon")
    themes = list(Theme.objects.filter(slug__in=["waste", "climate"]))
    for theme in themes:
        ThemePageFactory(theme=theme)

    def add(count):
        for _ in range(count):
            partner = CouncilFactory()
            case_study = CaseStudyPageFactory(
                council=council, themes=themes, partner_councils=[partner], tags=["bins"]
            )
            project = ProjectPageFactory(council=partner, themes=themes, partner_councils=[council])
            ProgressUpdateFactory(project=project)
            LessonPageFactory(council=council, themes=themes, sources=[case_study, project])

    add(SMALL)
    return {"council": council, "add": lambda: add(LARGE - SMALL)}


def test_index_theme_and_home_pages(client, django_assert_max_num_queries, content):
    urls = [
        "/",
        "/case-studies/",
        "/lessons/",
        "/projects/",
        "/themes/",
        "/themes/waste/",
        "/themes/waste/?kind=lesson&kind=project&council_type=NMD",
        "/case-studies/?theme=waste&nation=England&page=2",
    ]
    assert_constant(client, django_assert_max_num_queries, urls, content["add"])


@pytest.mark.similarity  # the page shows similar work, whose queries count too
def test_council_profile(client, django_assert_max_num_queries, content):
    urls = [content["council"].get_absolute_url()]
    assert_constant(client, django_assert_max_num_queries, urls, content["add"])


def test_council_directory(client, django_assert_max_num_queries):
    county = CouncilFactory(county_council=True)
    CouncilFactory.create_batch(SMALL, county=county)
    urls = [
        "/councils/",
        "/councils/?nation=England&council_type=NMD&page=2",
        "/councils/?q=testshire&former=1",
        county.get_absolute_url(),
    ]

    def add():
        CouncilFactory.create_batch(60, county=county)
        CouncilFactory.create_batch(5, former=True)

    assert_constant(client, django_assert_max_num_queries, urls, add)


@pytest.mark.similarity  # the page shows similar work, whose queries count too
def test_project_and_lesson_pages(client, django_assert_max_num_queries):
    council = CouncilFactory()
    project = ProjectPageFactory(
        council=council, partner_councils=CouncilFactory.create_batch(SMALL)
    )
    ProgressUpdateFactory.create_batch(SMALL, project=project, council=council)
    case_studies = CaseStudyPageFactory.create_batch(SMALL, council=council)
    lesson = LessonPageFactory(council=council, sources=case_studies)
    for case_study in case_studies:
        LessonPageFactory(council=council, sources=[case_study])

    def add():
        for _ in range(10):
            partner = CouncilFactory()
            project.add_partner(partner)
            ProgressUpdateFactory(project=project, council=partner)
        project.save()
        extra = CaseStudyPageFactory.create_batch(5, council=council)
        lesson.sources.add(*[type(lesson.sources.first())(page=page) for page in extra])
        lesson.save()
        LessonPageFactory.create_batch(5, council=council, sources=[case_studies[0]])

    urls = [project.url, lesson.url, case_studies[0].url]
    assert_constant(client, django_assert_max_num_queries, urls, add)
