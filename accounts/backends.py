"""Sign in with an email address or a username."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def find_account(identifier):
    """The one account an email address (any case) or username names, else None.

    A username is matched first. An email address shared by more than one account names
    none of them, so nobody can sign in to the wrong one.
    """
    if not identifier or "\x00" in identifier:
        return None
    identifier = identifier.strip()
    User = get_user_model()
    user = User._default_manager.filter(**{User.USERNAME_FIELD: identifier}).first()
    if user is not None:
        return user
    if "@" not in identifier:
        return None
    matches = list(User._default_manager.filter(email__iexact=identifier)[:2])
    return matches[0] if len(matches) == 1 else None


LOCKOUT_NAME_LENGTH = 255


def lockout_username(request, credentials=None):
    """AXES_USERNAME_CALLABLE: count failures against the account, however it was named."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        identifier = credentials.get(field)
    else:
        identifier = getattr(request, "data", request.POST).get(field)
    if not isinstance(identifier, str):
        return identifier
    user = find_account(identifier)
    if user is not None:
        return user.get_username()
    # Axes stores the name in a 255-character column; a longer one must not fail the insert.
    return identifier.strip().lower()[:LOCKOUT_NAME_LENGTH]


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = find_account(username)
        if user is None:
            # As ModelBackend does: spend the time a password check takes.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
