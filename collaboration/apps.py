from django.apps import AppConfig


class CollaborationConfig(AppConfig):
    name = "collaboration"
    verbose_name = "Working together"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from councils.content import register_record_provider

        from .record import council_record

        register_record_provider(council_record)
