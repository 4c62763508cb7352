"""Sign-in lockout (django-axes) and rate limits on the public forms (django-ratelimit)."""

from datetime import timedelta
from io import StringIO
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt
from django_ratelimit import core as ratelimit_core

from accounts.models import AccessRequest
from accounts.roles import ORGANISERS
from core.throttling import client_ip
from councils.factories import CouncilFactory

PASSWORD = "a-long-unusual-passphrase"
SIGN_IN_PAGES = ["accounts:sign_in", "wagtailadmin_login"]


@pytest.fixture(autouse=True)
def _counts_start_at_zero(monkeypatch):
    """django-ratelimit counts in the default cache, in fixed windows: start each test with an
    empty cache, and hold the library's clock still so no test straddles the end of a window."""
    now = ratelimit_core.time.time()
    monkeypatch.setattr(ratelimit_core, "time", SimpleNamespace(time=lambda: now))
    cache.clear()
    yield
    cache.clear()


def limit(settings, name):
    return int(settings.RATELIMIT_RATES[name].split("/")[0])


def text(response):
    return response.content.decode().replace("\xa0", " ")


def assert_refused(response, *, within):
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= within.total_seconds()
    assert "Try again in " in text(response)


@pytest.fixture
def user(db):
    return get_user_model().objects.create_user(
        username="reader@example.org", email="reader@example.org", password=PASSWORD
    )


@pytest.fixture
def council(db):
    return CouncilFactory(short_name="Avonford")


@pytest.fixture
def organiser(db):
    organiser = get_user_model().objects.create_user(
        username="organiser", email="organiser@example.org", password=PASSWORD
    )
    organiser.groups.add(Group.objects.get_or_create(name=ORGANISERS)[0])
    return organiser


def sign_in(client, page, password, username="reader@example.org", **extra):
    return client.post(reverse(page), {"username": username, "password": password}, **extra)


def ask_to_join(client, council, email="sam@avonford.gov.uk", **extra):
    return client.post(
        reverse("accounts:request_access"),
        {
            "name": "Sam Patel",
            "email": email,
            "job_title": "Service designer",
            "council": council.pk,
            "reason": "To share our bin day finder.",
            **extra,
        },
    )


class TestSignInLockout:
    @pytest.mark.parametrize("page", SIGN_IN_PAGES)
    def test_wrong_passwords_lock_the_account_here_even_with_the_right_one(
        self, client, user, settings, page
    ):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(client, page, "wrong").status_code == 200
        response = sign_in(client, page, "wrong")
        assert_refused(response, within=settings.AXES_COOLOFF_TIME)
        assert "Too many attempts to sign in" in text(response)

        response = sign_in(client, page, PASSWORD)
        assert_refused(response, within=settings.AXES_COOLOFF_TIME)
        assert "Try again in 15 minutes" in text(response)
        assert response["Retry-After"] == "900"
        assert "_auth_user_id" not in client.session

        # The lock is for this username from this address, on both sign-in pages.
        (other_page,) = set(SIGN_IN_PAGES) - {page}
        assert sign_in(client, other_page, PASSWORD).status_code == 429
        assert sign_in(client, page, PASSWORD, REMOTE_ADDR="10.0.0.2").status_code == 302

    def test_the_lock_ends_after_the_cool_off(self, client, user, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "accounts:sign_in", "wrong")
        assert sign_in(client, "accounts:sign_in", PASSWORD).status_code == 429

        AccessAttempt.objects.update(
            attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
        )
        response = sign_in(client, "accounts:sign_in", PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(user.pk)

    def test_axes_reset_unlocks(self, client, user, settings):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "wagtailadmin_login", "wrong")
        call_command("axes_reset", stdout=StringIO())
        assert sign_in(client, "wagtailadmin_login", PASSWORD).status_code == 302

    def test_one_address_trying_many_accounts_is_limited(self, client, db, settings):
        allowed = limit(settings, "sign-in")
        for attempt in range(allowed):
            page = SIGN_IN_PAGES[attempt % 2]
            assert sign_in(client, page, "guess", username=f"user{attempt}").status_code == 200
        for page in SIGN_IN_PAGES:
            assert_refused(
                sign_in(client, page, "guess", username="one-more"), within=timedelta(minutes=15)
            )


class TestRequestToJoin:
    def test_one_address_can_send_only_so_many(self, client, council, organiser, settings):
        allowed = limit(settings, "request-access")
        responses = [
            ask_to_join(client, council, email=f"person{n}@avonford.gov.uk") for n in range(25)
        ]
        assert [r.status_code for r in responses] == [302] * allowed + [429] * (25 - allowed)
        assert len(mail.outbox) == allowed
        assert AccessRequest.objects.count() == allowed
        for response in responses[allowed:]:
            assert_refused(response, within=timedelta(hours=1))
            assert "Too many attempts" in text(response)

    def test_one_email_address_can_be_given_only_so_often(
        self, client, council, organiser, settings
    ):
        allowed = limit(settings, "request-access-email")
        for n in range(allowed):
            ask_to_join(client, council, REMOTE_ADDR=f"10.0.0.{n}")
        response = client.post(
            reverse("accounts:request_access"),
            {
                "name": "Sam Patel",
                "email": " SAM@avonford.gov.uk",
                "council": council.pk,
                "reason": "Again.",
            },
            REMOTE_ADDR="10.0.1.1",
        )
        assert_refused(response, within=timedelta(days=1))
        assert AccessRequest.objects.count() == 1
        assert len(mail.outbox) == 1  # the organisers heard once

    def test_an_existing_account_gets_the_same_page_and_an_email(
        self, client, council, organiser, user
    ):
        new = ask_to_join(client, council, email="new.person@avonford.gov.uk")
        new_page = client.get(new["Location"])
        mail.outbox.clear()

        existing = ask_to_join(client, council, email="Reader@Example.org")
        assert existing.status_code == new.status_code == 302
        assert existing["Location"] == new["Location"]
        assert client.get(existing["Location"]).content == new_page.content

        assert not AccessRequest.objects.filter(email__iexact=user.email).exists()
        (message,) = mail.outbox
        assert message.to == ["reader@example.org"]
        assert "You already have an account" in message.body
        assert "http://testserver/accounts/sign-in/" in message.body
        assert "http://testserver/admin/password_reset/" in message.body

    def test_a_filled_honeypot_sends_nothing(self, client, council, organiser):
        form = client.get(reverse("accounts:request_access")).content.decode()
        assert 'aria-hidden="true"' in form and 'tabindex="-1"' in form
        assert "Leave this empty" in form

        response = ask_to_join(client, council, comments="Cheap watches http://spam.example")
        assert response.status_code == 302
        assert response["Location"] == reverse("accounts:request_access_sent")
        assert not AccessRequest.objects.exists()
        assert not mail.outbox


class TestOtherForms:
    def test_password_resets_to_one_address_are_limited(self, client, user, settings):
        allowed = limit(settings, "password-reset-email")
        url = reverse("wagtailadmin_password_reset")
        responses = [
            client.post(url, {"email": user.email}, REMOTE_ADDR=f"10.0.0.{n}") for n in range(10)
        ]
        assert [r.status_code for r in responses] == [302] * allowed + [429] * (10 - allowed)
        assert responses[0]["Location"] == reverse("wagtailadmin_password_reset_done")
        assert len(mail.outbox) == allowed
        assert_refused(responses[-1], within=timedelta(days=1))

    def test_password_resets_from_one_address_are_limited(self, client, db, settings):
        allowed = limit(settings, "password-reset")
        url = reverse("wagtailadmin_password_reset")
        for n in range(allowed):
            assert client.post(url, {"email": f"person{n}@example.org"}).status_code == 302
        assert_refused(
            client.post(url, {"email": "one-more@example.org"}), within=timedelta(hours=1)
        )

    def test_setting_a_password_is_limited(self, client, db, settings):
        url = reverse("accounts:accept_invitation", args=["not-a-real-token"])
        for _ in range(limit(settings, "invitation")):
            assert client.post(url, {}).status_code == 404
        assert_refused(client.post(url, {}), within=timedelta(hours=1))

    def test_similar_councils_is_limited_generously(self, client, db, settings):
        url = reverse("search:similar_councils")
        for _ in range(limit(settings, "similar-councils")):
            assert client.get(url).status_code == 200
        assert_refused(
            client.get(url, {"problem": "Missed bin collections"}), within=timedelta(minutes=1)
        )


def test_client_address_behind_a_proxy(settings):
    factory = RequestFactory()
    request = factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_ip(request) == "10.0.0.1"

    settings.RATELIMIT_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    assert client_ip(request) == "203.0.113.7"  # the proxy's entry, not the forgeable one
    assert (
        client_ip(factory.get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="nonsense"))
        == "10.0.0.1"
    )
