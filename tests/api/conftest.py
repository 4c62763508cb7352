"""Published, draft and private pages, and the joint work on them, built once per module."""

from wagtail.models import PageViewRestriction

import pytest

from casestudies.choices import CollaborationStance, Phase
from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from casestudies.models import Theme
from collaboration.models import Reuse, SharedProblem, Standing
from councils.factories import CouncilFactory
from councils.models import Nation
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy


def build_site():
    ensure_site_structure()
    waste, housing = Theme.objects.get(slug="waste"), Theme.objects.get(slug="housing")
    lead = CouncilFactory(
        short_name="Avonford", code="AVO", gss_code="E07000901", latitude=51.4, longitude=-2.5
    )
    partner, reuser = (  # unitary councils of Wales and Scotland
        CouncilFactory(
            short_name=name, code=code, gss_code=gss, nation=nation, region=region, unitary=True
        )
        for name, code, gss, nation, region in [
            ("Caerwen", "CAE", "W06000901", Nation.WALES, "Wales"),
            ("Dunmore", "DUN", "S12000901", Nation.SCOTLAND, "Scotland"),
        ]
    )
    former = CouncilFactory(short_name="Oldshire", code="OLD", former=True)
    case_study = CaseStudyPageFactory(
        council=lead, title="Fewer missed bins", partner_councils=[partner], themes=[waste]
    )
    hidden_contact = CaseStudyPageFactory(
        council=lead,
        title="Quiet housing work",
        themes=[housing],
        contact_is_public=False,
        contact_email="hidden.person@example.gov.uk",
        contact_name="Hidden Person",
    )
    lesson = LessonPageFactory(council=partner, title="Start with the data", themes=[waste])
    project = ProjectPageFactory(
        council=reuser,
        title="Shared routes",
        partner_councils=[lead],
        themes=[housing],
        phase=Phase.BETA,
        stance=CollaborationStance.LOOKING_FOR_PARTNERS,
    )
    draft = CaseStudyPageFactory(council=lead, title="Unfinished draft", draft=True)
    private = CaseStudyPageFactory(
        council=lead, title="Members only", contact_email="members.only@example.gov.uk"
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    SharedProblem.objects.create(page=case_study, council=reuser, note="Us too")
    SharedProblem.objects.create(page=case_study, council=partner, standing=Standing.WITHDRAWN)
    Reuse.objects.create(
        page=case_study,
        council=reuser,
        output="Bin day finder",
        what_changed="A private note on our changes",
    )
    Reuse.objects.create(page=case_study, council=partner, standing=Standing.WITHDRAWN)
    return {
        "lead": lead,
        "partner": partner,
        "reuser": reuser,
        "former": former,
        "case_study": case_study,
        "hidden_contact": hidden_contact,
        "lesson": lesson,
        "project": project,
        "draft": draft,
        "private": private,
        "waste": waste,
        "housing": housing,
    }


@pytest.fixture(scope="module")
def _site(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, build_site)


@pytest.fixture
def site(_site, db):
    return fresh_copy(_site)
