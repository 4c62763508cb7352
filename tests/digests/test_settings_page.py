"""/email-digests/: signed-in people choose weekly, monthly or never."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from digests.models import DigestPreference, Frequency

from .conftest import PASSWORD, make_person

URL = "/email-digests/"


@pytest.fixture
def signed_in(client, db):
    person = make_person("ada", days_ago=30)
    client.login(username="ada", password=PASSWORD)
    return person


def test_the_address_is_the_named_url():
    assert reverse("digests:settings") == URL


def test_signed_out_people_are_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_the_page_shows_the_current_choice(client, signed_in, django_assert_max_num_queries):
    client.get(URL)  # the site's settings row and the content-type cache are made once
    with django_assert_max_num_queries(12):
        response = client.get(URL)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="weekly" aria-describedby="frequency-weekly-hint" checked' in content
    assert "govuk-radios" in content


def test_choosing_monthly_is_saved_and_confirmed(client, signed_in):
    response = client.post(URL, {"frequency": "monthly", "project_updates": "on"}, follow=True)
    preference = DigestPreference.objects.get(person=signed_in)
    assert preference.frequency == Frequency.MONTHLY
    assert preference.project_updates is True
    assert "You will get a monthly digest" in response.content.decode()
    # Weekly to monthly keeps the window: nothing since the last digest is lost.
    assert preference.since < timezone.now() - dt.timedelta(days=29)


def test_coming_back_from_never_starts_from_now(client, signed_in):
    client.post(URL, {"frequency": "none"})
    assert DigestPreference.objects.get(person=signed_in).frequency == Frequency.NONE
    client.post(URL, {"frequency": "weekly"})
    preference = DigestPreference.objects.get(person=signed_in)
    assert preference.frequency == Frequency.WEEKLY
    assert preference.project_updates is False  # unticked
    assert preference.since > timezone.now() - dt.timedelta(minutes=1)


@pytest.mark.parametrize(
    "data",
    [
        {"frequency": "daily"},
        {},
        {"frequency": "weekly\x00"},
        {"frequency": ["weekly", "monthly", "٣"]},
    ],
)
def test_bad_choices_get_a_clear_error(client, signed_in, data):
    response = client.post(URL, data)
    assert response.status_code == 400
    assert b"There is a problem" in response.content
    assert b'<a href="#id_frequency">' in response.content  # the summary links the radios
    assert DigestPreference.objects.get(person=signed_in).frequency == Frequency.WEEKLY
