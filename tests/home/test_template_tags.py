"""Template tags behind the public templates: figures, filter links, pagination, navigation."""

from decimal import Decimal

from django.template import RequestContext, Template
from django.test import RequestFactory

import pytest

from councils.factories import CouncilFactory
from home.templatetags.content_tags import other_names, outcome_figure

render_factory = RequestFactory()


def render(source, path="/", **context):
    request = render_factory.get(path)
    template = Template("{% load content_tags navigation_tags %}" + source)
    return template.render(RequestContext(request, context)).strip()


@pytest.mark.parametrize(
    ("outcome", "expected"),
    [
        (
            {
                "value": Decimal("41"),
                "unit": "days",
                "baseline": Decimal("96"),
                "period": "2023/24",
            },
            "41 days (was 96) in 2023/24",
        ),
        ({"value": Decimal("62.0"), "unit": "%", "baseline": Decimal("18")}, "62% (was 18%)"),
        (
            {"value": Decimal("3400"), "unit": "£", "baseline": Decimal("5000.50")},
            "£3,400 (was £5,000.5)",
        ),
        ({"value": Decimal("1250"), "unit": "reports", "period": "2024"}, "1,250 reports in 2024"),
        ({"value": None, "unit": "days", "baseline": Decimal("96")}, ""),
    ],
)
def test_outcome_figure_reads_as_a_sentence(outcome, expected):
    assert outcome_figure(outcome) == expected


def test_removing_one_filter_keeps_the_others_and_returns_to_page_one():
    path = "/case-studies/?theme=waste&theme=housing&nation=Wales&page=3"
    assert render("{% url_without 'theme' 'waste' %}", path) == ("?theme=housing&amp;nation=Wales")
    assert render("{% url_without 'nation' 'Wales' %}", "/c/?nation=Wales&page=2") == "/c/"


def test_pagination_keeps_the_filters_and_skips_distant_pages():
    from django.core.paginator import Paginator

    page = Paginator(range(200), 10).get_page(7)
    html = render(
        '{% include "components/pagination.html" with page_obj=page %}',
        "/case-studies/?theme=waste&nation=Wales&page=7",
        page=page,
    )
    assert 'href="?theme=waste&amp;nation=Wales&amp;page=6" rel="prev"' in html
    assert 'href="?theme=waste&amp;nation=Wales&amp;page=8" rel="next"' in html
    assert 'aria-current="page">7</a>' in html
    assert html.count("govuk-pagination__item--ellipses") == 2
    assert 'aria-label="Page 20"' in html
    assert 'aria-label="Page 3"' not in html


def test_no_pagination_for_a_single_page():
    from django.core.paginator import Paginator

    page = Paginator(range(5), 10).get_page(1)
    assert render('{% include "components/pagination.html" with page_obj=page %}', page=page) == ""


@pytest.mark.django_db
def test_other_names_drop_repeats_and_the_councils_own_names():
    council = CouncilFactory(
        short_name="Leeds",
        official_name="Leeds City Council",
        alt_names="Leeds, leeds, leeds city council, City of Leeds, Leodis",
    )
    assert other_names(council) == ["Leodis"]


@pytest.mark.django_db
def test_site_links_find_sections_and_footer_pages_once_per_request(
    site_structure, django_assert_max_num_queries, django_assert_num_queries
):
    request = render_factory.get("/lessons/some-lesson/")
    template = Template(
        "{% load navigation_tags %}{% site_links as links %}{% for link in links.main %}"
        "{{ link.label }}={{ link.url }}{% if link.current %}*{% endif %};{% endfor %}|"
        "{% for link in links.footer %}{{ link.label }}={{ link.url }};{% endfor %}"
    )
    # The site, view restrictions, the pages and the site's root paths (then cached).
    with django_assert_max_num_queries(4):
        html = template.render(RequestContext(request))
    with django_assert_num_queries(0):
        assert template.render(RequestContext(request)) == html
    main, footer = html.split("|")
    assert main == (
        "Case studies=/case-studies/;Lessons=/lessons/*;Projects=/projects/;Themes=/themes/;"
        "Councils=/councils/;Find councils by problem=/search/similar-councils/;"
        "Requests for help=/working-together/help/;Insights=/insights/;Search=/search/;"
    )
    assert footer == (
        "About=/about/;Accessibility statement=/accessibility/;Data credits=/data-credits/;"
        "Sign in to publish=/accounts/sign-in/;"
        "Ask to join as a practitioner=/accounts/request-access/;"
    )


@pytest.mark.django_db
def test_breadcrumbs_run_from_home_to_the_parent(site_structure):
    from casestudies.models import ThemePage

    theme_page = ThemePage.objects.get(slug="waste")
    html = render("{% breadcrumbs page %}", theme_page.url, page=theme_page)
    assert 'href="/">Home</a>' in html
    assert 'href="/themes/">Themes</a>' in html
    assert "Waste" not in html
