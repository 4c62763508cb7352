"""A council's profile shows what it has done with other councils."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from casestudies.factories import CaseStudyPageFactory, ProjectPageFactory
from collaboration.models import HelpOffer, HelpRequest, Reuse, SharedProblem, Standing
from councils.factories import CouncilFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def leeds():
    return CouncilFactory(short_name="Leeds")


def profile(client, council):
    response = client.get(council.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def full_record(council, suffix=""):
    """One record of every kind for `council`, with other councils."""
    stockport, wigan, bury, york = (
        CouncilFactory(short_name=name + suffix) for name in ("Stockport", "Wigan", "Bury", "York")
    )
    own = CaseStudyPageFactory(council=council, title=f"Bin exception codes{suffix}")
    ProjectPageFactory(
        council=council, title=f"Missed bins together{suffix}", partner_councils=[stockport, wigan]
    )
    ProjectPageFactory(
        council=bury, title=f"Shared fleet telematics{suffix}", partner_councils=[council]
    )
    york_page = CaseStudyPageFactory(council=york, title=f"Route optimisation{suffix}")
    Reuse.objects.create(council=stockport, page=own, output="Exception code list")
    Reuse.objects.create(council=council, page=york_page, output="")
    asked = HelpRequest.objects.create(council=wigan, title="Who has moved to four-weekly bins?")
    HelpOffer.objects.create(help_request=asked, council=council, message="We did.", helped=True)
    HelpRequest.objects.create(council=council, title="Who has bought electric refuse lorries?")
    SharedProblem.objects.create(council=council, page=york_page)
    SharedProblem.objects.create(council=bury, page=own)
    return {"own": own, "york_page": york_page, "stockport": stockport, "asked": asked}


def test_empty_record_says_so_and_offers_a_next_step(client):
    avonford = CouncilFactory(short_name="Avonford")
    html = profile(client, avonford)
    assert "Working with other councils" in html
    assert "Avonford has not worked with other councils here yet." in html
    assert "find councils facing the same problems" in html


def test_record_shows_every_kind(client, leeds):
    full_record(leeds)
    html = profile(client, leeds)
    assert "has not worked with other councils" not in html
    record = html.split('id="record-heading"')[1].split("</section>")[0]
    assert "Missed bins together</a>, with " in record
    assert "Stockport</a> and <a" in record and "Wigan</a>" in record
    assert "Shared fleet telematics</a>, led by <a" in record and "Bury</a>" in record
    assert "Wigan</a> with “Who has moved to four-weekly bins?”" in record
    assert "Stockport</a>: Exception code list from <a" in record
    assert "The approach of <a" in record and "Route optimisation</a>, by <a" in record
    assert "“Who has bought electric refuse lorries?”" in record
    assert "1 other council said they face the problem in 1 of Leeds’s pages." in record
    # The record comes first among the profile's sections.
    assert html.index('id="record-heading"') < html.index("Published by this council")


def test_withdrawn_records_never_appear(client, leeds):
    made = full_record(leeds)
    Reuse.objects.update(standing=Standing.WITHDRAWN)
    SharedProblem.objects.update(standing=Standing.WITHDRAWN)
    HelpOffer.objects.update(standing=Standing.WITHDRAWN)
    HelpRequest.objects.filter(council=leeds).update(status=HelpRequest.Status.CLOSED)
    html = profile(client, leeds)
    record = html.split('id="record-heading"')[1].split("</section>")[0]
    assert "Exception code list" not in record
    assert "Route optimisation" not in record
    assert made["asked"].title not in record
    assert "electric refuse lorries" not in record
    assert "said they face" not in record
    assert "Missed bins together" in record  # partnerships stay


def test_unpublished_and_private_pages_never_appear(client, leeds):
    made = full_record(leeds)
    made["york_page"].unpublish()
    PageViewRestriction.objects.create(page=made["own"], restriction_type="login")
    draft = ProjectPageFactory(
        council=leeds,
        title="Secret draft project",
        draft=True,
        partner_councils=[made["stockport"]],
    )
    assert not draft.live
    html = profile(client, leeds)
    record = html.split('id="record-heading"')[1].split("</section>")[0]
    assert "Route optimisation" not in record
    assert "Exception code list" not in record
    assert "said they face" not in record
    assert "Secret draft project" not in record


def test_help_offers_not_marked_helped_are_not_shown(client, leeds):
    asked = HelpRequest.objects.create(
        council=CouncilFactory(short_name="Wigan"), title="Anyone using route software?"
    )
    HelpOffer.objects.create(help_request=asked, council=leeds, message="Maybe.")
    html = profile(client, leeds)
    assert "Anyone using route software?" not in html
    assert "Leeds has not worked with other councils here yet." in html


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_profile_query_count_does_not_grow_with_the_record(
    client, leeds, django_assert_max_num_queries
):
    full_record(leeds)
    url = leeds.get_absolute_url()
    client.get(url)
    measured = queries_for(client, url)
    for number in range(15):
        full_record(leeds, suffix=f" {number}")
    client.get(url)
    with django_assert_max_num_queries(measured, info=url):
        html = client.get(url).content.decode()
    record = html.split('id="record-heading"')[1].split("</section>")[0]
    assert record.count("Missed bins together") == 10  # SHOWN, then "and more"
    assert "and more" in record
