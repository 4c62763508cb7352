"""Who may manage which accounts in Wagtail's user admin, and what they may change.

Site administrators (superusers) do everything. A network organiser (anyone else with
``auth.change_user``) looks after practitioners and readers: their name, email address,
whether the account is active and whether it is a practitioner. Administrator and staff
status, the organiser role, permissions, passwords, and the accounts of administrators and
organisers (their own included) are for administrators only. Only administrators add accounts
in the user admin (everyone else invites) or delete them (organisers deactivate).

Every user admin route asks these functions: the views and the edit form of ``user_admin.py``
(installed by ``UsersAppConfig`` in ``apps.py``) and its bulk actions (registered in
``wagtail_hooks.py``), each in place of Wagtail's own.
"""

from django.contrib.auth.models import Group

from .roles import PRACTITIONERS

CHANGE_ACCOUNTS_PERMISSION = "auth.change_user"
ORGANISER_FIELDS = frozenset({"first_name", "last_name", "email", "is_active", "groups"})


def is_practitioner_or_reader(account):
    """No role beyond practitioner: not an administrator or staff, no permissions of its own,
    no group but Practitioners. Reads prefetched groups and permissions if there are any."""
    return (
        not account.is_superuser
        and not account.is_staff
        and not account.user_permissions.all()
        and all(group.name == PRACTITIONERS for group in account.groups.all())
    )


def may_manage_account(user, account):
    """Whether user may open and save account in the user admin, or include it in a bulk
    action other than delete."""
    if user.is_superuser:
        return True
    return (
        user.has_perm(CHANGE_ACCOUNTS_PERMISSION)
        and user != account
        and is_practitioner_or_reader(account)
    )


def fields_they_may_change(user, field_names):
    """Those of field_names that user may change on an account they manage."""
    if user.is_superuser:
        return set(field_names)
    return set(field_names) & ORGANISER_FIELDS


def roles_they_may_give(user):
    """The groups user may give to, or take from, an account they manage."""
    if user.is_superuser:
        return Group.objects.all()
    return Group.objects.filter(name=PRACTITIONERS)


def may_add_accounts(user):
    return user.is_superuser


def may_delete_account(user, account):
    return user.is_superuser and user != account


def roles_they_may_invite(user):
    """The roles (accounts.models.Role values) user may invite someone to."""
    from .models import Role

    if user.is_superuser:
        return set(Role.values)
    return {Role.PRACTITIONER, Role.READER}


def may_invite_to_account(user, account):
    """An invitation to the address of an existing, inactive account reactivates it and sets
    its password, so it needs the same right as managing that account."""
    return account is None or may_manage_account(user, account)
