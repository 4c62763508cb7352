from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared foundations"

    def ready(self):
        from . import checks  # noqa: F401
        from .database import analyze_after_migrate

        post_migrate.connect(analyze_after_migrate, sender=self)
