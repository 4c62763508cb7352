"""The home page and standard pages render for a reader."""

import pytest

from casestudies.factories import CaseStudyPageFactory, ProjectPageFactory, ThemePageFactory
from casestudies.models import Theme
from councils.factories import CouncilFactory
from home.factories import StandardPageFactory
from home.models import HomeFeaturedItem, HomePage

pytestmark = pytest.mark.django_db


def test_home_page_shows_new_work_themes_and_councils(client):
    waste = Theme.objects.get(slug="waste")
    theme_page = ThemePageFactory(theme=waste)
    council = CouncilFactory(short_name="Wychavon")
    CaseStudyPageFactory(title="Fewer missed bins", council=council, themes=[waste])
    ProjectPageFactory(title="Shared housing register", council=council)
    CaseStudyPageFactory(title="A draft case study", draft=True)
    CaseStudyPageFactory(title="Another draft", council=council, draft=True)

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "Fewer missed bins",
        "Shared housing register",
        "Wychavon",
        council.get_absolute_url(),
        theme_page.url,
        "Adult social care",
    ):
        assert text in html, text
    assert "A draft case study" not in html
    assert response.context["item_count"] == 2
    assert response.context["council_count"] == 1
    assert [(c.short_name, c.total) for c in response.context["councils_taking_part"]] == [
        ("Wychavon", 2)
    ]
    counts = {theme.slug: count for theme, count, _ in response.context["themes_with_counts"]}
    assert counts["waste"] == 1
    assert counts["housing"] == 0


def test_home_page_shows_featured_work_in_the_organisers_order(client):
    home = HomePage.objects.first()
    first = ProjectPageFactory(title="Chosen first")
    second = CaseStudyPageFactory(title="Chosen second")
    draft = CaseStudyPageFactory(title="Draft feature", draft=True)
    for order, page in enumerate([second, draft, first]):
        HomeFeaturedItem.objects.create(home_page=home, page=page, sort_order=order)

    response = client.get("/")

    assert [page.pk for page in response.context["featured_pages"]] == [second.pk, first.pk]
    html = response.content.decode()
    assert "Featured work" in html
    assert "Draft feature" not in html


def test_home_page_with_nothing_published(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "Nothing has been published yet" in response.content.decode()


def test_standard_page_shows_introduction_and_body(client):
    page = StandardPageFactory(
        title="About Shared Endeavour",
        introduction="Who runs this network.",
        body__0__heading__value="Who we are",
        body__1__paragraph__value="<p>A network of <b>UK councils</b>.</p>",
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "About Shared Endeavour",
        "Who runs this network.",
        "Who we are",
        "A network of <b>UK councils</b>.",
    ):
        assert text in html, text


def test_set_up_site_pages_all_render(client, site_structure):
    for path in (
        "/case-studies/",
        "/lessons/",
        "/projects/",
        "/themes/",
        "/themes/waste/",
        "/about/",
        "/accessibility/",
        "/data-credits/",
    ):
        assert client.get(path).status_code == 200, path
