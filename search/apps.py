from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from councils.peers import register_closeness

        from . import checks  # noqa: F401  (registers the system check)
        from .matching.evidence import peer_bonus
        from .signals import connect

        connect()
        register_closeness(peer_bonus)
