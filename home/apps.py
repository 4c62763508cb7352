from django.apps import AppConfig


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"

    def ready(self):
        from . import checks  # noqa: F401 (registers the checks)
        from .page_cache import connect_signals

        connect_signals()
