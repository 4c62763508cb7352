"""What search engines and link previews read: sitemap.xml, robots.txt, and on every page
type a title, a meta description, a canonical link, Open Graph and Twitter card tags, and
schema.org JSON-LD that is safe in a <script> element.

Over 300 lines because it checks every page type against the same rules, one table of pages.
"""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction, Site

import pytest

from casestudies.factories import (
    CaseStudyPageFactory,
    LessonPageFactory,
    ProjectPageFactory,
)
from casestudies.models import CaseStudyIndexPage, LessonIndexPage, ProjectIndexPage, ThemePage
from councils.factories import CouncilFactory
from councils.models import Council
from home.seo import DESCRIPTION_LENGTH, json_ld, trim
from home.site_structure import ensure_site_structure
from home.sitemaps import PageSitemap
from tests.shared_data import build_once, fresh_copy

ROOT = "http://localhost"
HOSTILE_TITLE = 'Bins </script><script>alert("x")</script><!-- & more'
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def build_world():
    ensure_site_structure()
    lead = CouncilFactory(
        short_name="Wychavon",
        official_name="Wychavon District Council",
        region="West Midlands",
        nation="England",
    )
    partner = CouncilFactory(short_name="Malvern Hills")
    quiet = CouncilFactory(short_name="Quietshire")
    draft_only = CouncilFactory(short_name="Draftshire")
    private_only = CouncilFactory(short_name="Privateshire")
    former = CouncilFactory(short_name="Oldshire", is_current=False)
    case_study = CaseStudyPageFactory(
        title=HOSTILE_TITLE,
        council=lead,
        partner_councils=[partner],
        summary="How Wychavon cut missed bin collections by a third. " * 8,
        contact_email="private.person@wychavon.example",
        contact_is_public=False,
    )
    lesson = LessonPageFactory(
        title="Start with the data",
        council=lead,
        search_description="Clean the address data first.",
    )
    project = ProjectPageFactory(
        title="Shared housing register", council=lead, partner_councils=[partner]
    )
    CaseStudyPageFactory(title="Former council's work", council=former)
    draft = CaseStudyPageFactory(title="A draft case study", council=draft_only, draft=True)
    private = CaseStudyPageFactory(title="A private case study", council=private_only)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    theme_page = ThemePage.objects.get(slug="waste")
    # Enough councils for ten pages of the directory, without indexing each for search.
    Council.objects.bulk_create(CouncilFactory.build_batch(460))
    return {
        "lead": lead,
        "partner": partner,
        "quiet": quiet,
        "draft_only": draft_only,
        "private_only": private_only,
        "former": former,
        "case_study": case_study,
        "lesson": lesson,
        "project": project,
        "draft": draft,
        "private": private,
        "theme_page": theme_page,
    }


@pytest.fixture(scope="module")
def _world(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build_world)


@pytest.fixture
def world(_world, db):
    return fresh_copy(_world)


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_world")]


class Head(HTMLParser):
    """The tags of a page's <head> a search engine reads, and every <script>."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.scripts, self.title = [], [], [], ""
        self._in, self._script = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            self.meta.append(attrs)
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "title":
            self._in = "title"
        elif tag == "script":
            self._script = {"attrs": attrs, "text": ""}
            self._in = "script"

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(self._script)
            self._script = None
        self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self._script["text"] += data

    def named(self, name):
        return [
            m.get("content")
            for m in self.meta
            if m.get("name") == name or m.get("property") == name
        ]

    def canonical(self):
        return [link["href"] for link in self.links if link.get("rel") == "canonical"]

    def json_ld(self):
        return [
            json.loads(s["text"])
            for s in self.scripts
            if s["attrs"].get("type") == "application/ld+json"
        ]


def parse(response):
    head = Head()
    head.feed(response.content.decode())
    return head


def page_types(world):
    """(name, path, status) for every public page type."""
    return [
        ("home page", "/", 200),
        ("case study index", CaseStudyIndexPage.objects.get().url, 200),
        ("lesson index", LessonIndexPage.objects.get().url, 200),
        ("project index", ProjectIndexPage.objects.get().url, 200),
        ("case study", world["case_study"].url, 200),
        ("lesson", world["lesson"].url, 200),
        ("project", world["project"].url, 200),
        ("theme index", "/themes/", 200),
        ("theme page", world["theme_page"].url, 200),
        ("standard page", "/about/", 200),
        ("accessibility statement", "/accessibility/", 200),
        ("council directory", reverse("councils:directory"), 200),
        ("council profile", world["lead"].get_absolute_url(), 200),
        ("council profile, nothing published", world["quiet"].get_absolute_url(), 200),
        ("search", reverse("search:search") + "?q=bins&nation=England", 200),
        ("councils facing a similar problem", reverse("search:similar_councils"), 200),
        ("requests for help", reverse("collaboration:help_list"), 200),
        ("sign in", reverse("accounts:sign_in"), 200),
        ("page not found", "/no-such-page/", 404),
    ]


# Every page type ---------------------------------------------------------------------------------


def test_every_page_type_has_title_description_canonical_and_link_preview_tags(client, world):
    failures = []
    for name, path, status in page_types(world):
        response = client.get(path)
        if response.status_code != status:
            failures.append(f"{name}: status {response.status_code}")
            continue
        head = parse(response)
        descriptions = head.named("description")
        canonical = head.canonical()
        problems = []
        if not head.title.strip():
            problems.append("no title")
        if len(descriptions) != 1 or not (descriptions[0] or "").strip():
            problems.append(f"descriptions {descriptions}")
        elif len(descriptions[0]) > DESCRIPTION_LENGTH:
            problems.append(f"description of {len(descriptions[0])} characters")
        if len(canonical) != 1 or not canonical[0].startswith(f"{ROOT}/"):
            problems.append(f"canonical {canonical}")
        for tag in (
            "og:title",
            "og:description",
            "og:url",
            "og:type",
            "og:site_name",
            "twitter:card",
            "twitter:title",
            "twitter:description",
        ):
            values = head.named(tag)
            if len(values) != 1 or not values[0]:
                problems.append(f"{tag} {values}")
        if canonical and head.named("og:url") != canonical:
            problems.append("og:url is not the canonical URL")
        failures.extend(f"{name} ({path}): {problem}" for problem in problems)
    assert not failures, "\n".join(failures)


def test_the_only_inline_scripts_are_json_ld(client, world):
    """The CSP (script-src 'self') would refuse an executable inline script; JSON-LD is a
    data block, which the browser never runs, so it needs no exception."""
    for _name, path, status in page_types(world):
        response = client.get(path)
        assert response.status_code == status
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        for script in parse(response).scripts:
            assert (
                script["attrs"].get("src") or script["attrs"].get("type") == "application/ld+json"
            ), (path, script)


def test_descriptions_come_from_search_description_then_summary_then_introduction(client, world):
    lesson = parse(client.get(world["lesson"].url))
    assert lesson.named("description") == ["Clean the address data first."]

    case_study = parse(client.get(world["case_study"].url)).named("description")[0]
    assert case_study.startswith("How Wychavon cut missed bin collections by a third.")
    assert case_study.endswith("…") and len(case_study) <= DESCRIPTION_LENGTH

    index = parse(client.get(CaseStudyIndexPage.objects.get().url)).named("description")
    assert index == ["What councils did about a problem, what it cost and what changed."]


def test_trim_gives_plain_text_cut_at_a_word():
    assert trim("<p>Fewer\n  missed <b>bins</b></p>") == "Fewer missed bins"
    trimmed = trim("word " * 100)
    assert len(trimmed) <= DESCRIPTION_LENGTH and trimmed.endswith("word…")


def test_open_graph_type_and_dates_of_an_article(client, world):
    head = parse(client.get(world["case_study"].url))
    assert head.named("og:type") == ["article"]
    assert head.named("og:title") == [HOSTILE_TITLE]
    assert len(head.named("article:published_time")) == 1
    assert parse(client.get("/")).named("og:type") == ["website"]


# Canonical URLs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?page=2", "?page=2"),
        ("?page=2&utm_source=newsletter", "?page=2"),
        ("?page=1", ""),
        ("?nation=Wales&page=2", ""),  # a filtered page 2 is not page 2 of the directory
        ("?q=shire", ""),
        ("?page=%D9%A3", ""),  # Arabic-Indic three: not a page number, so the first page
        ("?page=99999", "?page=10"),  # past the end: the last page is shown
        ("?page=2&page=3", "?page=3"),
    ],
)
def test_council_directory_canonical_keeps_only_an_unfiltered_page_number(client, query, expected):
    response = client.get(reverse("councils:directory") + query)

    assert response.status_code == 200
    assert parse(response).canonical() == [f"{ROOT}/councils/{expected}"]


def test_search_canonical_drops_every_parameter(client):
    response = client.get(reverse("search:search") + "?q=bins&theme=waste&page=2&sort=newest")

    assert parse(response).canonical() == [f"{ROOT}/search/"]


def test_a_content_page_canonical_ignores_its_query_string(client, world):
    response = client.get(world["lesson"].url + "?page=2&utm_source=x")

    assert parse(response).canonical() == [f"{ROOT}{world['lesson'].url}"]


def test_absolute_urls_come_from_the_wagtail_site(client, world):
    Site.objects.filter(is_default_site=True).update(hostname="learning.example.org", port=443)

    head = parse(client.get(world["lesson"].url))
    robots = client.get("/robots.txt").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()

    assert head.canonical() == [f"https://learning.example.org{world['lesson'].url}"]
    assert "Sitemap: https://learning.example.org/sitemap.xml" in robots
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith("https://learning.example.org/") for loc in locations)
    for location in locations:
        pages = re.findall(r"<loc>([^<]+)</loc>", client.get(urlsplit(location).path).text)
        assert pages and all(loc.startswith("https://learning.example.org/") for loc in pages)


# JSON-LD -----------------------------------------------------------------------------------------


def test_case_study_json_ld_is_an_article_and_safe_against_script_injection(client, world):
    response = client.get(world["case_study"].url)
    html = response.content.decode()
    head = parse(response)

    scripts = [s for s in head.scripts if s["attrs"].get("type") == "application/ld+json"]
    assert len(scripts) == 1
    raw = scripts[0]["text"]
    assert "</script" not in raw.lower() and "<!--" not in raw and "<" not in raw
    data = json.loads(raw)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == HOSTILE_TITLE
    assert data["author"]["@type"] == "GovernmentOrganization"
    assert data["author"]["name"] == "Wychavon District Council"
    assert [c["name"] for c in data["contributor"]] == [world["partner"].official_name]
    assert data["url"] == f"{ROOT}{world['case_study'].url}"
    assert data["license"].startswith("https://www.nationalarchives.gov.uk/")
    assert data["datePublished"] and data["dateModified"]
    # The page's own script tags are unchanged: nothing the title holds ran or broke out.
    assert html.count("<script") == html.count("</script>")
    assert 'alert("x")</script>' not in html
    assert "private.person@wychavon.example" not in html


def test_json_ld_escapes_what_could_end_the_script_element():
    text = json_ld({"name": "</script><script>alert(1)</script> <!-- & -->"})

    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> <!-- & -->"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("lesson", "Article"),
        ("project", "Project"),
        ("council profile", "GovernmentOrganization"),
        ("home page", "WebSite"),
    ],
)
def test_json_ld_type_of_each_page_type(client, world, name, expected):
    path = {n: p for n, p, _ in page_types(world)}[name]

    documents = parse(client.get(path)).json_ld()

    assert [d["@type"] for d in documents] == [expected]
    assert documents[0]["@context"] == "https://schema.org"


def test_project_json_ld_names_its_member_councils(client, world):
    data = parse(client.get(world["project"].url)).json_ld()[0]

    assert data["name"] == "Shared housing register"
    assert [m["name"] for m in data["member"]] == [
        world["lead"].official_name,
        world["partner"].official_name,
    ]
    assert data["mainEntityOfPage"]["@id"] == f"{ROOT}{world['project'].url}"


def test_council_json_ld_describes_the_council(client, world):
    lead = world["lead"]
    data = parse(client.get(lead.get_absolute_url())).json_ld()[0]

    assert data["name"] == "Wychavon District Council"
    assert "Wychavon" in data["alternateName"]
    assert data["url"] == f"{ROOT}{lead.get_absolute_url()}"
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "GB",
        "addressRegion": "West Midlands",
    }
    assert data["identifier"]["value"] == lead.gss_code


def test_home_json_ld_is_a_website_with_a_search_action(client):
    data = parse(client.get("/")).json_ld()[0]

    assert data["url"] == f"{ROOT}/"
    assert (
        data["potentialAction"]["target"]["urlTemplate"]
        == f"{ROOT}/search/?q={{search_term_string}}"
    )


def test_a_form_about_a_page_is_not_described_as_the_page(client, world):
    """'We face this too' shows a case study in its context, but is a page of its own."""
    response = client.get(
        reverse("collaboration:face_this_too", args=[world["case_study"].pk]), follow=True
    )

    head = parse(response)
    assert head.json_ld() == []
    assert head.canonical() != [f"{ROOT}{world['case_study'].url}"]


# sitemap.xml -------------------------------------------------------------------------------------


def _xml(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own response)


def _sitemap(client):
    """Every address in the sitemaps that sitemap.xml, an index, lists."""
    entries = {}
    for location in _xml(client, "/sitemap.xml").iterfind("s:sitemap/s:loc", SITEMAP_NS):
        address = urlsplit(location.text)
        for url in _xml(client, f"{address.path}?{address.query}").findall("s:url", SITEMAP_NS):
            entries[url.findtext("s:loc", namespaces=SITEMAP_NS)] = url.findtext(
                "s:lastmod", namespaces=SITEMAP_NS
            )
    return entries


def test_sitemap_lists_published_public_pages_with_lastmod(client, world):
    entries = _sitemap(client)

    for key in ("case_study", "lesson", "project"):
        page = world[key]
        location = f"{ROOT}{page.url}"
        assert location in entries, key
        assert entries[location] == page.last_published_at.date().isoformat()
    for path in ("/", "/case-studies/", "/themes/waste/", "/about/", "/accessibility/"):
        assert f"{ROOT}{path}" in entries, path
        assert entries[f"{ROOT}{path}"], f"no lastmod for {path}"
    for key in ("draft", "private"):
        assert not any(world[key].slug in location for location in entries), key


def test_sitemap_lists_councils_that_have_published_or_partner_on_something(client, world):
    entries = _sitemap(client)

    for key in ("lead", "partner"):
        location = f"{ROOT}{world[key].get_absolute_url()}"
        assert location in entries, key
        assert entries[location] == world["project"].last_published_at.date().isoformat()
    for key in ("quiet", "draft_only", "private_only", "former"):
        assert f"{ROOT}{world[key].get_absolute_url()}" not in entries, key


def test_sitemap_is_an_index_of_sitemaps_of_bounded_size(client, world, monkeypatch):
    monkeypatch.setattr(PageSitemap, "limit", 3)
    index = [
        loc.text for loc in _xml(client, "/sitemap.xml").iterfind("s:sitemap/s:loc", SITEMAP_NS)
    ]
    pages = [urlsplit(loc) for loc in index if "/sitemap-pages.xml" in loc]

    assert len(pages) > 1
    assert [address.query for address in pages[:2]] == ["", "p=2"]
    sizes = [len(_xml(client, f"{a.path}?{a.query}").findall("s:url", SITEMAP_NS)) for a in pages]
    assert max(sizes) == 3
    assert _sitemap(client).keys() >= {f"{ROOT}{world['lesson'].url}"}
    for query in (f"p={len(pages) + 1}", "p=0", "p=two", "p=" + "9" * 400):
        assert client.get(f"/sitemap-pages.xml?{query}").status_code == 404, query
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_queries_do_not_grow_with_the_content(client, world):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            entries = _sitemap(client)
        return len(captured), entries

    queries()  # the first request also finds and caches the site
    before, _ = queries()
    for number in range(10):
        LessonPageFactory(title=f"Lesson {number}", council=CouncilFactory())
    queries()  # what is cached per content version is read again once after a change
    after, entries = queries()

    assert after == before
    assert len([loc for loc in entries if "/lessons/lesson-" in loc]) == 10


# robots.txt --------------------------------------------------------------------------------------


def test_robots_txt_keeps_crawlers_out_of_admin_search_accounts_and_forms(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    for path in (
        "/admin/",
        "/search/",
        "/accounts/",
        "/working-together/projects/",
        "/working-together/pages/",
        "/working-together/help/new/",
        "/working-together/introduce/",
    ):
        assert f"Disallow: {path}" in lines, path
    assert "Disallow: /working-together/" not in lines  # requests for help may be read
    assert f"Sitemap: {ROOT}/sitemap.xml" in lines


def test_robots_txt_refuses_other_methods(client):
    assert client.post("/robots.txt").status_code == 405
    assert client.post("/sitemap.xml").status_code == 405


def test_a_deploy_check_warns_when_the_site_address_is_not_the_public_one(settings):
    from home.checks import check_site_address

    settings.WAGTAILADMIN_BASE_URL = "https://councils.example.org"
    assert [w.id for w in check_site_address()] == ["home.W002"]

    Site.objects.filter(is_default_site=True).update(hostname="councils.example.org", port=443)
    assert check_site_address() == []
