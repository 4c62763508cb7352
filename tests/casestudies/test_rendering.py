"""Every content page type renders for a reader, with its structured fields on show."""

import pytest

from casestudies.factories import (
    CaseStudyPageFactory,
    LessonPageFactory,
    ProgressUpdateFactory,
    ProjectPageFactory,
    ThemeFactory,
    ThemePageFactory,
)
from casestudies.models import Partnership
from councils.factories import CouncilFactory

pytestmark = pytest.mark.django_db


def render(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def test_case_study_shows_every_structured_field(client):
    council = CouncilFactory(short_name="Wychavon")
    partner = CouncilFactory(short_name="Malvern Hills")
    page = CaseStudyPageFactory(
        council=council,
        partner_councils=[partner],
        themes=[ThemeFactory(name="Waste")],
        title="Fewer missed bins",
        outcomes__0__outcome__description="Missed bin reports a month",
        outcomes__0__outcome__value=120,
        outcomes__0__outcome__unit="reports",
        outcomes__0__outcome__baseline=480,
        outcomes__0__outcome__period="2023/24",
        outcomes__1__outcome__description="Calls to the contact centre",
        outcomes__1__outcome__value=35,
        outcomes__1__outcome__unit="%",
        outputs__0__output__title="Bin day finder",
        outputs__0__output__url="https://example.org/bin-day-finder",
    )

    html = render(client, page)

    for text in (
        "Fewer missed bins",
        page.summary,
        "Wychavon",
        "Malvern Hills",
        partner.get_absolute_url(),
        "Waste",
        "Residents reported hundreds of missed bin collections",
        "round data online",
        "120 reports",
        "was 480",
        "2023/24",
        "Missed bin reports a month",
        "35%",
        "£10,000 to £50,000",
        "Two developers for three months.",
        "Talk to the crews before the residents.",
        "Bin day finder",
        'href="https://example.org/bin-day-finder"',
        "Code",
        "April 2023",
        "March 2024",
        "Priya Shah",
        "Head of Digital",
        "mailto:priya.shah@example.gov.uk",
    ):
        assert text in html, text


def test_case_study_keeps_a_private_contact_off_the_page(client):
    page = CaseStudyPageFactory(contact_is_public=False)

    html = render(client, page)

    assert "Priya Shah" not in html
    assert "priya.shah@example.gov.uk" not in html
    assert page.council.get_absolute_url() in html


def test_case_study_lists_the_lessons_drawn_from_it(client):
    case_study = CaseStudyPageFactory()
    LessonPageFactory(title="Start with the data", sources=[case_study])
    LessonPageFactory(title="Unpublished lesson", sources=[case_study], draft=True)

    html = render(client, case_study)

    assert "Start with the data" in html
    assert "Unpublished lesson" not in html


def test_lesson_shows_its_sections_and_sources(client):
    case_study = CaseStudyPageFactory(title="Fewer missed bins")
    project = ProjectPageFactory(title="Shared housing register")
    draft = CaseStudyPageFactory(title="Not yet published work", draft=True)
    lesson = LessonPageFactory(
        title="Map the data first",
        sources=[case_study, project, draft],
        themes=[ThemeFactory(name="Data and standards")],
    )

    html = render(client, lesson)

    for text in (
        "Map the data first",
        lesson.council.short_name,
        "Data and standards",
        "We wanted a new system before we understood our data.",
        "Mapping every data set first.",
        "Buying a product before the mapping.",
        "Spend the first month on the data.",
        "Fewer missed bins",
        case_study.url,
        "Shared housing register",
        project.url,
    ):
        assert text in html, text
    assert "Not yet published work" not in html


def test_project_shows_partners_phase_stance_and_timeline(client):
    lead = CouncilFactory(short_name="Cornwall")
    partner = CouncilFactory(short_name="Isles of Scilly")
    project = ProjectPageFactory(
        council=lead, partner_councils=[partner], title="Shared housing register"
    )
    ProgressUpdateFactory(
        project=project,
        council=partner,
        title="User research done",
        date="2024-03-05",
        text="We spoke to twelve residents.",
    )
    ProgressUpdateFactory(project=project, title="Alpha started", date="2024-06-10")

    html = render(client, project)

    for text in (
        "Shared housing register",
        "Cornwall",
        "Isles of Scilly",
        "Alpha",
        "Looking for partners",
        "£50,000 to £250,000",
        "January 2024",
        "One housing register for every council in the county.",
        "User research done",
        "5 March 2024",
        "We spoke to twelve residents.",
        "Alpha started",
        "10 June 2024",
        "Bin day finder",
        "Tom Evans",
        "mailto:tom.evans@example.gov.uk",
    ):
        assert text in html, text
    assert html.index("Alpha started") < html.index("User research done"), "newest first"


def test_project_keeps_a_private_contact_off_the_page(client):
    project = ProjectPageFactory(contact_is_public=False)

    html = render(client, project)

    assert "Tom Evans" not in html
    assert "tom.evans@example.gov.uk" not in html
    assert "No progress has been reported yet." in html


def test_index_pages_list_their_own_live_pages(client):
    case_study = CaseStudyPageFactory(title="Fewer missed bins")
    CaseStudyPageFactory(title="A draft case study", draft=True)
    lesson = LessonPageFactory(title="Map the data first")
    project = ProjectPageFactory(title="Shared housing register")

    pages = {
        case_study: "Fewer missed bins",
        lesson: "Map the data first",
        project: "Shared housing register",
    }
    for page, title in pages.items():
        html = render(client, page.get_parent())
        assert title in html
        assert page.url in html
        assert page.council.short_name in html
        for other in set(pages.values()) - {title}:
            assert other not in html
        assert "A draft case study" not in html


def test_theme_index_lists_theme_pages_with_counts(client):
    theme_page = ThemePageFactory(theme=ThemeFactory(name="Potholes"))
    CaseStudyPageFactory(themes=[theme_page.theme])
    CaseStudyPageFactory(themes=[theme_page.theme])
    CaseStudyPageFactory(themes=[theme_page.theme], draft=True)

    html = render(client, theme_page.get_parent())

    assert "Potholes" in html
    assert theme_page.url in html
    assert "2 published items" in html


def test_theme_page_shows_introduction_featured_work_and_everything(client):
    theme = ThemeFactory(name="Potholes")
    featured = CaseStudyPageFactory(title="Pothole reporting app", themes=[theme])
    LessonPageFactory(title="Fix the worst roads first", themes=[theme])
    theme_page = ThemePageFactory(
        theme=theme,
        introduction="<p>Roads councils are responsible for.</p>",
        featured=[featured],
    )

    html = render(client, theme_page)

    assert "Roads councils are responsible for." in html
    assert "Featured" in html
    assert html.count("Pothole reporting app") >= 2
    assert "Fix the worst roads first" in html
    assert "2 results" in html


def test_partners_show_in_the_editors_order_with_their_part(client):
    lead = CouncilFactory(short_name="Cornwall")
    first, second = CouncilFactory(short_name="Torbay"), CouncilFactory(short_name="Devon")
    project = ProjectPageFactory(council=lead, partner_councils=[first, second])
    Partnership.objects.filter(page=project, council=second).update(role="ran the pilot")

    html = render(client, project)

    torbay = f'<a class="govuk-link" href="{first.get_absolute_url()}">Torbay</a>'
    devon = f'<a class="govuk-link" href="{second.get_absolute_url()}">Devon</a> (ran the pilot)'
    assert f"{torbay}, {devon}" in html
