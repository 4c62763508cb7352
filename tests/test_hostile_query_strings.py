"""Whatever the query string, every public page answers without a server error.

Every public GET route gets every parameter any of its forms or filters knows, filled with
hostile values (Unicode digits, 5,000-digit numbers, NUL bytes, broken percent-encoding) and
with values hypothesis makes up. The routes that hand the query to the search backend are tested
apart (`SearchRoutes`): CI runs them on each backend, the others once per database.
"""

from urllib.parse import quote

from django.core.cache import caches
from django.test import Client

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from casestudies.factories import (
    CaseStudyIndexPageFactory,
    CaseStudyPageFactory,
    LessonIndexPageFactory,
    LessonPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
)
from casestudies.models import ThemePage
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure

# Every parameter a public view, form or filter reads.
PARAMETERS = [
    "q",
    "page",
    "theme",
    "kind",
    "council",
    "council_type",
    "nation",
    "region",
    "phase",
    "year",
    "sort",
    "peers_of",
    "problem",
    "former",
    "next",
    "username",
    "password",
    "type",
    "stance",
    "updated_since",
    "limit",
    "offset",
]
HOSTILE = [
    "\u00b2",
    "\u2460",
    "\u0661\u0662",
    "\uff11",
    "9" * 5000,
    "-1",
    "0",
    "1e9",
    "\x00",
    "%",
    "%ZZ",
    "%C2",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "a" * 20000,
    "crews:bins^2~ AND (",
    "\U0001f600",
    "\u202e",
    "../../etc/passwd",
    "//example.com",
]
ALL_CHARACTERS = st.characters(codec="utf-8")
VALUES = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(ALL_CHARACTERS, max_size=60),
    st.text(st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=12),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=1, max_value=6000).map(lambda n: "7" * n),
)
PAIRS = st.lists(
    st.tuples(st.one_of(st.sampled_from(PARAMETERS), st.text(ALL_CHARACTERS, max_size=10)), VALUES),
    max_size=8,
)


def query_string(pairs):
    """Percent-encoded as a browser would, except values that are already broken escapes."""
    return "&".join(
        f"{quote(key, safe='')}={value if value.startswith('%') else quote(value, safe='')}"
        for key, value in pairs
    )


SEARCH_ROUTES = [
    "/search/",
    "/search/autocomplete/",
    "/search/similar-councils/",
    "/search/export.csv",
    "/search/export.json",
    "/search/export/columns/",
    "/feeds/search/",
]


class HostileQueryStrings:
    search_routes = False

    @classmethod
    def setUpTestData(cls):
        ensure_site_structure()
        CaseStudyIndexPageFactory()
        LessonIndexPageFactory()
        ProjectIndexPageFactory()
        council = CouncilFactory(short_name="Avonford")
        CouncilFactory(short_name="Barchester")
        case_study = CaseStudyPageFactory(council=council, title="Missed bin collections")
        lesson = LessonPageFactory(council=council, title="Bin crews")
        project = ProjectPageFactory(council=council, title="Shared bin routes")
        theme_page = ThemePage.objects.live().first()
        cls.routes = (
            SEARCH_ROUTES
            if cls.search_routes
            else [
                "/",
                "/councils/",
                council.get_absolute_url(),
                "/councils/no-such-council/",
                "/case-studies/",
                "/lessons/",
                "/projects/",
                "/themes/",
                theme_page.url,
                case_study.url,
                lesson.url,
                project.url,
                "/about/",
                "/accessibility/",
                "/accounts/sign-in/",
                "/accounts/request-access/",
                "/accounts/request-access/sent/",
                "/accounts/invitation/not-a-token/",
                "/no-such-page/",
                "/api/v2/",
                "/api/v2/pages/",
                f"/api/v2/pages/{case_study.pk}/",
                "/api/v2/councils/",
                f"/api/v2/councils/{council.pk}/",
                "/api/v2/themes/",
                "/api/v2/openapi.json",
                "/insights/",
                "/feeds/",
                f"/feeds/themes/{theme_page.theme.slug}/",
                f"/feeds/councils/{council.slug}/",
                "/feeds/case-studies/",
                "/feeds/lessons/",
                "/feeds/projects/",
                f"/feeds/projects/{project.pk}/",
                "/feeds/help/",
            ]
        )

    def assert_no_server_error(self, route, querystring):
        caches["default"].clear()  # rate limits would otherwise answer 429 for every route
        response = Client().get(route, QUERY_STRING=querystring)
        assert response.status_code < 500, (route, querystring[:300], response.status_code)
        if response.streaming:  # a download fails, if it does, while it is read
            b"".join(response.streaming_content)

    def test_every_parameter_with_each_hostile_value(self):
        for route in self.routes:
            for value in HOSTILE:
                self.assert_no_server_error(
                    route, query_string([(name, value) for name in PARAMETERS])
                )

    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
    )
    @given(pairs=PAIRS)
    def test_made_up_query_strings(self, pairs):
        querystring = query_string(pairs)
        for route in self.routes:
            self.assert_no_server_error(route, querystring)


class SearchRoutes(HostileQueryStrings, TestCase):
    search_routes = True


class OtherRoutes(HostileQueryStrings, TestCase):
    pass
