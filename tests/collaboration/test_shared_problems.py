"""“We face this too”, end to end through HTTP: saying it, the page and its count, the one
email to the page's contact, withdrawing and saying it again, and who may do what."""

from django.core import mail
from django.urls import reverse

import pytest

from collaboration.models import SharedProblem, Standing
from tests.collaboration.page_actions import PageAction, the_one_email
from tests.collaboration.page_actions_data import _built, data_fixture  # noqa: F401 - fixtures

pytestmark = pytest.mark.usefixtures("_built")

FACE_THIS_TOO = PageAction("face_this_too")
url, withdraw_url, say = FACE_THIS_TOO.url, FACE_THIS_TOO.withdraw_url, FACE_THIS_TOO.post


def test_say_show_email_once_withdraw_and_say_again(client, data):
    page = data["case_study"]
    response = say(
        client, data["ana"], page, council=data["bristol"].pk, note="We start a discovery in spring"
    )
    assert response.status_code == 302
    assert response["Location"] == url(page)
    assert "You said that Bristol faces this too" in client.get(url(page)).content.decode()

    html = client.get(page.url).content.decode()
    assert "1 council</strong> faces this too" in html
    assert data["bristol"].get_absolute_url() in html
    assert "We start a discovery in spring" in html

    message = the_one_email(
        page,
        to="bins.lead@wychavon.example.gov.uk",
        subject="Bristol faces the same problem as “Fewer missed bins”",
        text="We start a discovery in spring",
    )
    assert "ana@example.gov.uk" not in message.body

    record = SharedProblem.objects.get(page=page, council=data["bristol"])
    assert record.owner_told_at is not None
    assert record.person == data["ana"]

    # Another person of the same council withdraws it.
    client.force_login(data["ben"])
    response = client.post(withdraw_url(record))
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.standing == Standing.WITHDRAWN
    html = client.get(page.url).content.decode()
    assert "No other council has said it faces this yet" in html
    assert "We start a discovery in spring" not in html

    # Saying it again brings the same row back, and the contact is not told again.
    response = say(client, data["ana"], page, council=data["bristol"].pk, note="Still do")
    assert response.status_code == 302
    assert SharedProblem.objects.filter(page=page, council=data["bristol"]).count() == 1
    record.refresh_from_db()
    assert record.standing == Standing.ACTIVE
    assert record.note == "Still do"
    assert len(mail.outbox) == 1
    assert "Still do" in client.get(page.url).content.decode()


def test_count_of_several_councils_and_the_picker(client, data):
    page = data["lesson"]
    client.force_login(data["ben"])
    form = client.get(url(page)).content.decode()
    assert '<select name="council"' in form
    assert f'<option value="{data["leeds"].pk}">Leeds</option>' in form
    say(client, data["ben"], page, council=data["bristol"].pk)
    say(client, data["ben"], page, council=data["leeds"].pk, note="")
    html = client.get(page.url).content.decode()
    assert "2 councils</strong> face this too" in html
    # The lesson's owner has no page contact: its practitioners are told.
    told = sorted(message.to[0] for message in mail.outbox)
    assert told == ["ola@example.gov.uk"] * 2 + ["olu@example.gov.uk"] * 2


def test_one_per_council_and_page(client, data):
    page = data["case_study"]
    for note in ["First", "Second", "Third"]:
        say(client, data["ana"], page, council=data["bristol"].pk, note=note)
    assert SharedProblem.objects.filter(page=page).count() == 1
    assert SharedProblem.objects.get(page=page).note == "Third"
    assert len(mail.outbox) == 1


def test_note_is_escaped_and_limited(client, data):
    page = data["case_study"]
    say(client, data["ana"], page, council=data["bristol"].pk, note='<script>alert("x")</script>')
    html = client.get(page.url).content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html

    response = say(client, data["cat"], page, council=data["leeds"].pk, note="x" * 201)
    assert response.status_code == 200
    content = response.content.decode()
    assert "govuk-error-summary" in content
    assert "Keep the note to 200 characters or fewer (it has 201)" in content
    assert 'value="' + "x" * 201 + '"' in content  # kept
    assert not SharedProblem.objects.filter(council=data["leeds"]).exists()


def test_cannot_say_it_for_a_council_you_are_not_in(client, data):
    page = data["case_study"]
    response = say(client, data["ana"], page, council=data["leeds"].pk, note="Forged")
    assert response.status_code == 200
    assert "Choose one of the councils you belong to" in response.content.decode()
    assert not SharedProblem.objects.exists()
    assert mail.outbox == []


def test_owner_council_cannot_say_it_about_its_own_page(client, data):
    page = data["case_study"]
    client.force_login(data["olu"])
    response = client.get(url(page))
    content = response.content.decode()
    assert "Wychavon published this page, so it cannot say it faces this too" in content
    assert '<form method="post" novalidate>' not in content
    response = client.post(url(page), {"council": data["owner"].pk})
    assert response.status_code == 403
    # With another council too, the owner is not offered and a forged choice is refused.
    response = say(client, data["ola"], page, council=data["owner"].pk)
    assert "Choose one of the councils you belong to" in response.content.decode()
    assert not SharedProblem.objects.exists()


def test_person_without_a_council(client, data):
    client.force_login(data["nobody"])
    response = client.get(url(data["case_study"]))
    assert "You do not belong to a council" in response.content.decode()
    assert client.post(url(data["case_study"]), {"note": "x"}).status_code == 403


def test_anonymous_reader_sees_a_sign_in_link_and_cannot_post(client, data):
    page = data["case_study"]
    html = client.get(page.url).content.decode()
    assert "Sign in to say your council faces this too" in html
    assert reverse("accounts:sign_in") + "?next=" + url(page) in html
    assert "<form" not in html.split('id="we-face-this-too"')[1].split("</section>")[0]
    response = client.post(url(page), {"council": data["bristol"].pk})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert not SharedProblem.objects.exists()


def test_other_councils_practitioner_cannot_withdraw(client, data):
    page = data["case_study"]
    say(client, data["ana"], page, council=data["bristol"].pk)
    record = SharedProblem.objects.get()
    client.force_login(data["cat"])
    assert client.post(withdraw_url(record)).status_code == 404
    record.refresh_from_db()
    assert record.standing == Standing.ACTIVE
    client.force_login(data["ana"])
    assert client.get(withdraw_url(record)).status_code == 405


def test_unpublished_unknown_and_wrong_method(client, data):
    client.force_login(data["ana"])
    assert client.get(url(data["draft"])).status_code == 404
    assert client.post(url(data["draft"]), {"council": data["bristol"].pk}).status_code == 404
    assert client.get("/working-together/pages/999999/we-face-this-too/").status_code == 404
    assert client.put(url(data["case_study"])).status_code == 405
    data["case_study"].unpublish()
    assert client.get(url(data["case_study"])).status_code == 404


def test_deleting_the_page_deletes_the_records(client, data):
    page = data["case_study"]
    say(client, data["ana"], page, council=data["bristol"].pk)
    assert SharedProblem.objects.count() == 1
    page.delete()
    assert SharedProblem.objects.count() == 0


def test_logged_in_wagtail_history(client, data):
    from wagtail.models import ModelLogEntry

    say(client, data["ana"], data["case_study"], council=data["bristol"].pk)
    record = SharedProblem.objects.get()
    entry = ModelLogEntry.objects.for_instance(record).get()
    assert entry.action == "wagtail.create"
    assert entry.user == data["ana"]


def test_throttled(client, data, settings):
    settings.RATELIMIT_RATES = {**settings.RATELIMIT_RATES, "face-this-too-person": "1/h"}
    page = data["case_study"]
    assert say(client, data["ana"], page, council=data["bristol"].pk).status_code == 302
    response = say(client, data["ana"], page, council=data["bristol"].pk, note="again")
    assert response.status_code == 429
    assert "Retry-After" in response
    assert SharedProblem.objects.get().note == ""


def test_cached_readers_see_a_new_record_at_once(client, data, settings):
    from django.core.cache import cache

    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    page = data["case_study"]
    client.get(page.url)  # the first page shown creates the site's settings: a change
    client.get(page.url)
    assert client.get(page.url)["X-Page-Cache"] == "hit"
    say(client, data["ana"], page, council=data["bristol"].pk)
    client.logout()
    response = client.get(page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "1 council</strong> faces this too" in response.content.decode()
    cache.clear()
