"""Who may change which accounts in Wagtail's user admin: every role × every user admin action
× every kind of account, through real admin requests, checking the database afterwards.

The people acting and the accounts acted on are different accounts ("organiser" as a target is
another organiser), except "self". Accounts are built once for the class; each cell runs in a
transaction that is rolled back.

Over 300 lines because it is one matrix, read as a whole.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse

from accounts.roles import ORGANISERS, PRACTITIONERS, make_organiser, make_practitioner, setup_roles

PASSWORD = "correct-horse-battery"  # noqa: S105
NEW_PASSWORD = "taken-over-12345"  # noqa: S105

ACTORS = ["organiser", "practitioner", "reader", "admin"]
TARGETS = ["practitioner", "reader", "organiser", "self", "admin"]
EDITS = [
    "open_edit",
    "rename",
    "toggle_superuser",
    "toggle_staff",
    "toggle_organiser_role",
    "toggle_practitioner_role",
    "set_password",
    "deactivate",
]
ACTIONS = EDITS + ["delete", "bulk_deactivate", "bulk_assign_organiser_role", "bulk_delete"]

ALLOWED = "allowed"
FORBIDDEN = "refused: sent to the dashboard"
NO_ADMIN = "refused: no admin access"
IGNORED = "saved without the field"
REFUSED_ROLE = "refused: not a role they may give"
SKIPPED = "bulk action leaves the account out"

# What an organiser may do to a practitioner or a reader.
ORGANISER_ON_MANAGED = {
    "open_edit": ALLOWED,
    "rename": ALLOWED,
    "toggle_superuser": IGNORED,
    "toggle_staff": IGNORED,
    "toggle_organiser_role": REFUSED_ROLE,
    "toggle_practitioner_role": ALLOWED,
    "set_password": IGNORED,
    "deactivate": ALLOWED,
    "delete": FORBIDDEN,
    "bulk_deactivate": ALLOWED,
    "bulk_assign_organiser_role": REFUSED_ROLE,
    "bulk_delete": SKIPPED,
}
# ... and to another organiser, an administrator or their own account.
ORGANISER_ON_OTHERS = dict.fromkeys(EDITS, FORBIDDEN) | {
    "delete": FORBIDDEN,
    "bulk_deactivate": SKIPPED,
    "bulk_assign_organiser_role": REFUSED_ROLE,
    "bulk_delete": SKIPPED,
}
# Wagtail's user form has no staff field, for anyone.
ADMIN_ON_OTHERS = dict.fromkeys(ACTIONS, ALLOWED) | {"toggle_staff": IGNORED}
# Wagtail keeps administrators from removing their own status, deactivating or deleting
# themselves.
ADMIN_ON_SELF = ADMIN_ON_OTHERS | {
    "toggle_superuser": IGNORED,
    "deactivate": IGNORED,
    "delete": FORBIDDEN,
    "bulk_deactivate": SKIPPED,
    "bulk_delete": SKIPPED,
}
EXPECTED = {
    "organiser": {
        "practitioner": ORGANISER_ON_MANAGED,
        "reader": ORGANISER_ON_MANAGED,
        "organiser": ORGANISER_ON_OTHERS,
        "self": ORGANISER_ON_OTHERS,
        "admin": ORGANISER_ON_OTHERS,
    },
    "practitioner": {target: dict.fromkeys(ACTIONS, FORBIDDEN) for target in TARGETS},
    "reader": {target: dict.fromkeys(ACTIONS, NO_ADMIN) for target in TARGETS},
    "admin": {target: ADMIN_ON_OTHERS for target in TARGETS} | {"self": ADMIN_ON_SELF},
}
EXPECTED_CREATE = {
    "organiser": FORBIDDEN,
    "practitioner": FORBIDDEN,
    "reader": NO_ADMIN,
    "admin": ALLOWED,
}


def make_user(username, **extra):
    return get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.gov.uk",
        password=PASSWORD,
        first_name=username.title(),
        last_name="Person",
        **extra,
    )


def account_state(pk):
    """What the matrix watches on an account; None once it is deleted."""
    user = get_user_model().objects.filter(pk=pk).first()
    if user is None:
        return None
    return {
        "is_superuser": user.is_superuser,
        "is_staff": user.is_staff,
        "is_active": user.is_active,
        "first_name": user.first_name,
        "password": (
            "original"
            if user.check_password(PASSWORD)
            else "new"
            if user.check_password(NEW_PASSWORD)
            else "other"
        ),
        "groups": frozenset(user.groups.values_list("name", flat=True)),
        "permissions": frozenset(user.user_permissions.values_list("codename", flat=True)),
    }


def edit_form_data(user, **changes):
    """What Wagtail's user edit form posts for the account as it stands, with changes; a
    change to None leaves the field out, as an unticked checkbox does."""
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "groups": [group.pk for group in user.groups.all()],
        "is_active": "on" if user.is_active else None,
        "is_superuser": "on" if user.is_superuser else None,
        "is_staff": "on" if user.is_staff else None,
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


def toggled_group(user, name):
    groups = {group.pk for group in user.groups.all()}
    return list(groups ^ {Group.objects.get(name=name).pk})


def post_edit(client, user, **changes):
    return client.post(
        reverse("wagtailusers_users:edit", args=[user.pk]), edit_form_data(user, **changes)
    )


def post_bulk(client, user, action, data):
    url = reverse("wagtail_bulk_action", args=["auth", "user", action])
    return client.post(f"{url}?id={user.pk}", data)


# Each action takes the client and the account and returns the response, and says how the
# account's state changes when the action is allowed.


def do_open_edit(client, user):
    return client.get(reverse("wagtailusers_users:edit", args=[user.pk]))


def do_rename(client, user):
    return post_edit(client, user, first_name="Renamed")


def do_toggle_superuser(client, user):
    return post_edit(client, user, is_superuser=None if user.is_superuser else "on")


def do_toggle_staff(client, user):
    return post_edit(client, user, is_staff=None if user.is_staff else "on")


def do_toggle_organiser_role(client, user):
    return post_edit(client, user, groups=toggled_group(user, ORGANISERS))


def do_toggle_practitioner_role(client, user):
    return post_edit(client, user, groups=toggled_group(user, PRACTITIONERS))


def do_set_password(client, user):
    return post_edit(client, user, password1=NEW_PASSWORD, password2=NEW_PASSWORD)


def do_deactivate(client, user):
    return post_edit(client, user, is_active=None)


def do_delete(client, user):
    return client.post(reverse("wagtailusers_users:delete", args=[user.pk]))


def do_bulk_deactivate(client, user):
    return post_bulk(client, user, "set_active_state", {"mark_as_active": "False"})


def do_bulk_assign_organiser_role(client, user):
    return post_bulk(client, user, "assign_role", {"role": Group.objects.get(name=ORGANISERS).pk})


def do_bulk_delete(client, user):
    return post_bulk(client, user, "delete", {})


def toggle(key):
    return lambda state: state | {key: not state[key]}


def toggle_group(name):
    return lambda state: state | {"groups": state["groups"] ^ {name}}


EFFECTS = {
    "open_edit": lambda state: state,
    "rename": lambda state: state | {"first_name": "Renamed"},
    "toggle_superuser": toggle("is_superuser"),
    "toggle_staff": toggle("is_staff"),
    "toggle_organiser_role": toggle_group(ORGANISERS),
    "toggle_practitioner_role": toggle_group(PRACTITIONERS),
    "set_password": lambda state: state | {"password": "new"},
    "deactivate": lambda state: state | {"is_active": False},
    "delete": lambda state: None,
    "bulk_deactivate": lambda state: state | {"is_active": False},
    "bulk_assign_organiser_role": lambda state: state | {"groups": state["groups"] | {ORGANISERS}},
    "bulk_delete": lambda state: None,
}


class UserAdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        setup_roles()
        cls.accounts = {}
        for prefix in ("", "other_"):
            practitioner = make_user(f"{prefix}practitioner")
            make_practitioner(practitioner, [])
            organiser = make_user(f"{prefix}organiser")
            make_organiser(organiser)
            admin = get_user_model().objects.create_superuser(
                username=f"{prefix}admin",
                email=f"{prefix}admin@example.gov.uk",
                password=PASSWORD,
                first_name="Admin",
                last_name="Person",
            )
            cls.accounts[prefix] = {
                "practitioner": practitioner,
                "organiser": organiser,
                "admin": admin,
                "reader": make_user(f"{prefix}reader"),
            }

    def actor(self, role):
        return self.accounts[""][role]

    def target(self, actor, target):
        return self.actor(actor) if target == "self" else self.accounts["other_"][target]

    def assert_response(self, expected, response):
        if expected == FORBIDDEN:
            # Wagtail's admin answers PermissionDenied by sending the user to the dashboard
            # with "Sorry, you do not have permission to access this area."
            assert response.status_code == 302, response.status_code
            assert response["Location"] == reverse("wagtailadmin_home")
        elif expected == NO_ADMIN:
            assert response.status_code == 302, response.status_code
            assert response["Location"].startswith(reverse("wagtailadmin_login"))
        elif expected == REFUSED_ROLE:
            assert response.status_code == 200, response.status_code
        elif expected in (IGNORED, SKIPPED):
            assert response.status_code == 302, response.status_code
            assert response["Location"] != reverse("wagtailadmin_home")
        elif response.request["REQUEST_METHOD"] == "GET":
            assert response.status_code == 200, response.status_code
        else:
            assert response.status_code == 302, response.status_code
            assert response["Location"] != reverse("wagtailadmin_home")


class TestUserAdminMatrix(UserAdminTestCase):
    def check_cell(self, actor, action, target):
        account = self.target(actor, target)
        before = account_state(account.pk)
        self.client.force_login(self.actor(actor))

        response = globals()[f"do_{action}"](self.client, account)

        expected = EXPECTED[actor][target][action]
        self.assert_response(expected, response)
        after = account_state(account.pk)
        if expected == ALLOWED:
            assert after == EFFECTS[action](before)
        else:
            assert after == before, f"{actor} must not {action} on {target}"

    def test_create(self):
        for actor, expected in EXPECTED_CREATE.items():
            with self.subTest(actor=actor):
                self.client.force_login(self.actor(actor))
                response = self.client.post(
                    reverse("wagtailusers_users:add"),
                    {
                        "username": f"new_{actor}",
                        "email": f"new_{actor}@example.gov.uk",
                        "first_name": "New",
                        "last_name": "Person",
                        "password1": NEW_PASSWORD,
                        "password2": NEW_PASSWORD,
                        "is_superuser": "on",
                        "groups": [Group.objects.get(name=ORGANISERS).pk],
                    },
                )
                self.assert_response(expected, response)
                created = get_user_model().objects.filter(username=f"new_{actor}").first()
                if expected == ALLOWED:
                    assert created.is_superuser
                else:
                    assert created is None


def _cell(actor, action, target):
    def test(self):
        self.check_cell(actor, action, target)

    return test


def _already_has_the_role(actor, action, target):
    return action == "bulk_assign_organiser_role" and (
        target == "organiser" or (actor, target) == ("organiser", "self")
    )


CELLS = [
    (actor, action, target)
    for actor in ACTORS
    for target in TARGETS
    for action in ACTIONS
    if not _already_has_the_role(actor, action, target)
]
for cell in CELLS:
    setattr(TestUserAdminMatrix, "test_{}_{}_on_{}".format(*cell), _cell(*cell))


class TestUserAdminScreens(UserAdminTestCase):
    def test_the_issue_reproduction_no_longer_promotes_or_takes_over(self):
        """An organiser posted is_superuser=on and a new password to a practitioner's edit
        page; the practitioner then opened an administrator's edit page."""
        practitioner = self.target("organiser", "practitioner")
        self.client.force_login(self.actor("organiser"))
        self.client.post(
            reverse("wagtailusers_users:edit", args=[practitioner.pk]),
            edit_form_data(
                practitioner, is_superuser="on", password1=NEW_PASSWORD, password2=NEW_PASSWORD
            ),
        )
        practitioner.refresh_from_db()
        assert not practitioner.is_superuser
        assert practitioner.check_password(PASSWORD)

        self.client.force_login(practitioner)
        response = self.client.get(
            reverse("wagtailusers_users:edit", args=[self.actor("admin").pk])
        )
        assert response["Location"] == reverse("wagtailadmin_home")

    def test_organiser_sees_only_what_they_may_change(self):
        self.client.force_login(self.actor("organiser"))
        response = self.client.get(
            reverse("wagtailusers_users:edit", args=[self.target("organiser", "reader").pk])
        )
        form = response.context["form"]
        assert set(form.fields) == {"first_name", "last_name", "email", "is_active", "groups"}
        assert [group.name for group in form.fields["groups"].queryset] == [PRACTITIONERS]
        assert 'name="password1"' not in response.text
        assert 'name="is_superuser"' not in response.text

    def test_administrator_sees_every_field(self):
        self.client.force_login(self.actor("admin"))
        response = self.client.get(
            reverse("wagtailusers_users:edit", args=[self.target("admin", "reader").pk])
        )
        form = response.context["form"]
        assert {"username", "password1", "password2", "is_superuser"} <= set(form.fields)
        assert set(form.fields["groups"].queryset) == set(Group.objects.all())

    def test_organiser_listing_links_only_the_accounts_they_manage(self):
        self.client.force_login(self.actor("organiser"))
        response = self.client.get(reverse("wagtailusers_users:index"))
        assert response.status_code == 200
        for target in TARGETS:
            account = self.target("organiser", target)
            assert account.username in response.text
            edit_url = reverse("wagtailusers_users:edit", args=[account.pk])
            assert (edit_url in response.text) == (target in ("practitioner", "reader")), target
        assert reverse("wagtailusers_users:add") not in response.text
