"""Onboarding: invitations with single-use expiring links, and requests to join.

Over 300 lines because the two journeys share their accounts, emails and the approval step."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from accounts.models import AccessRequest, Invitation, Role
from accounts.roles import PRACTITIONERS, make_organiser, make_practitioner, setup_roles
from councils.factories import CouncilFactory
from home.site_structure import ensure_site_structure
from tests.shared_data import build_once, fresh_copy

PASSWORD = "a-long-unusual-passphrase"  # noqa: S105
LINK = re.compile(r"http://testserver(/accounts/invitation/[^/\s]+/)")

pytestmark = pytest.mark.usefixtures("_people")  # built once for the module, below


def _build():
    """The site, the standard roles, an organiser and a council: built once for the module,
    so every test here sees them (tests/shared_data.py)."""
    ensure_site_structure()
    setup_roles()
    user = get_user_model().objects.create_user(
        username="organiser", email="organiser@example.org", password=PASSWORD
    )
    make_organiser(user)
    return {"organiser": user, "council": CouncilFactory(short_name="Avonford")}


@pytest.fixture(scope="module")
def _people(django_db_setup, django_db_blocker):
    yield from build_once(django_db_blocker, _build)


@pytest.fixture
def council(_people, db):
    return fresh_copy(_people["council"])


@pytest.fixture
def organiser(_people, db):
    return fresh_copy(_people["organiser"])


def link_from(message):
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def invite(client, organiser, council, email="new.person@avonford.gov.uk", role="practitioner"):
    client.force_login(organiser)
    response = client.post(
        reverse("accounts_invitation:add"),
        {
            "email": email,
            "first_name": "Nia",
            "last_name": "Jones",
            "role": role,
            "council": council.pk if council else "",
        },
    )
    client.logout()
    return response


def set_password(client, path, password=PASSWORD, confirm=None):
    return client.post(
        path,
        {
            "first_name": "Nia",
            "last_name": "Jones",
            "password1": password,
            "password2": confirm or password,
        },
    )


class TestInvitation:
    def test_invited_practitioner_sets_password_once(self, client, organiser, council):
        response = invite(client, organiser, council)
        assert response.status_code == 302
        invitation = Invitation.objects.get()
        assert invitation.invited_by == organiser
        assert len(invitation.token_hash) == 64  # only the hash is stored
        assert not get_user_model().objects.filter(email="new.person@avonford.gov.uk").exists()
        (message,) = mail.outbox
        assert message.to == ["new.person@avonford.gov.uk"]
        path = link_from(message)
        assert invitation.token_hash not in message.body

        assert client.get(path).status_code == 200
        response = set_password(client, path)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        user = get_user_model().objects.get(email="new.person@avonford.gov.uk")
        assert user.is_active and user.check_password(PASSWORD)
        assert user.groups.filter(name=PRACTITIONERS).exists()
        assert [m.council for m in user.council_memberships.all()] == [council]
        assert client.get(reverse("wagtailadmin_home")).status_code == 200

        # The link cannot be used a second time.
        client.logout()
        response = client.get(path)
        assert response.status_code == 410
        assert "already been used" in response.text
        response = set_password(client, path, password="another-long-passphrase")
        assert response.status_code == 410
        user.refresh_from_db()
        assert user.check_password(PASSWORD)

        # Nor can an organiser re-send an accepted invitation.
        client.force_login(organiser)
        response = client.get(reverse("accounts_invitation:edit", args=[invitation.pk]))
        assert response["Location"] == reverse("wagtailadmin_home")

    def test_expired_link_is_refused(self, client, organiser, council):
        invite(client, organiser, council)
        path = link_from(mail.outbox[0])
        Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
        response = client.get(path)
        assert response.status_code == 410
        assert "expired" in response.text
        assert set_password(client, path).status_code == 410
        assert not get_user_model().objects.filter(email="new.person@avonford.gov.uk").exists()

    def test_unknown_link_is_refused(self, client, db):
        response = client.get(reverse("accounts:accept_invitation", args=["not-a-real-token"]))
        assert response.status_code == 404
        assert "not valid" in response.text

    def test_resending_replaces_the_link(self, client, organiser, council):
        invite(client, organiser, council)
        first = link_from(mail.outbox[0])
        invitation = Invitation.objects.get()
        client.force_login(organiser)
        response = client.post(
            reverse("accounts_invitation:edit", args=[invitation.pk]),
            {
                "email": invitation.email,
                "first_name": "Nia",
                "last_name": "Jones",
                "role": "practitioner",
                "council": council.pk,
            },
        )
        assert response.status_code == 302
        second = link_from(mail.outbox[1])
        client.logout()
        assert first != second
        assert client.get(first).status_code == 404
        assert client.get(second).status_code == 200

    def test_weak_or_mismatched_passwords_are_explained(self, client, organiser, council):
        invite(client, organiser, council)
        path = link_from(mail.outbox[0])
        response = set_password(client, path, password="password")
        assert response.status_code == 200
        assert "This password is too common" in response.text
        response = set_password(client, path, confirm="something-else-entirely")
        assert "The passwords do not match" in response.text
        assert not Invitation.objects.get().is_used

    def test_practitioner_invitation_needs_a_council(self, client, organiser):
        response = invite(client, organiser, None)
        assert response.status_code == 200
        assert "Choose the council" in response.text
        assert not Invitation.objects.exists()
        assert not mail.outbox

    def test_invalid_email_is_refused(self, client, organiser, council):
        response = invite(client, organiser, council, email="not-an-email")
        assert response.status_code == 200
        assert not Invitation.objects.exists()

    def test_organiser_invitation(self, client, organiser, council):
        admin = get_user_model().objects.create_superuser("admin", "admin@example.org", PASSWORD)
        invite(client, admin, None, email="lead@network.org", role=Role.ORGANISER)
        set_password(client, link_from(mail.outbox[0]))
        user = get_user_model().objects.get(email="lead@network.org")
        assert user.has_perm("councils.act_for_any_council")

    def test_organisers_cannot_invite_organisers(self, client, organiser, council):
        response = invite(client, organiser, None, email="lead@network.org", role=Role.ORGANISER)
        assert response.status_code == 200
        assert not Invitation.objects.exists()
        assert mail.outbox == []

    def test_organisers_cannot_reopen_an_administrators_account(self, client, organiser):
        admin = get_user_model().objects.create_superuser(
            "old.admin", "old.admin@example.org", PASSWORD, is_active=False
        )
        response = invite(client, organiser, None, email="old.admin@example.org", role=Role.READER)
        assert response.status_code == 200
        assert "Only a site administrator can reopen" in response.text
        assert not Invitation.objects.exists()
        # Nor does an invitation that slipped through before this rule.
        invitation = Invitation(email=admin.email, role=Role.READER, invited_by=organiser)
        from accounts.onboarding import send_invitation

        send_invitation(invitation)
        response = set_password(
            client, link_from(mail.outbox[-1]), password="a-different-long-passphrase"
        )
        admin.refresh_from_db()
        assert response.status_code == 403
        assert not admin.is_active
        assert admin.check_password(PASSWORD)

    def test_practitioners_cannot_invite(self, client, organiser, council):
        practitioner = get_user_model().objects.create_user(username="p", password=PASSWORD)
        make_practitioner(practitioner, [council])
        client.force_login(practitioner)
        response = client.post(
            reverse("accounts_invitation:add"),
            {
                "email": "friend@example.org",
                "role": "organiser",
                "council": "",
            },
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
        assert not Invitation.objects.exists()


class TestAccessRequest:
    def request_access(self, client, council, email="sam@avonford.gov.uk"):
        return client.post(
            reverse("accounts:request_access"),
            {
                "name": "Sam Patel",
                "email": email,
                "job_title": "Service designer",
                "council": council.pk,
                "reason": "To share our bin day finder.",
            },
        )

    def decide(self, client, organiser, access_request, status, note):
        client.force_login(organiser)
        return client.post(
            reverse("accounts_accessrequest:edit", args=[access_request.pk]),
            {"status": status, "decision_note": note},
        )

    def test_form_renders_with_council_choices(self, client, council):
        response = client.get(reverse("accounts:request_access"))
        assert response.status_code == 200
        assert "Avonford" in response.text
        assert 'name="csrfmiddlewaretoken"' in response.text

    def test_invalid_input_gets_clear_errors(self, client, council):
        response = client.post(
            reverse("accounts:request_access"),
            {"name": "", "email": "nope", "council": "999999", "reason": ""},
        )
        assert response.status_code == 200
        for message in (
            "Enter your full name",
            "Enter an email address in the correct format",
            "Choose a council from the list",
            "Tell us why you want to join",
        ):
            assert message in response.text
        assert not AccessRequest.objects.exists()

    def test_approve_sends_a_link_and_no_account_is_active_before(self, client, organiser, council):
        response = self.request_access(client, council)
        assert response.status_code == 302
        access_request = AccessRequest.objects.get()
        assert access_request.status == AccessRequest.Status.PENDING
        assert [m.to for m in mail.outbox] == [[organiser.email]]
        assert not get_user_model().objects.filter(email="sam@avonford.gov.uk").exists()

        # A second request from the same address waits for the first, and says nothing of it.
        response = self.request_access(client, council)
        assert response.status_code == 302
        assert AccessRequest.objects.count() == 1
        assert len(mail.outbox) == 1

        mail.outbox.clear()
        response = self.decide(client, organiser, access_request, "approved", "Welcome!")
        assert response.status_code == 302
        access_request.refresh_from_db()
        assert access_request.status == AccessRequest.Status.APPROVED
        assert access_request.decided_by == organiser
        (message,) = mail.outbox
        assert message.to == ["sam@avonford.gov.uk"] and "Welcome!" in message.body
        assert (
            not get_user_model()
            .objects.filter(email="sam@avonford.gov.uk", is_active=True)
            .exists()
        )

        client.logout()
        set_password(client, link_from(message))
        user = get_user_model().objects.get(email="sam@avonford.gov.uk")
        assert user.is_active
        assert [m.council for m in user.council_memberships.all()] == [council]

        # A decided request cannot be decided again.
        response = self.decide(client, organiser, access_request, "declined", "")
        assert response.status_code == 200
        access_request.refresh_from_db()
        assert access_request.status == AccessRequest.Status.APPROVED

    def test_decline_tells_the_requester(self, client, organiser, council):
        self.request_access(client, council)
        access_request = AccessRequest.objects.get()
        mail.outbox.clear()
        self.decide(client, organiser, access_request, "declined", "Ask your digital lead first.")
        access_request.refresh_from_db()
        assert access_request.status == AccessRequest.Status.DECLINED
        (message,) = mail.outbox
        assert "Ask your digital lead first." in message.body
        assert not Invitation.objects.exists()
        assert not get_user_model().objects.filter(email="sam@avonford.gov.uk").exists()


def test_reader_signs_in_on_the_public_site(client, db):
    get_user_model().objects.create_user(
        username="reader@example.org", email="reader@example.org", password=PASSWORD
    )
    response = client.post(
        reverse("accounts:sign_in"), {"username": "reader@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # no admin access


def test_organiser_admin_screens(client, organiser, council):
    invite(client, organiser, council)
    AccessRequest.objects.create(
        name="Sam Patel", email="sam@avonford.gov.uk", council=council, reason="Sharing."
    )
    member = get_user_model().objects.create_user(
        username="member@avonford.gov.uk", email="member@avonford.gov.uk"
    )
    member.council_memberships.create(council=council)
    client.force_login(organiser)
    screens = {
        reverse("accounts_invitation:index"): "new.person@avonford.gov.uk",
        reverse("accounts_accessrequest:index"): "Sam Patel",
        reverse("accounts_accessrequest:edit", args=[AccessRequest.objects.get().pk]): "Sharing.",
        reverse("wagtailsnippets_councils_councilmembership:list"): "member@avonford.gov.uk",
    }
    for url, expected in screens.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert expected in response.text, url
    response = client.get(
        reverse("wagtailsnippets_councils_councilmembership:list"), {"q": "member@avonford"}
    )
    assert response.status_code == 200


def test_organisers_manage_people_but_not_administrators(client, organiser):
    admin = get_user_model().objects.create_superuser(username="root", password=PASSWORD)
    person = get_user_model().objects.create_user(
        username="person@example.org", email="person@example.org"
    )
    client.force_login(organiser)
    assert client.get(reverse("wagtailusers_users:edit", args=[person.pk])).status_code == 200
    response = client.post(
        reverse("wagtailusers_users:edit", args=[admin.pk]),
        {
            "username": "root",
            "email": "x@example.org",
            "password1": "taken-over-123",
            "password2": "taken-over-123",
        },
    )
    assert response.status_code in (302, 403)
    admin.refresh_from_db()
    assert admin.check_password(PASSWORD)
    assert admin.email != "x@example.org"
