"""A large export streams: a chunk of pages in memory at a time, and a fixed number of queries
per chunk, on thousands of real page rows written straight to their tables."""

import datetime
import json
import tracemalloc
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models.sql import InsertQuery
from django.http import StreamingHttpResponse

from wagtail.models import Locale, Page

import pytest

from casestudies.factories import LessonIndexPageFactory
from casestudies.models import LearningPage, LessonIndexPage, LessonPage, Theme, ThemedPage
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from search import exports
from search.models import SimilarityState
from tests.shared_data import build_once

# Built once for the module (tests/shared_data.py); every test sees the rows.
pytestmark = [pytest.mark.usefixtures("_lessons"), pytest.mark.django_db]

ROWS = 5000
SUMMARY = (
    "Crews record blocked streets on a tablet, residents see when their street was "
    "done, and the contact centre answers from the same data. "
) * 3
QUERIES_PER_CHUNK = 6  # pages, themes, two kinds of partners, case studies, projects


def _insert(model, objects):
    """Rows for `model`'s own table only (a page type's parents have tables of their own)."""
    query = InsertQuery(model)
    query.insert_values(model._meta.local_concrete_fields, objects)
    query.get_compiler(connection=connection).execute_sql(returning_fields=None)


def generate_lessons(count):
    """`count` live lessons under the lessons index, written in a few bulk inserts per table
    (a page saved the usual way costs a revision and tens of queries)."""
    ensure_site_structure()
    parent = LessonIndexPage.objects.first() or LessonIndexPageFactory()
    councils = [CouncilFactory(short_name=f"Generated {n}") for n in range(5)]
    themes = list(Theme.objects.all()[:3])
    first_id = (Page.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    start = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    content_type = ContentType.objects.get_for_model(LessonPage)
    locale = Locale.get_default()
    lessons = []
    for n in range(count):
        slug = f"generated-lesson-{n}"
        published = start + datetime.timedelta(hours=n)
        lessons.append(
            LessonPage(
                id=first_id + n,
                page_ptr_id=first_id + n,
                learningpage_ptr_id=first_id + n,
                title=f"Generated lesson {n}",
                draft_title=f"Generated lesson {n}",
                slug=slug,
                path=Page._get_path(parent.path, parent.depth + 1, parent.numchild + n + 1),
                depth=parent.depth + 1,
                numchild=0,
                url_path=f"{parent.url_path}{slug}/",
                live=True,
                first_published_at=published,
                last_published_at=published,
                content_type=content_type,
                locale=locale,
                translation_key=uuid.uuid4(),
                council=councils[n % len(councils)],
                summary=SUMMARY,
                context="<p>Context.</p>",
                what_worked="<p>It worked.</p>",
                advice="<p>Ask the crews.</p>",
            )
        )
    for model in (Page, LearningPage, LessonPage):
        for start in range(0, count, 500):
            _insert(model, lessons[start : start + 500])
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + count)
    ThemedPage.objects.bulk_create(
        ThemedPage(content_object_id=lesson.pk, tag=themes[n % len(themes)])
        for n, lesson in enumerate(lessons)
    )
    SimilarityState.bump()  # as publishing does: the search's facet rows are read again
    return [lesson.pk for lesson in lessons]


@pytest.fixture(scope="module")
def _lessons(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, lambda: generate_lessons(ROWS))


@pytest.fixture
def many_lessons(_lessons, db):
    return _lessons


def stream(response, keep=False):
    """The size of the streamed body, and the body when `keep`; the pieces are dropped as
    they come unless kept."""
    assert isinstance(response, StreamingHttpResponse)
    size, pieces = 0, []
    for piece in response.streaming_content:
        size += len(piece)
        if keep:
            pieces.append(piece)
    return size, b"".join(pieces)


def test_generated_rows_are_real_published_lessons(client, many_lessons):
    assert LessonPage.objects.live().public().count() >= ROWS
    lesson = LessonPage.objects.get(pk=many_lessons[-1])
    assert client.get(lesson.url).status_code == 200
    _size, body = stream(client.get("/search/export.json"), keep=True)
    data = json.loads(body)
    assert data["count"] == LessonPage.objects.live().count()
    assert data["results"][0]["title"] == lesson.title  # newest first, as on /search/


@pytest.mark.parametrize(
    "url",
    ["/search/export.csv", "/search/export.json", "/search/export.json?kind=lesson&sort=newest"],
)
def test_a_large_export_streams_in_bounded_memory(client, many_lessons, url):
    tracemalloc.start()
    try:
        response = client.get(url)
        size, _body = stream(response)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert size > ROWS * len(SUMMARY)
    assert peak < size / 3, f"peak {peak:,} bytes for an export of {size:,}"


def test_a_large_export_needs_a_fixed_number_of_queries_per_chunk(
    client, many_lessons, django_assert_max_num_queries
):
    chunks = -(-ROWS // exports.CHUNK_SIZE)
    with django_assert_max_num_queries(15 + QUERIES_PER_CHUNK * chunks):
        size, _body = stream(client.get("/search/export.csv"))
    assert size > ROWS * len(SUMMARY)


@pytest.mark.parametrize("url", ["/search/export.csv", "/search/export.json"])
def test_a_large_export_streams_in_pieces_of_many_rows(client, many_lessons, url):
    from search.export_views import PIECE_SIZE

    pieces = [len(piece) for piece in client.get(url).streaming_content]
    assert sum(pieces) > ROWS * len(SUMMARY)
    assert all(size >= PIECE_SIZE for size in pieces[:-1])
    assert len(pieces) < ROWS / 10
