"""Atom feeds under /feeds/: valid Atom, published and public content only, stable ids."""

import datetime as dt
import xml.etree.ElementTree as ET

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    LessonIndexPageFactory,
    LessonPageFactory,
    ProgressUpdateFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
)
from casestudies.models import ThemePage
from collaboration.models import HelpRequest
from councils.factories import CouncilFactory
from tests.shared_data import build_once, fresh_copy

ATOM = "{http://www.w3.org/2005/Atom}"


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{name}").text, name
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{name}").text, name
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith("http://testserver/"), link
        assert entry.find(f"{ATOM}author/{ATOM}name").text
    return feed, entries


def titles(entries):
    return [entry.find(f"{ATOM}title").text for entry in entries]


def build_content():
    from casestudies.models import Theme
    from home.site_structure import ensure_site_structure

    ensure_site_structure()
    theme = Theme.objects.get(slug="waste")
    CaseStudyIndexPageFactory()
    LessonIndexPageFactory()
    ProjectIndexPageFactory()
    council = CouncilFactory(short_name="Avonford")
    pages = {
        "case study": CaseStudyPageFactory(council=council, title="Bins online", themes=[theme]),
        "lesson": LessonPageFactory(council=council, title="Start with data", themes=[theme]),
        "project": ProjectPageFactory(title="Shared routes", partner_councils=[council]),
        "draft": CaseStudyPageFactory(
            council=council, title="Draft bins", themes=[theme], draft=True
        ),
        "unpublished": LessonPageFactory(council=council, title="Withdrawn lesson", themes=[theme]),
        "private": CaseStudyPageFactory(council=council, title="Private bins", themes=[theme]),
    }
    pages["unpublished"].unpublish()
    PageViewRestriction.objects.create(page=pages["private"], restriction_type="login")
    return {"council": council, "theme": theme, **pages}


@pytest.fixture(scope="module")
def _content(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build_content)


@pytest.fixture
def content(_content, db):
    return fresh_copy(_content)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_content")]


HIDDEN = {"Draft bins", "Withdrawn lesson", "Private bins"}


@pytest.mark.parametrize(
    "url, expected",
    [
        ("/feeds/", {"Bins online", "Start with data", "Shared routes"}),
        ("/feeds/themes/waste/", {"Bins online", "Start with data"}),
        ("/feeds/councils/avonford/", {"Bins online", "Start with data", "Shared routes"}),
        ("/feeds/case-studies/", {"Bins online"}),
        ("/feeds/lessons/", {"Start with data"}),
        ("/feeds/projects/", {"Shared routes"}),
        ("/feeds/search/?kind=case-study&theme=waste", {"Bins online"}),
        ("/feeds/search/?q=bins", {"Bins online"}),
        (
            "/feeds/search/?theme=waste&council=avonford&sort=newest&page=4",
            {"Bins online", "Start with data"},
        ),
    ],
)
def test_feeds_are_atom_with_only_published_public_pages(client, content, url, expected):
    _feed, entries = parse(client, url)
    assert set(titles(entries)) == expected
    assert not HIDDEN & set(titles(entries))


def test_entries_say_who_and_when(client, content):
    _feed, entries = parse(client, "/feeds/case-studies/")
    entry = entries[0]
    page = content["case study"]
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Avonford"
    assert entry.find(f"{ATOM}author/{ATOM}uri").text == "http://testserver/councils/avonford/"
    assert entry.find(f"{ATOM}link").get("href") == f"http://testserver{page.url}"
    assert entry.find(f"{ATOM}published").text
    assert entry.find(f"{ATOM}summary").text == page.summary


def test_ids_are_stable_tag_uris(client, content):
    first, first_entries = parse(client, "/feeds/")
    content["case study"].save_revision().publish()  # published again: same entry
    second, second_entries = parse(client, "/feeds/")
    assert (
        first.find(f"{ATOM}id").text
        == second.find(f"{ATOM}id").text
        == ("tag:testserver,2025:feeds/all")
    )
    ids = {entry.find(f"{ATOM}id").text for entry in first_entries}
    assert ids == {entry.find(f"{ATOM}id").text for entry in second_entries}
    assert f"tag:testserver,2025:page-{content['case study'].pk}" in ids


def test_a_search_feed_has_one_id_whatever_the_order_of_its_filters(client, content):
    first, _ = parse(client, "/feeds/search/?theme=waste&kind=lesson&kind=case-study")
    second, _ = parse(client, "/feeds/search/?kind=case-study&page=2&kind=lesson&theme=waste")
    assert first.find(f"{ATOM}id").text == second.find(f"{ATOM}id").text
    links = {link.get("rel"): link.get("href") for link in second.findall(f"{ATOM}link")}
    assert links == {
        "self": "http://testserver/feeds/search/?kind=case-study&kind=lesson&theme=waste",
        "alternate": "http://testserver/search/?kind=case-study&kind=lesson&theme=waste",
    }
    assert first.find(f"{ATOM}title").text == (
        "Shared Endeavour: Content type: Case studies, Lessons; Theme: Waste"
    )


def test_a_project_feed_lists_its_live_progress_updates(client, content):
    project = content["project"]
    now = timezone.now()
    ProgressUpdateFactory(
        project=project, title="Routes agreed", first_published_at=now - dt.timedelta(days=1)
    )
    ProgressUpdateFactory(project=project, title="Not yet approved", live=False)
    _feed, entries = parse(client, f"/feeds/projects/{project.pk}/")
    assert titles(entries) == ["Routes agreed"]
    assert "#progress-update-" in entries[0].find(f"{ATOM}link").get("href")


def test_the_help_feed_lists_open_requests_with_public_fields_only(client, content):
    asker = CouncilFactory(short_name="Barchester")
    HelpRequest.objects.create(
        council=asker, title="Who has routed school buses?", details="We are starting a discovery."
    )
    HelpRequest.objects.create(council=asker, title="Answered already", status="closed")
    response = client.get("/feeds/help/")
    _feed, entries = parse(client, "/feeds/help/")
    assert titles(entries) == ["Who has routed school buses?"]
    assert b"@" not in response.content.replace(b"xmlns", b"")


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/themes/no-such-theme/",
        "/feeds/councils/no-such-council/",
        "/feeds/projects/999999/",
        "/feeds/no-such-kind/",
    ],
)
def test_unknown_subjects_are_not_found(client, content, url):
    assert client.get(url).status_code == 404


def test_a_draft_project_has_no_feed(client, content):
    content["project"].unpublish()
    assert client.get(f"/feeds/projects/{content['project'].pk}/").status_code == 404


def test_a_huge_search_is_refused_with_a_clear_answer(client, content):
    response = client.get("/feeds/search/?q=" + "a" * 5000)
    assert response.status_code == 400
    assert b"too long" in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/",
        "/feeds/themes/waste/",
        "/feeds/councils/avonford/",
        "/feeds/lessons/",
        "/feeds/search/?theme=waste",
        "/feeds/help/",
    ],
)
def test_feed_queries_do_not_grow_with_the_entries(
    client, content, url, django_assert_max_num_queries
):
    client.get(url)
    with django_assert_max_num_queries(40) as before:
        client.get(url)
    counted = len(before)
    for n in range(6):
        LessonPageFactory(council=content["council"], title=f"More {n}", themes=[content["theme"]])
        HelpRequest.objects.create(council=content["council"], title=f"Help {n}")
    client.get(url)
    with django_assert_max_num_queries(counted):
        client.get(url)


def test_pages_link_to_their_feeds(client, content):
    theme_page = ThemePage.objects.live().get(theme=content["theme"])
    links = {
        "/": 'href="http://testserver/feeds/"',
        theme_page.url: 'href="http://testserver/feeds/themes/waste/"',
        "/councils/avonford/": 'href="http://testserver/feeds/councils/avonford/"',
        "/case-studies/": 'href="http://testserver/feeds/case-studies/"',
        "/lessons/": 'href="http://testserver/feeds/lessons/"',
        "/projects/": 'href="http://testserver/feeds/projects/"',
        content["project"].url: f'href="http://testserver/feeds/projects/{content["project"].pk}/"',
        "/working-together/help/": 'href="http://testserver/feeds/help/"',
        "/search/?theme=waste&kind=lesson&page=1": (
            'href="http://testserver/feeds/search/?kind=lesson&amp;theme=waste"'
        ),
    }
    for url, href in links.items():
        html = client.get(url).content.decode()
        assert 'rel="alternate" type="application/atom+xml"' in html, url
        assert href in html, url


def test_characters_xml_cannot_hold_are_dropped(client, content):
    feed, _entries = parse(client, "/feeds/search/?q=bins%01%1B&theme=waste")
    assert "\x01" not in feed.find(f"{ATOM}title").text
    content["case study"].title = "Bins\x0b online"
    content["case study"].save_revision().publish()
    _feed, entries = parse(client, "/feeds/case-studies/")
    assert titles(entries) == ["Bins online"]


def test_a_feed_is_sent_as_one_piece(client, content):
    # The feed writer writes a few bytes at a time; sent like that, a cached feed took 10 ms.
    assert len(list(client.get("/feeds/case-studies/"))) == 1
