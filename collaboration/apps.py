from django.apps import AppConfig


class CollaborationConfig(AppConfig):
    name = "collaboration"
    verbose_name = "Working together"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from councils.content import register_provider, register_record_provider
        from search.matching.evidence import (
            register_council_evidence,
            register_page_evidence,
        )

        from . import evidence
        from .record import council_record
        from .reuses import for_council_profile

        register_provider(for_council_profile)
        register_record_provider(council_record)
        register_page_evidence(evidence.on_pages)
        register_council_evidence(evidence.between)
