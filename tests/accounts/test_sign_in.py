"""Signing in by email address or username, on the site and in Wagtail's admin (issue 14)."""

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse

import pytest
from django_ratelimit import core as ratelimit_core

PASSWORD = "a-long-unusual-passphrase"
SIGN_IN_PAGES = ["accounts:sign_in", "wagtailadmin_login"]

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _counts_start_at_zero(monkeypatch):
    now = ratelimit_core.time.time()
    monkeypatch.setattr(ratelimit_core, "time", SimpleNamespace(time=lambda: now))
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user():
    return get_user_model().objects.create_user(
        username="sam", email="Sam.Jones@Cornwall.gov.uk", password=PASSWORD
    )


def sign_in(client, page, username, password=PASSWORD, **extra):
    return client.post(reverse(page), {"username": username, "password": password}, **extra)


def signed_in_as(client):
    return client.session.get("_auth_user_id")


@pytest.mark.parametrize("page", SIGN_IN_PAGES)
@pytest.mark.parametrize("name", ["sam", "sam.jones@cornwall.gov.uk", "SAM.JONES@cornwall.gov.uk"])
def test_sign_in_by_username_or_email_in_any_case(client, user, page, name):
    response = sign_in(client, page, name)
    assert response.status_code == 302
    assert signed_in_as(client) == str(user.pk)


def test_the_sign_in_pages_say_either_works(client):
    assert "Email address or username" in client.get(reverse("accounts:sign_in")).content.decode()
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Email address or username" in html


def test_wrong_password_by_email_fails(client, user):
    assert (
        sign_in(client, "accounts:sign_in", "sam.jones@cornwall.gov.uk", "wrong").status_code == 200
    )
    assert signed_in_as(client) is None


def test_an_email_address_two_accounts_share_signs_in_to_neither(client, user):
    get_user_model().objects.create_user(
        username="sam2", email="sam.jones@cornwall.gov.uk", password=PASSWORD
    )
    response = sign_in(client, "accounts:sign_in", "sam.jones@cornwall.gov.uk")
    assert response.status_code == 200
    assert signed_in_as(client) is None
    # Each can still sign in by username.
    assert sign_in(client, "accounts:sign_in", "sam2").status_code == 302


def test_an_inactive_account_cannot_sign_in_by_email(client, user):
    user.is_active = False
    user.save()
    assert sign_in(client, "accounts:sign_in", "sam.jones@cornwall.gov.uk").status_code == 200
    assert signed_in_as(client) is None


@pytest.mark.parametrize("hostile", ["\x00", "٣@x", "a" * 5000, "sam@"])
def test_odd_names_are_refused_without_error(client, user, hostile):
    response = sign_in(client, "accounts:sign_in", hostile)
    assert response.status_code == 200
    assert signed_in_as(client) is None


def test_wrong_passwords_by_email_and_username_lock_the_one_account(client, user, settings):
    names = ["sam", "SAM.JONES@cornwall.gov.uk"]
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert (
            sign_in(client, SIGN_IN_PAGES[attempt % 2], names[attempt % 2], "wrong").status_code
            == 200
        )
    assert (
        sign_in(client, "accounts:sign_in", "sam.jones@cornwall.gov.uk", "wrong").status_code == 429
    )
    for name in names:
        for page in SIGN_IN_PAGES:
            assert sign_in(client, page, name).status_code == 429
    assert signed_in_as(client) is None


def test_the_admin_sign_in_is_branded(client):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Sign in to Shared Endeavour" in html
    assert "Sign in to Wagtail" not in html
    assert 'aria-label="Shared Endeavour"' in html
    assert "<title>Sign in - Shared Endeavour</title>" in html


def test_avatars_do_not_come_from_gravatar(client, user, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    user.is_superuser = user.is_staff = True
    user.save()
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "gravatar" not in html.lower()
    assert "Shared Endeavour" in html
