from django.apps import AppConfig


class DigestsConfig(AppConfig):
    name = "digests"
    verbose_name = "Email digests"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from wagtail.signals import published

        from casestudies.models import ProgressUpdate
        from following.models import Follow

        from . import preferences, project_updates

        published.connect(
            project_updates.published,
            sender=ProgressUpdate,
            dispatch_uid="digests_progress_update_published",
        )
        post_save.connect(
            preferences.follow_saved, sender=Follow, dispatch_uid="digests_follow_saved"
        )
