"""The demo's accounts, as content/users.yaml describes them (one DemoUser each).

Demo accounts are recognised by their email domain, so removing the demo never touches an
account somebody made by hand, even one with the same username.
"""

import os
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from accounts.roles import assign_role
from councils.models import Council, CouncilMembership

DEMO_EMAIL_DOMAIN = "demo.shared-endeavour.example"
# Printed by the command with a warning: for a local demo only, never for a real site.
DEFAULT_DEMO_PASSWORD = "shared-endeavour-demo"  # noqa: S105


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    role: str
    is_superuser: bool = False
    councils: tuple[str, ...] = ()  # register codes the person writes for
    password_env: str = "DEMO_PASSWORD"  # noqa: S105 - the variable's name, not a secret

    @property
    def email(self):
        return f"{self.username}@{DEMO_EMAIL_DOMAIN}"

    def password(self):
        return os.environ.get(self.password_env) or DEFAULT_DEMO_PASSWORD

    def password_source(self):
        if os.environ.get(self.password_env):
            return f"from ${self.password_env}"
        return f"demo default; set ${self.password_env} to choose another"


def is_demo_user(user):
    return bool(user and user.email.lower().endswith("@" + DEMO_EMAIL_DOMAIN))


def demo_users():
    return get_user_model().objects.filter(email__iendswith="@" + DEMO_EMAIL_DOMAIN)


def ensure_user(spec):
    """Create or keep one demo account. Returns (user, what happened)."""
    User = get_user_model()
    username = spec.username
    existing = User.objects.filter(username=username).first()
    if existing is not None and not is_demo_user(existing):
        # Someone made this account by hand: leave it alone and use a demo-only name.
        username = f"demo-{spec.username}"
        existing = User.objects.filter(username=username).first()
        if existing is not None and not is_demo_user(existing):
            raise ValueError(
                f"The usernames {spec.username!r} and {username!r} both belong to accounts "
                "that are not demo accounts; the demo will not change them."
            )
    if existing is None:
        user = User(
            username=username,
            email=spec.email,
            first_name=spec.first_name,
            last_name=spec.last_name,
            is_staff=spec.is_superuser,
            is_superuser=spec.is_superuser,
        )
        user.set_password(spec.password())
        user.save()
        status = "created"
    else:
        user = existing
        status = "unchanged"
        if not user.check_password(spec.password()):
            user.set_password(spec.password())
            user.save(update_fields=["password"])
            status = "password updated"
    for code in spec.councils:
        CouncilMembership.objects.get_or_create(user=user, council=Council.objects.get(code=code))
    assign_role(user, spec.role)
    return user, status
