"""A council's profile page: its register details and everything it published or partners on."""

import pytest

from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from councils.factories import CouncilFactory

pytestmark = pytest.mark.django_db


def sections(response):
    return {
        section["heading"]: [page.title for page in section["items"]]
        for section in response.context["sections"]
    }


def test_profile_shows_register_details(client):
    county = CouncilFactory(short_name="Kent", county_council=True)
    council = CouncilFactory(
        short_name="Maidstone",
        county=county,
        population=173132,
        alt_names="Maidstone,Medway Gap,medway gap",
        profile_label="South East; Emissions: Transport; 5th IMD quintile; Urban with rural areas",
    )
    district = CouncilFactory(short_name="Ashford", county=county)
    CouncilFactory(short_name="Old Ashford", county=county, former=True)

    html = client.get(council.get_absolute_url()).content.decode()
    for text in (
        "Maidstone District Council",
        "Medway Gap",
        "173,132",
        "Kent",
        county.get_absolute_url(),
        "5th quintile",
        council.code,
    ):
        assert text in html, text

    response = client.get(county.get_absolute_url())
    assert [d.short_name for d in response.context["districts"]] == ["Ashford", "Maidstone"]
    assert district.get_absolute_url() in response.content.decode()


def test_profile_lists_published_and_partner_work_but_not_drafts(client):
    council = CouncilFactory(short_name="Wychavon")
    other = CouncilFactory(short_name="Worcester")
    CaseStudyPageFactory(council=council, title="Fewer missed bins")
    LessonPageFactory(council=council, title="Map the data first")
    ProjectPageFactory(council=other, partner_councils=[council], title="Shared register")
    CaseStudyPageFactory(council=other, partner_councils=[council], title="Joint contact centre")
    CaseStudyPageFactory(council=council, title="Unfinished draft", draft=True)
    CaseStudyPageFactory(council=other, title="Work of another council")

    response = client.get(council.get_absolute_url())

    assert response.status_code == 200
    assert sections(response) == {
        "Published by this council": ["Map the data first", "Fewer missed bins"],
        "Work this council is a partner in": ["Joint contact centre", "Shared register"],
        "Work this council reused": [],  # collaboration's sections (tests/collaboration)
        "Councils that reused this council's work": [],
    }
    assert "Unfinished draft" not in response.content.decode()


def test_profile_with_nothing_published(client):
    council = CouncilFactory()

    html = client.get(council.get_absolute_url()).content.decode()

    assert "This council has not published anything yet." in html
    assert "This council is not a partner on any published work yet." in html


def test_former_council_profile_says_so(client):
    council = CouncilFactory(
        short_name="Restormel", former=True, end_date="2009-04-01", replaced_by="CON"
    )

    html = client.get(council.get_absolute_url()).content.decode()

    assert "This council no longer exists" in html
    assert "1 April 2009" in html


def test_unknown_council_is_a_404(client):
    assert client.get("/councils/no-such-council/").status_code == 404
