from django.apps import AppConfig


class CollaborationConfig(AppConfig):
    name = "collaboration"
    verbose_name = "Working together"
    default_auto_field = "django.db.models.BigAutoField"
