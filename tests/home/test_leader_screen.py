"""Issue 14, a leader's first screen: the problem box, councils like mine, cards that show
cost and a headline outcome, grouped side panels and the print stylesheet.

Every test sees the same content, built once for the module: a case study by Bristol, and a
project and a lesson by Bath."""

from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.urls import reverse

import pytest

from casestudies.cards import attach_card_facts
from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from casestudies.models import LearningPage
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from search.grouping import group_matches
from tests.shared_data import build_once, fresh_copy

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_content")]
FINDER = reverse("search:similar_councils")
SEARCH = reverse("search:search")


def first_screen(html):
    return html.split('class="se-hero', 1)[1].split('id="latest-heading"', 1)[0]


def build_content():
    ensure_site_structure()
    bristol = CouncilFactory(short_name="Bristol", slug="bristol")
    bath = CouncilFactory(short_name="Bath", slug="bath")
    case_study = CaseStudyPageFactory(council=bristol, title="Fewer missed bins")
    project = ProjectPageFactory(council=bath, title="Shared housing register")
    lesson = LessonPageFactory(council=bath, title="Start small")
    return SimpleNamespace(
        bristol=bristol, bath=bath, case_study=case_study, project=project, lesson=lesson
    )


@pytest.fixture(scope="module")
def _content(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build_content)


@pytest.fixture
def content(_content, db):
    return fresh_copy(_content)


class TestFirstScreen:
    def test_the_problem_box_goes_to_the_pasted_problem_results(self, client, content):
        hero = first_screen(client.get("/").content.decode())
        assert "Which councils faced this problem?" in hero
        assert f'action="{FINDER}"' in hero
        assert 'name="problem"' in hero

    def test_the_problem_box_leads_to_working_results(self, client, content):
        response = client.get(FINDER, {"problem": "Residents report missed bin collections"})
        assert response.status_code == 200
        assert (
            "faced something similar" in response.content.decode()
            or "No council has published" in response.content.decode()
        )

    def test_choose_your_council_leads_to_councils_like_mine(self, client, content):
        hero = first_screen(client.get("/").content.decode())
        assert "Choose your council" in hero
        assert 'name="peers_of"' in hero
        assert f'<option value="{content.bristol.slug}">Bristol</option>' in hero
        response = client.get(SEARCH, {"peers_of": content.bristol.slug})
        assert response.status_code == 200
        assert 'name="peers_of" value="bristol"' in response.content.decode()

    def test_the_rest_is_a_link_away_on_a_phone(self, client, content):
        html = client.get("/").content.decode()
        assert 'class="se-home-more"' in html
        assert 'class="govuk-grid-column-one-third se-home-aside"' in html


class TestCards:
    def test_cards_show_cost_band_and_headline_outcome(self, client, content):
        html = client.get("/").content.decode()
        latest = html.split('id="latest-heading"', 1)[1]
        assert "£10,000 to £50,000" in latest  # the case study
        assert "£50,000 to £250,000" in latest  # the project's budget
        assert (
            "<strong>120 reports (was 480) in 2023/24</strong>: Missed bin reports a month"
            in latest
        )

    def test_search_results_show_them_too(self, client, content):
        html = client.get(SEARCH).content.decode()
        assert "£10,000 to £50,000" in html
        assert "Missed bin reports a month" in html

    def test_a_lesson_has_no_facts_and_no_empty_list(self, content):
        lesson = LearningPage.objects.filter(pk=content.lesson.pk).for_listing().get()
        assert lesson.card_cost == "" and lesson.card_outcome is None

    def test_attached_facts_take_one_query(self, content, django_assert_num_queries):
        pages = list(LearningPage.objects.order_by("pk"))
        with django_assert_num_queries(1):
            attach_card_facts(pages)
        by_pk = {page.pk: page for page in pages}
        assert (
            by_pk[content.case_study.pk].card_outcome["description"] == "Missed bin reports a month"
        )
        assert by_pk[content.project.pk].card_cost == "£50,000 to £250,000"


def _match(council, *pages, signals=()):
    items = [SimpleNamespace(page=SimpleNamespace(pk=pk), role="") for pk in pages]
    return SimpleNamespace(
        council=council, items=items, signals=list(signals), reason=f"{len(items)} matching items"
    )


class TestGroupedSidePanel:
    def test_councils_matched_on_the_same_page_are_listed_once(self):
        matches = [_match("Bath", 1), _match("Bristol", 1), _match("Wells", 2), _match("Frome", 1)]
        groups = group_matches(matches)
        assert [group.councils for group in groups] == [["Bath", "Bristol", "Frome"], ["Wells"]]
        councils = [council for group in groups for council in group.councils]
        assert len(councils) == len(set(councils))

    def test_the_panel_shows_a_project_once_under_its_councils(self, client, content):
        partners = [CouncilFactory(short_name=name) for name in ("Wells", "Frome", "Yeovil")]
        ProjectPageFactory(
            council=content.bath, partner_councils=partners, title="Fewer missed bins together"
        )
        html = client.get(content.case_study.url).content.decode()
        panel = html.split('id="council-matches-heading"', 1)[1].split("</section>", 1)[0]
        assert panel.count('class="se-related__item"') <= 3


class TestPrintStylesheet:
    def test_the_partial_hides_the_clutter_and_shows_link_addresses(self):
        scss = (Path(settings.BASE_DIR) / "static/scss/_leader.scss").read_text()
        print_rules = scss.split("@media print", 1)[1]
        for selector in (
            ".govuk-template__header",
            ".govuk-service-navigation",
            ".govuk-footer",
            ".se-aside",
            ".se-article form",
        ):
            assert selector in print_rules
        assert "attr(href)" in print_rules
        assert '@use "leader";' in (Path(settings.BASE_DIR) / "static/scss/main.scss").read_text()

    def test_the_built_stylesheet_has_the_print_rules(self):
        css = Path(settings.BASE_DIR) / "static/css/main.css"
        if not css.exists():
            pytest.skip("static/css/main.css is built by `npm run build`")
        text = css.read_text()
        assert "@media print" in text and ".se-aside" in text
        assert '.se-article a[href]:not([href^="#"])::after' in text

    def test_detail_pages_link_the_stylesheet_and_mark_the_side_panel(self, client, content):
        for page in (content.case_study, content.project, content.lesson):
            html = client.get(page.url).content.decode()
            assert 'rel="stylesheet" href="/static/css/main.css' in html
            assert 'class="govuk-grid-column-one-third se-aside"' in html
            assert 'class="govuk-grid-column-two-thirds se-article"' in html


def test_index_pages_of_one_kind_show_the_facts_too(client, content):
    from casestudies.models import CaseStudyPage, LessonPage, ProjectPage

    assert CaseStudyPage.objects.for_listing().get().card_cost == "£10,000 to £50,000"
    assert ProjectPage.objects.for_listing().get().card_cost == "£50,000 to £250,000"
    assert LessonPage.objects.for_listing().get().card_outcome is None
    html = client.get(content.case_study.get_parent().url).content.decode()
    assert "Missed bin reports a month" in html


class _Backend:
    def __init__(self, matches):
        self.matches = matches

    def councils_for_page(self, page, limit=5):
        return self.matches[:limit]

    def similar_items(self, page, limit=5):
        return []


def test_one_project_under_four_councils_is_listed_once(client, content, monkeypatch):
    from search.similarity.base import CouncilMatch, SimilarItem
    from search.templatetags import similarity

    partners = [CouncilFactory(short_name=name) for name in ("Wells", "Frome", "Yeovil")]
    others = [CouncilFactory(short_name=f"Other {n}") for n in range(4)]
    project = content.project
    matches = [
        CouncilMatch(council, 1.0 - n / 10, [SimilarItem(project, 0.5, ["Waste"])])
        for n, council in enumerate([content.bath, *partners])
    ]
    extra = [CaseStudyPageFactory(council=content.bristol) for _ in range(2)]
    pages = [content.lesson, extra[0], extra[1], extra[1]]
    matches += [
        CouncilMatch(council, 0.2, [SimilarItem(page, 0.2)])
        for council, page in zip(others, pages, strict=True)
    ]
    monkeypatch.setattr(similarity, "get_similarity_backend", lambda: _Backend(matches))
    html = client.get(content.case_study.url).content.decode()
    panel = html.split('id="council-matches-heading"', 1)[1].split("</section>", 1)[0]
    assert panel.count(f">{project.title}</a>") == 1
    for council in [content.bath, *partners]:
        assert panel.count(f">{council.short_name}</a>") == 1
    assert "Bath</a>, <a" in panel and "Frome</a> and <a" in panel
    assert panel.count('class="se-related__item"') == 3
    assert "See 2 more councils working on this" in panel
    assert f'href="{FINDER}?problem=Fewer+missed+bins.' in panel
