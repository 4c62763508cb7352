"""Every page type runs no more queries with 30 pages than with 9.

The content is built once for the module; the one test measures each page, adds 7 more of
each kind (rolled back after the test), and measures again.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from casestudies.factories import (
    CaseStudyPageFactory,
    LessonPageFactory,
    ProgressUpdateFactory,
    ProjectPageFactory,
)
from casestudies.models import Theme
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy

# Of each kind: 9 pages, enough to fill the similar-work and council lists, then 30.
SMALL, LARGE = 3, 10
# bakerydemo's blog page: the case study page should cost no more (issue 15).
CASE_STUDY_QUERIES = 22


def add_content(council, themes, count, start=0):
    pages = []
    for number in range(start, start + count):
        partner = CouncilFactory(short_name=f"Partnershire {number}")
        case_study = CaseStudyPageFactory(
            title=f"Fewer missed bin collections, round {number}",
            council=council,
            summary="Crews report blocked streets; missed bins fell.",
            themes=themes,
            partner_councils=[partner],
            tags=["bins"],
        )
        project = ProjectPageFactory(
            title=f"Shared bin collection rounds {number}",
            council=partner,
            themes=themes,
            summary="Councils sharing bin crews and rounds.",
            partner_councils=[council],
        )
        ProgressUpdateFactory(project=project)
        lesson = LessonPageFactory(
            title=f"Ask the bin crews first {number}",
            council=council,
            themes=themes,
            summary="Missed bin collections fell once crews were asked.",
            sources=[case_study, project],
        )
        pages.append((case_study, project, lesson))
    return pages


def build():
    ensure_site_structure()
    council = CouncilFactory(short_name="Wychavon", slug="wychavon")
    themes = list(Theme.objects.filter(slug__in=["waste", "climate"]))
    pages = add_content(council, themes, SMALL)
    return {"council": council, "themes": themes, "pages": pages}


@pytest.fixture(scope="module")
def _content(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build)


@pytest.fixture
def content(_content, db):
    return fresh_copy(_content)


pytestmark = pytest.mark.usefixtures("_content")


def urls(content):
    case_study, project, lesson = content["pages"][0]
    return {
        "home": "/",
        "theme index": "/themes/",
        "theme page": "/themes/waste/",
        "theme page, filtered": "/themes/waste/?kind=lesson&kind=project&council_type=NMD",
        "case study listing": "/case-studies/",
        "lesson listing, page 2": "/lessons/?theme=waste&nation=England&page=2",
        "project listing": "/projects/",
        "case study": case_study.url,
        "lesson": lesson.url,
        "project": project.url,
        "council profile": content["council"].get_absolute_url(),
        "council profile, page 2": content["council"].get_absolute_url() + "?page=2",
        "council directory": "/councils/",
        "search": "/search/",
        "search with filters": "/search/?q=bin&theme=waste&nation=England&sort=newest",
        "pasted problem": "/search/similar-councils/?problem=Missed+bin+collections+and+crews",
        "export": "/search/export.csv?theme=waste",
        "API pages": "/api/v2/pages/?type=casestudies.CaseStudyPage&fields=summary",
        "API councils": "/api/v2/councils/",
        "feed": f"/feeds/councils/{content['council'].slug}/",
    }


def count(client, url):
    # Warm per-process caches, as a running site would be; the first request after a change
    # may itself save (site settings on first use), a change that the second settles.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, len(queries), body


@pytest.mark.similarity
def test_queries_per_page_do_not_grow_with_the_content(client, content):
    pages = urls(content)
    small = {}
    for name, url in pages.items():
        status, queries, _body = count(client, url)
        small[name] = (status, queries)
    print({name: queries for name, (_status, queries) in small.items()})
    add_content(content["council"], content["themes"], LARGE - SMALL, start=SMALL)
    grown = []
    for name, url in pages.items():
        status, queries, _body = count(client, url)
        if status != small[name][0] or queries > small[name][1]:
            grown.append(f"{name} ({url}): {small[name]} → {(status, queries)}")
    assert not grown, "\n".join(grown)


@pytest.mark.similarity
def test_case_study_page_needs_no_more_queries_than_bakerydemos_blog_page(
    client, content, django_assert_max_num_queries
):
    add_content(content["council"], content["themes"], 2, start=SMALL)  # similar work to show
    url = content["pages"][0][0].url
    client.get(url)
    client.get(url)
    with django_assert_max_num_queries(CASE_STUDY_QUERIES):
        assert client.get(url).status_code == 200
