from django.apps import AppConfig


class CaseStudiesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "casestudies"
    verbose_name = "Case studies, lessons and projects"

    def ready(self):
        from councils.content import register_provider

        from .council_content import published_for_council

        register_provider(published_for_council)

        from wagtail.models import Page
        from wagtail.permissions import register_permission_policy

        from .models import ProgressUpdate
        from .permissions import CouncilPagePermissionPolicy, ProgressUpdatePermissionPolicy

        register_permission_policy(Page, CouncilPagePermissionPolicy(Page))
        register_permission_policy(
            ProgressUpdate, ProgressUpdatePermissionPolicy(ProgressUpdate), exact_class=True
        )
