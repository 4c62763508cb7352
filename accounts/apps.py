from django.apps import AppConfig

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts and onboarding"


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with the user admin of ``accounts.user_admin``."""

    user_viewset = "accounts.user_admin.UserViewSet"
