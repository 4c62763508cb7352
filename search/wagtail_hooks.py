from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from .models import BackgroundFailure

SHOWN = 10


class BackgroundFailuresPanel(Component):
    """Tells operators which pages' background work failed, and how to repair it."""

    name = "background_failures"
    template_name = "search/admin/background_failures_panel.html"
    order = 50  # above Wagtail's own panels

    def __init__(self, failures, count):
        self.failures = failures
        self.count = count

    def get_context_data(self, parent_context=None):
        existing = set(
            Page.objects.filter(pk__in=[failure.page_id for failure in self.failures]).values_list(
                "pk", flat=True
            )
        )
        for failure in self.failures:
            failure.page_exists = failure.page_id in existing
        return {
            "failures": self.failures,
            "more": self.count - len(self.failures),
            "repairs": sorted({failure.repair for failure in self.failures}),
        }


@hooks.register("construct_homepage_panels")
def add_background_failures_panel(request, panels):
    if not request.user.has_perm("search.view_backgroundfailure"):
        return
    failures = list(BackgroundFailure.objects.all()[:SHOWN])
    if failures:
        panels.append(BackgroundFailuresPanel(failures, BackgroundFailure.objects.count()))
