"""One-click unsubscribe links: a GET shows one button, a POST (the button or a mail client's
RFC 8058 one-click) unsubscribes at once, and a changed or foreign link is refused."""

from django.core import signing
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

import pytest

from digests import unsubscribe
from digests.models import DigestPreference, Frequency
from tests.test_hostile_query_strings import HOSTILE, PARAMETERS, query_string

from .conftest import make_person


@pytest.fixture
def person(db):
    return make_person("ada")


def url(token):
    return reverse("digests:unsubscribe", args=[token])


def preference(person):
    return DigestPreference.objects.get(person=person)


def test_get_shows_one_button_and_changes_nothing(client, person):
    response = client.get(url(unsubscribe.token_for(person, unsubscribe.Stream.DIGEST)))
    assert response.status_code == 200
    assert b"Unsubscribe from email digests" in response.content
    assert response.content.count(b'type="submit"') == 1
    assert b'content="noindex, nofollow"' in response.content
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert preference(person).frequency == Frequency.WEEKLY


def test_the_button_unsubscribes(client, person):
    response = client.post(url(unsubscribe.token_for(person, unsubscribe.Stream.DIGEST)))
    assert response.status_code == 200
    assert b"You are unsubscribed" in response.content
    assert preference(person).frequency == Frequency.NONE
    again = client.get(url(unsubscribe.token_for(person, unsubscribe.Stream.DIGEST)))
    assert b"already unsubscribed" in again.content


def test_one_click_post_from_a_mail_client_needs_no_csrf_token_or_sign_in(person):
    mail_client = Client(enforce_csrf_checks=True)
    token = unsubscribe.token_for(person, unsubscribe.Stream.PROJECT_UPDATES)
    response = mail_client.post(
        url(token),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert preference(person).project_updates is False
    assert preference(person).frequency == Frequency.WEEKLY  # only the stream it was for


@pytest.mark.parametrize(
    "token",
    [
        "tampered",
        "x" * 5000,
        "abc%00def",
        "٣٣٣",
    ],
)
def test_bad_tokens_get_a_clear_400(client, person, token):
    for method in (client.get, client.post):
        response = method(url(token))
        assert response.status_code == 400
        assert b"This unsubscribe link does not work" in response.content
    assert preference(person).frequency == Frequency.WEEKLY


def test_a_changed_or_foreign_token_is_refused(client, person):
    token = unsubscribe.token_for(person, unsubscribe.Stream.DIGEST)
    other = make_person("ben")
    value, signature = token.rsplit(":", 1)
    forged = signing.dumps([other.pk, "digest"], salt="accounts.invitation")
    swapped = unsubscribe.token_for(other, unsubscribe.Stream.DIGEST).rsplit(":", 1)[0]
    for bad in [
        value + ":" + signature[::-1],
        forged,
        swapped + ":" + signature,
        signing.dumps([person.pk, "everything"], salt=unsubscribe.SALT),
        signing.dumps(["1", "digest"], salt=unsubscribe.SALT),
    ]:
        assert client.post(url(bad)).status_code == 400
    assert preference(person).frequency == Frequency.WEEKLY
    assert preference(other).frequency == Frequency.WEEKLY


def test_a_deactivated_persons_link_is_refused(client, person):
    token = unsubscribe.token_for(person, unsubscribe.Stream.DIGEST)
    person.is_active = False
    person.save()
    assert client.post(url(token)).status_code == 400


def test_unsubscribing_is_rate_limited(client, person):
    token = unsubscribe.token_for(person, unsubscribe.Stream.DIGEST)
    statuses = {client.get(url(token)).status_code for _ in range(31)}
    assert 429 in statuses


def test_hostile_query_strings_never_give_a_server_error(client, person):
    routes = [
        reverse("digests:settings"),
        url(unsubscribe.token_for(person, unsubscribe.Stream.DIGEST)),
        url("not-a-token"),
    ]
    for route in routes:
        for value in HOSTILE:
            cache.clear()  # or the rate limit answers first
            response = client.get(
                route,
                QUERY_STRING=query_string(
                    [(name, value) for name in PARAMETERS + ["frequency", "token"]]
                ),
            )
            assert response.status_code < 500, (route, value[:50])
    assert preference(person).frequency == Frequency.WEEKLY
