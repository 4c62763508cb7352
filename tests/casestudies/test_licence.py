"""Every content page states the Open Government Licence and how to credit its council; the
footer states it beside the register's CC BY 4.0 credit."""

import pytest

from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from casestudies.models import ThemePage
from core import licence
from councils.factories import CouncilFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def council(site_structure):
    return CouncilFactory(short_name="Avonford", official_name="Avonford Borough Council")


@pytest.mark.parametrize(
    "factory",
    [CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory],
    ids=["case study", "lesson", "project"],
)
def test_content_pages_state_the_licence_and_attribution(client, council, factory):
    page = factory(council=council)
    body = client.get(page.url).content.decode()
    assert f'href="{licence.LICENCE_URL}" rel="license">{licence.LICENCE_NAME}</a>' in body
    assert licence.attribution("Avonford Borough Council") in body
    assert 'aria-labelledby="licence-heading"' in body


def test_theme_pages_state_the_licence(client, council):
    theme_page = ThemePage.objects.live().first()
    body = client.get(theme_page.url).content.decode()
    assert f'href="{licence.LICENCE_URL}" rel="license">{licence.LICENCE_NAME}</a>' in body
    assert "Each page says which council to credit." in body


def test_footer_keeps_the_register_credit_beside_the_licence(client, council):
    body = client.get("/").content.decode()
    footer = body[body.index("<footer") :]
    assert licence.LICENCE_NAME in footer
    assert 'href="/search/export/columns/"' in footer
    assert "mySociety, CC BY 4.0" in footer
