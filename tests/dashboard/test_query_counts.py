"""Each dashboard panel runs as many queries on a network twice the size: none grows with the
number of pages, councils or records."""

import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from accounts.models import AccessRequest
from accounts.roles import make_organiser, make_practitioner, setup_roles
from casestudies.factories import CaseStudyPageFactory, LessonPageFactory, ProjectPageFactory
from casestudies.models import LearningPage
from collaboration.models import HelpOffer, HelpRequest, Reuse
from councils.factories import CouncilFactory
from dashboard.panels import CouncilPagesSummaryItem, ReviewQueuePanel
from dashboard.wagtail_hooks import ORGANISER_PANELS, PRACTITIONER_PANELS
from search.similarity import get_similarity_backend

COUNCILS_EACH_TIME = 4  # with three pages in review each, enough to fill the review queue


def grow(workflow, practitioner, how_many):
    """More councils, each with pages in every state and records of joint work, all of them
    the practitioner's."""
    before = list(LearningPage.objects.live().order_by("pk")[:1])
    for _n in range(how_many):
        council = CouncilFactory()
        make_practitioner(practitioner, [council])
        CaseStudyPageFactory(council=council, draft=True)
        for _review in range(3):
            workflow.start(LessonPageFactory(council=council, draft=True), practitioner)
        live = LessonPageFactory(council=council)
        stale = ProjectPageFactory(council=council)
        long_ago = timezone.now() - datetime.timedelta(days=800)
        LearningPage.objects.filter(pk=stale.pk).update(
            last_published_at=long_ago, last_reviewed=None
        )
        asked = HelpRequest.objects.create(council=council, title="Who has done this?")
        HelpOffer.objects.create(help_request=asked, message="We have.")
        HelpRequest.objects.create(council=council, title="Nobody has answered this")
        if before:
            Reuse.objects.create(council=council, page=before[0])
        Reuse.objects.create(council=CouncilFactory(), page=live)
        AccessRequest.objects.create(
            name="Someone", email="someone@example.gov.uk", council=council, reason="To write."
        )
        before = [live]
    get_similarity_backend().rebuild()


def renderers(person, practitioner):
    """[(panel, a function that makes and renders it)] for the person's role, each run for a
    fresh copy of the person (whose councils are cached on the object)."""
    request = RequestFactory().get("/admin/")
    context = {"request": request, "csrf_token": "token"}

    def renderer(make):
        def render():
            request.user = get_user_model().objects.get(pk=person.pk)
            panel = make(request)
            assert panel is not None
            return panel.render_html(context)

        return render

    if practitioner:
        makers = [
            *(lambda r, cls=cls: cls.for_user(r.user) for cls in PRACTITIONER_PANELS),
            CouncilPagesSummaryItem,
        ]
    else:
        makers = [
            *(lambda r, cls=cls: cls.for_user(r.user) for cls in ORGANISER_PANELS),
            lambda r: ReviewQueuePanel(),
        ]
    return list(enumerate(renderer(make) for make in makers))


def count_queries(render):
    render()  # warm up: content types, the similarity snapshot
    with CaptureQueriesContext(connection) as made:
        render()
    return len(made)


@pytest.mark.django_db
def test_no_panel_grows_with_the_network(site_structure, django_assert_max_num_queries):
    roles = setup_roles()
    practitioner = get_user_model().objects.create_user("practitioner", "p@example.gov.uk")
    organiser = get_user_model().objects.create_user("organiser", "o@example.gov.uk")
    make_organiser(organiser)
    people = {"practitioner": practitioner, "organiser": organiser}

    grow(roles["workflow"], practitioner, COUNCILS_EACH_TIME)
    baseline = {
        (role, name): count_queries(render)
        for role, person in people.items()
        for name, render in renderers(person, role == "practitioner")
    }

    grow(roles["workflow"], practitioner, COUNCILS_EACH_TIME)
    for role, person in people.items():
        for name, render in renderers(person, role == "practitioner"):
            render()
            with django_assert_max_num_queries(baseline[(role, name)]):
                render()
