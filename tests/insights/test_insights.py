"""The insight page and the home page's summary: figures equal the database counts (drafts,
private pages and withdrawn records never count), each marker links to its council and is
sized by its count, each table cell links to a search with that many results, and the page
costs a fixed number of queries.

Over 300 lines because every figure is checked against the same data, built once for the
module.
"""

import math
import re
from html import unescape

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from casestudies.choices import CollaborationStance
from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from casestudies.models import Theme
from collaboration.models import Reuse, Standing
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from insights import map as uk_map
from insights.figures import all_figures
from tests.shared_data import build_once, fresh_copy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_data")]

URL = "/insights/"
MAX_QUERIES = 25

# key: (short name, region, latitude, longitude, other factory arguments); slugs follow the
# names ("Caerdydd Test" is "caerdydd-test").
COUNCILS = {
    "leeds": ("Leedsby", "Yorkshire and The Humber", 53.8, -1.55, {"unitary": True}),
    "cardiff": ("Caerdydd Test", "Wales", 51.48, -3.18, {"nation": "Wales"}),
    "fife": ("Kingdom Shire", "Scotland", 56.2, -3.1, {"nation": "Scotland"}),
    "drafty": ("Draftwell", "South West", 50.7, -3.5, {}),
    "secret": ("Hushbury", "South West", 51.0, -2.5, {}),
    "quiet": ("Quietvale", "North East", 54.9, -1.6, {}),
    "former": ("Oldshire", "North East", 54.5, -1.5, {"former": True}),
}


def build():
    ensure_site_structure()
    waste = Theme.objects.get(slug="waste")
    housing = Theme.objects.get(slug="housing")
    c = {
        key: CouncilFactory(
            short_name=name, region=region, latitude=latitude, longitude=longitude, **extra
        )
        for key, (name, region, latitude, longitude, extra) in COUNCILS.items()
    }
    p = {
        "bins": CaseStudyPageFactory(
            council=c["leeds"], themes=[waste], partner_councils=[c["cardiff"], c["leeds"]]
        ),
        "bins2": CaseStudyPageFactory(council=c["leeds"], themes=[waste, housing]),
        "register": ProjectPageFactory(
            council=c["leeds"],
            themes=[housing],
            partner_councils=[c["fife"]],
            stance=CollaborationStance.LOOKING_FOR_PARTNERS,
        ),
        "fund": ProjectPageFactory(
            council=c["fife"], themes=[housing], stance=CollaborationStance.SHARE_FUNDING
        ),
        "chat": ProjectPageFactory(council=c["cardiff"], stance=CollaborationStance.SHARE_IDEAS),
        "lesson": LessonPageFactory(council=c["cardiff"], themes=[waste]),
        # None of these count: a draft (with a partner), a draft project looking for
        # partners, a page behind a password.
        "draft": CaseStudyPageFactory(
            council=c["drafty"], themes=[waste], draft=True, partner_councils=[c["quiet"]]
        ),
        "draft_project": ProjectPageFactory(council=c["drafty"], draft=True),
        "private": CaseStudyPageFactory(
            council=c["secret"], themes=[waste], partner_councils=[c["quiet"]]
        ),
    }
    PageViewRestriction.objects.create(
        page=p["private"], restriction_type="password", password="letmein"
    )
    Reuse.objects.create(council=c["cardiff"], page=p["bins"])
    Reuse.objects.create(council=c["fife"], page=p["bins"], output="Bin day finder")
    Reuse.objects.create(council=c["fife"], page=p["register"])
    Reuse.objects.create(council=c["quiet"], page=p["register"], standing=Standing.WITHDRAWN)
    Reuse.objects.create(council=c["quiet"], page=p["private"])
    Reuse.objects.create(council=c["quiet"], page=p["draft"])
    return {"councils": c, "pages": p}


@pytest.fixture(scope="module")
def _data(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build)


@pytest.fixture
def data(_data, db):
    return fresh_copy(_data)


def _markers(html):
    return [
        {"href": href, "label": unescape(label), "title": unescape(title), "r": float(r)}
        for href, label, title, r in re.findall(
            r'<a class="se-map__marker" href="([^"]+)" aria-label="([^"]+)">'
            r'<title>([^<]+)</title><circle cx="[^"]+" cy="[^"]+" r="([^"]+)"/></a>',
            html,
        )
    ]


def _cell_links(html, table_id):
    table = re.search(rf'<table[^>]* id="{table_id}">(.*?)</table>', html, re.S).group(1)
    return [
        (unescape(href), int(count))
        for href, count in re.findall(r'<a class="govuk-link" href="([^"]+)">(\d+)<', table)
    ]


class TestFigures:
    def test_headlines_equal_the_database_counts(self, data):
        figures = all_figures()
        # Leedsby, Caerdydd Test, Kingdom Shire; not the draft's, the private page's or the
        # partner on them.
        assert figures.headlines.councils == 3
        assert figures.headlines.pages == 6
        assert figures.headlines.seeking_partners == 2  # looking for partners, share funding
        assert figures.headlines.reuses == 3  # not withdrawn, not on a draft or private page

    def test_each_council_counts_what_it_leads_and_partners_on(self, data):
        counts = {item.council.slug: (item.led, item.partnered) for item in all_figures().councils}
        # A lead listed as its own partner counts once.
        assert counts == {"leedsby": (3, 0), "caerdydd-test": (2, 1), "kingdom-shire": (1, 1)}

    def test_theme_tables_count_by_the_lead_councils_nation_and_region(self, data):
        figures = all_figures()
        assert figures.by_nation == {
            ("waste", "England"): 2,
            ("waste", "Wales"): 1,
            ("housing", "England"): 2,
            ("housing", "Scotland"): 1,
        }
        assert figures.by_region == {
            ("waste", "Yorkshire and The Humber"): 2,
            ("waste", "Wales"): 1,
            ("housing", "Yorkshire and The Humber"): 2,
            ("housing", "Scotland"): 1,
        }
        assert figures.by_theme == {"waste": 3, "housing": 3}

    def test_most_reused_and_projects_seeking_partners(self, data):
        figures = all_figures()
        assert [
            (page.pk, page.reuse_count, page.reusing_councils) for page in figures.most_reused
        ] == [(data["pages"]["bins"].pk, 2, 2), (data["pages"]["register"].pk, 1, 1)]
        assert {page.pk for page in figures.seeking_partners} == {
            data["pages"]["register"].pk,
            data["pages"]["fund"].pk,
        }

    def test_councils_with_nothing_published_yet_are_current_and_by_region(self, data):
        not_yet = {
            region: [council.slug for council in councils]
            for region, councils in all_figures().not_yet
        }
        assert not_yet == {"North East": ["quietvale"], "South West": ["draftwell", "hushbury"]}


class TestPage:
    def test_each_marker_links_to_its_council_sized_by_count(self, client, data):
        response = client.get(URL)
        assert response.status_code == 200
        markers = _markers(response.content.decode())
        c = data["councils"]
        assert [(m["href"], m["label"]) for m in markers] == [
            (c["cardiff"].get_absolute_url(), "Caerdydd Test: 3 published"),
            (c["leeds"].get_absolute_url(), "Leedsby: 3 published"),
            (c["fife"].get_absolute_url(), "Kingdom Shire: 2 published"),
        ]
        assert all(m["title"] == m["label"] for m in markers)
        # Area proportional to the count.
        assert markers[0]["r"] ** 2 / markers[2]["r"] ** 2 == pytest.approx(3 / 2, rel=0.05)
        for marker in markers:
            assert client.get(marker["href"]).status_code == 200

    def test_marker_positions_follow_the_register_coordinates(self):
        north = uk_map.project(60.2, -1.2)  # Shetland
        south = uk_map.project(50.1, -5.5)  # Cornwall
        east = uk_map.project(52.6, 1.7)  # Norfolk
        width, height = uk_map.WIDTH, uk_map.HEIGHT
        for x, y in (north, south, east):
            assert 0 <= x <= width and 0 <= y <= height
        assert north[1] < south[1] and east[0] > south[0]
        assert uk_map.project(90, 40) == (width, 0)  # clamped to the edge

    def test_the_map_has_a_name_and_a_table_alternative(self, client, data):
        html = client.get(URL).content.decode()
        assert 'role="group" aria-labelledby="insights-map-title"' in html
        assert '<figcaption class="govuk-body-s" id="insights-map-caption">' in html
        table = html.split('id="map-table"', 1)[1].split("</details>", 1)[0]
        for council in ("leeds", "cardiff", "fife"):
            assert data["councils"][council].get_absolute_url() in table
        assert "Draftwell" not in table and "Hushbury" not in table
        assert 'style="' not in html.split("<main", 1)[1]

    @pytest.mark.parametrize("table_id", ["by-nation", "by-region"])
    def test_each_cell_links_to_a_search_with_that_many_results(self, client, data, table_id):
        html = client.get(URL).content.decode()
        links = _cell_links(html, table_id)
        assert len(links) == 4 + 2  # four non-zero cells and two theme totals
        facet = table_id.removeprefix("by-")
        assert any(f"{facet}=" in href for href, _ in links)
        for href, count in links:
            assert href.startswith(reverse("search:search") + "?theme=")
            response = client.get(href)
            assert response.status_code == 200
            assert response.context["params"].ignored == []  # the filter was accepted
            assert response.context["outcome"].paginator.count == count, href

    def test_the_tables_have_captions_and_header_scopes(self, client, data):
        html = client.get(URL).content.decode()
        for table_id in ("by-nation", "by-region"):
            table = re.search(rf'<table[^>]* id="{table_id}">(.*?)</table>', html, re.S).group(1)
            assert "<caption" in table
            assert table.count('scope="row"') == Theme.objects.count()
            assert 'scope="col"' in table

    def test_lists_show_only_public_records(self, client, data):
        html = client.get(URL).content.decode()
        p = data["pages"]
        assert p["bins"].url in html and p["register"].url in html and p["fund"].url in html
        assert "reused 2 times by 2 councils" in html
        assert p["chat"].url not in html.split('id="partners-heading"', 1)[1]
        for hidden in ("draft", "draft_project", "private"):
            assert p[hidden].title not in html
        assert "@example.gov.uk" not in html

    def test_queries_do_not_grow_with_the_data(self, client, data):
        client.get(URL)  # the first request reads what is cached for the process
        with CaptureQueriesContext(connection) as before:
            assert client.get(URL).status_code == 200
        waste = Theme.objects.get(slug="waste")
        for n in range(4):
            council = CouncilFactory(latitude=52 + n / 10, longitude=-1, region="London")
            page = CaseStudyPageFactory(
                council=council, themes=[waste], partner_councils=[data["councils"]["fife"]]
            )
            ProjectPageFactory(council=council, partner_councils=[council])
            Reuse.objects.create(council=data["councils"]["quiet"], page=page)
        client.get(URL)
        with CaptureQueriesContext(connection) as after:
            assert client.get(URL).status_code == 200
        assert len(after) == len(before) <= MAX_QUERIES

    def test_max_queries(self, client, django_assert_max_num_queries, data):
        with django_assert_max_num_queries(MAX_QUERIES):
            client.get(URL)

    @pytest.mark.parametrize("query", ["?page=٣", "?theme=%00", "?x=" + "9" * 5000])
    def test_query_strings_are_ignored(self, client, query):
        assert client.get(URL + query).status_code == 200


def test_home_page_shows_the_small_map_and_headline_numbers(client, data):
    html = client.get("/").content.decode()
    summary = html.split('id="insights-summary-heading"', 1)[1].split("</section>", 1)[0]
    figures = [
        (unescape(label), value)
        for label, value in re.findall(
            r'<dt class="se-stats__label">([^<]+)</dt>\s*<dd class="se-stats__value">([^<]+)</dd>',
            summary,
        )
    ]
    assert figures == [
        ("Councils with published learning, as lead or partner", "3"),
        ("Pages published", "6"),
        ("Projects looking for partners", "2"),
        ("Reuse records", "3"),
    ]
    assert 'role="img" aria-labelledby="home-map-title"' in summary
    assert "Map of the UK: 3 councils with published learning" in summary
    assert summary.count('class="se-map__dot"') == 3
    assert f'href="{URL}"' in summary
    assert '<a class="se-map__marker"' not in summary  # one link, not one per council


def test_navigation_links_to_insights(client, data):
    html = client.get("/").content.decode()
    assert f'<a class="govuk-service-navigation__link" href="{URL}"' in html


def test_radius_is_area_proportional_and_bounded():
    scale = uk_map.radius_scale(400)
    assert scale * math.sqrt(400) <= uk_map.LARGEST_RADIUS + 0.01
    assert uk_map.radius_scale(0) == uk_map.SMALLEST_RADIUS
