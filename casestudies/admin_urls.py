"""Addresses in Wagtail's admin answered by the views in ``admin_views.py`` instead of
Wagtail's. ``config/urls.py`` includes them ahead of Wagtail's admin: Django takes the first
pattern that matches, and Wagtail adds ``register_admin_urls`` patterns after its own. The
patterns have no names: ``reverse`` goes on finding Wagtail's, for the same addresses.
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.utils.urlpatterns import decorate_urlpatterns

from . import admin_views as views

urlpatterns = [
    path("choose-page/", views.PageChooserBrowseView.as_view()),
    path("choose-page/<int:parent_page_id>/", views.PageChooserBrowseView.as_view()),
    path("choose-page/chosen-multiple/", views.PageChooserChosenMultipleView.as_view()),
    path("reports/workflow/", views.WorkflowView.as_view()),
    path("reports/workflow/results/", views.WorkflowView.as_view(results_only=True)),
    path("reports/workflow_tasks/", views.WorkflowTasksView.as_view()),
    path("reports/workflow_tasks/results/", views.WorkflowTasksView.as_view(results_only=True)),
    path("reports/site-history/", views.LogEntriesView.as_view()),
    path("reports/site-history/results/", views.LogEntriesView.as_view(results_only=True)),
    path("reports/page-types-usage/", views.PageTypesUsageReportView.as_view()),
    path(
        "reports/page-types-usage/results/",
        views.PageTypesUsageReportView.as_view(results_only=True),
    ),
]

# As Wagtail decorates its own admin views (wagtail/admin/urls/__init__.py).
for decorator in (require_admin_access, display_custom_404, never_cache):
    urlpatterns = decorate_urlpatterns(urlpatterns, decorator)
