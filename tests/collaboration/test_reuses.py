"""“We reused this”, end to end through HTTP: recording a reuse of a case study or project
(or one of its outputs), the page and both councils' profiles, the email to the owner,
withdrawing, and who may do what."""

from django.core import mail
from django.urls import reverse

import pytest

from collaboration.models import Reuse, Standing
from collaboration.reuses import WHOLE_APPROACH
from tests.collaboration.page_actions import PageAction, the_one_email
from tests.collaboration.page_actions_data import _built, data_fixture  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("_built")

REUSE = PageAction("reuse")
url, withdraw_url, reuse = REUSE.url, REUSE.withdraw_url, REUSE.post


def bristol_reuses(client, data, page, **fields):
    """Ana records a reuse of `page` for Bristol, her council."""
    return reuse(client, data["ana"], page, council=data["bristol"].pk, **fields)


def test_record_show_email_once_withdraw_and_record_again(client, data):
    page = data["case_study"]
    client.force_login(data["ana"])
    form = client.get(url(page)).content.decode()
    for choice in [WHOLE_APPROACH, "Bin day finder", "Crew round app"]:
        assert f">{choice}</option>" in form

    response = bristol_reuses(
        client,
        data,
        page,
        output="Bin day finder",
        what_changed="Our own address data",
        link="https://github.com/bristol/bin-finder",
        how_it_went="Calls fell",
    )
    assert response.status_code == 302
    assert response["Location"] == url(page)

    html = client.get(page.url).content.decode()
    assert "Reused by 1 council</strong>" in html
    assert "“Bin day finder”" in html
    assert "Our own address data" in html
    assert "Calls fell" in html
    assert 'href="https://github.com/bristol/bin-finder"' in html

    the_one_email(
        page,
        to="bins.lead@wychavon.example.gov.uk",
        subject="Bristol reused “Bin day finder”",
        text="Our own address data",
    )

    # A second council, reusing the approach as a whole: two councils, one email each.
    reuse(client, data["cat"], page, council=data["leeds"].pk, output="")
    html = client.get(page.url).content.decode()
    assert "Reused by 2 councils</strong>" in html
    assert "the approach as a whole" in html
    assert len(mail.outbox) == 2

    record = Reuse.objects.get(council=data["bristol"])
    client.force_login(data["ben"])  # another of Bristol's people
    assert client.post(withdraw_url(record)).status_code == 302
    record.refresh_from_db()
    assert record.standing == Standing.WITHDRAWN
    html = client.get(page.url).content.decode()
    assert "Reused by 1 council</strong>" in html
    assert "Our own address data" not in html

    bristol_reuses(client, data, page, output="Bin day finder", what_changed="Changed again")
    assert Reuse.objects.filter(council=data["bristol"]).count() == 1
    record.refresh_from_db()
    assert record.standing == Standing.ACTIVE
    assert record.what_changed == "Changed again"
    assert len(mail.outbox) == 2


def test_shown_on_both_councils_profiles(client, data):
    page = data["project"]
    bristol_reuses(client, data, page, what_changed="Two towns only")
    client.logout()
    reused = client.get(data["bristol"].get_absolute_url()).content.decode()
    assert "Work this council reused" in reused
    section = reused.split("Work this council reused")[1]
    assert "Shared housing register" in section.split("</section>")[0]
    assert "Two towns only" in section.split("</section>")[0]
    owner = client.get(data["owner"].get_absolute_url()).content.decode()
    section = owner.split("Councils that reused this council&#x27;s work")[1].split("</section>")[0]
    assert "Reused by" in section and "Bristol" in section and "Two towns only" in section
    # Nothing reused by Leeds.
    leeds = client.get(data["leeds"].get_absolute_url()).content.decode()
    assert "This council has not recorded reusing anyone&#x27;s work yet." in leeds

    # An unpublished page's reuses leave the profiles.
    page.unpublish()
    reused = client.get(data["bristol"].get_absolute_url()).content.decode()
    assert "Two towns only" not in reused


def test_invalid_url_is_a_clear_error_with_the_input_kept(client, data):
    page = data["case_study"]
    response = bristol_reuses(
        client,
        data,
        page,
        output="Crew round app",
        what_changed="Kept <this>",
        link="not a web address",
        how_it_went="Fine",
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "There is a problem" in content
    assert '<a href="#id_link">Enter a web address in the right format' in content
    assert 'value="not a web address"' in content
    assert "Kept &lt;this&gt;</textarea>" in content
    assert '<option value="Crew round app" selected>' in content
    assert not Reuse.objects.exists()
    assert mail.outbox == []

    response = bristol_reuses(client, data, page, output="Something made up")
    assert "Choose one of the page&#x27;s outputs" in response.content.decode()
    response = bristol_reuses(client, data, page, what_changed="x" * 2001)
    assert "Keep what you changed to 2,000 characters or fewer" in response.content.decode()
    assert not Reuse.objects.exists()


def test_notes_are_escaped(client, data):
    page = data["case_study"]
    bristol_reuses(
        client, data, page, what_changed="<b>bold</b>", how_it_went="<img src=x onerror=alert(1)>"
    )
    html = client.get(page.url).content.decode()
    assert "<b>bold</b>" not in html and "&lt;b&gt;bold&lt;/b&gt;" in html
    assert "<img src=x" not in html
    profile = client.get(data["owner"].get_absolute_url()).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in profile


def test_one_per_council_page_and_output(client, data):
    page = data["case_study"]
    for text in ["one", "two"]:
        reuse(
            client,
            data["ben"],
            page,
            council=data["leeds"].pk,
            output="Bin day finder",
            what_changed=text,
        )
    reuse(client, data["ben"], page, council=data["leeds"].pk, output="Crew round app")
    assert Reuse.objects.count() == 2
    assert Reuse.objects.get(output="Bin day finder").what_changed == "two"
    html = client.get(page.url).content.decode()
    assert "Reused by 1 council</strong>" in html


def test_cannot_record_for_a_council_you_are_not_in(client, data):
    response = reuse(client, data["ana"], data["case_study"], council=data["leeds"].pk)
    assert "Choose one of the councils you belong to" in response.content.decode()
    response = reuse(client, data["ola"], data["case_study"], council=data["owner"].pk)
    assert "Choose one of the councils you belong to" in response.content.decode()
    client.force_login(data["olu"])
    content = client.get(url(data["case_study"])).content.decode()
    assert "Wychavon published this page, so it cannot record reusing it" in content
    assert client.post(url(data["case_study"]), {"council": data["owner"].pk}).status_code == 403
    assert not Reuse.objects.exists()


def test_anonymous_reader_sees_a_sign_in_link_and_cannot_post(client, data):
    page = data["case_study"]
    html = client.get(page.url).content.decode()
    assert "Sign in to record that your council reused this" in html
    assert reverse("accounts:sign_in") + "?next=" + url(page) in html
    response = client.post(url(page), {"council": data["bristol"].pk})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert not Reuse.objects.exists()


def test_other_councils_practitioner_cannot_withdraw(client, data):
    bristol_reuses(client, data, data["case_study"])
    record = Reuse.objects.get()
    client.force_login(data["cat"])
    assert client.post(withdraw_url(record)).status_code == 404
    record.refresh_from_db()
    assert record.standing == Standing.ACTIVE


def test_lessons_unpublished_and_unknown_pages(client, data):
    client.force_login(data["ana"])
    assert client.get(url(data["lesson"])).status_code == 404
    assert "We reused this" not in client.get(data["lesson"].url).content.decode()
    assert client.get(url(data["draft"])).status_code == 404
    assert client.post(url(data["draft"]), {"council": data["bristol"].pk}).status_code == 404
    assert client.get("/working-together/pages/999999/reused/").status_code == 404
    assert client.delete(url(data["case_study"])).status_code == 405


def test_deleting_the_page_deletes_the_records(client, data):
    bristol_reuses(client, data, data["project"])
    assert Reuse.objects.count() == 1
    data["project"].delete()
    assert Reuse.objects.count() == 0


def test_page_queries_do_not_grow_with_records(client, data, django_assert_max_num_queries):
    """The page's blocks load their records in a fixed number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from collaboration.reuses import record_reuse
    from collaboration.shared_problems import say_we_face_this
    from councils.factories import CouncilFactory

    page = data["case_study"]

    def add_records(count):
        for _ in range(count):
            council = CouncilFactory()
            say_we_face_this(page, council, data["ana"], "note")
            record_reuse(page, council, data["ana"], what_changed="changed")
            record_reuse(page, council, data["ana"], output="Bin day finder")

    # One of each first: records bring the matching's evidence lookups with them, once.
    add_records(1)
    client.get(page.url)
    with CaptureQueriesContext(connection) as few:
        response = client.get(page.url)
    assert response.status_code == 200
    few = len(few)  # now: the query log is a bounded deque
    add_records(4)
    client.get(page.url)
    with django_assert_max_num_queries(few):
        assert "Reused by 5 councils" in client.get(page.url).content.decode()
