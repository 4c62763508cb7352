"""The parts of Wagtail that casestudies/admin_views.py, admin_urls.py and wagtail_hooks.py
override or stand in for. If an upgrade renames or moves one, these fail before a leak opens."""

import inspect

from django.urls import resolve, reverse

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.views import chooser
from wagtail.admin.views.reports import audit_logging, page_types_usage, workflows
from wagtail.admin.viewsets.pages import PageViewSet

import pytest

from casestudies import admin_views
from casestudies.wagtail_hooks import LearningPageViewSet

# Wagtail's URL name, its arguments, and the view that must answer at that address.
STAND_INS = [
    ("wagtailadmin_choose_page", [], admin_views.PageChooserBrowseView),
    ("wagtailadmin_choose_page_child", [3], admin_views.PageChooserBrowseView),
    ("wagtailadmin_choose_page_chosen_multiple", [], admin_views.PageChooserChosenMultipleView),
    ("wagtailadmin_reports:workflow", [], admin_views.WorkflowView),
    ("wagtailadmin_reports:workflow_results", [], admin_views.WorkflowView),
    ("wagtailadmin_reports:workflow_tasks", [], admin_views.WorkflowTasksView),
    ("wagtailadmin_reports:workflow_tasks_results", [], admin_views.WorkflowTasksView),
    ("wagtailadmin_reports:site_history", [], admin_views.LogEntriesView),
    ("wagtailadmin_reports:site_history_results", [], admin_views.LogEntriesView),
    ("wagtailadmin_reports:page_types_usage", [], admin_views.PageTypesUsageReportView),
    ("wagtailadmin_reports:page_types_usage_results", [], admin_views.PageTypesUsageReportView),
]


@pytest.mark.parametrize("name,args,view_class", STAND_INS)
def test_wagtails_addresses_are_answered_by_the_stand_ins(name, args, view_class):
    """Each stand-in answers at the address Wagtail reverses its URL name to, behind
    Wagtail's admin access check."""
    match = resolve(reverse(name, args=args))
    assert match.func.view_class is view_class
    assert view_class.__mro__[1].__module__.startswith("wagtail.admin.views.")
    assert inspect.unwrap(match.func) is not match.func  # decorated as admin_urls.py does


def test_the_wagtail_methods_the_stand_ins_override_exist():
    assert "def get_object_list(self)" in inspect.getsource(chooser.BrowseView)
    # The page browsed from is found before the list of its children is asked for.
    source = inspect.getsource(chooser.BrowseView.get)
    assert source.index("self.parent_page = self.parent_page.specific") < source.index(
        "self.get_object_list()"
    )
    assert callable(chooser.ChosenMultipleView.render_chosen_response)
    assert "construct_page_chooser_queryset" not in inspect.getsource(chooser.ChosenMultipleView), (
        "Wagtail's chosen-multiple view now runs the hook: the stand-in may be unneeded"
    )
    for view in (
        workflows.WorkflowView,
        workflows.WorkflowTasksView,
        page_types_usage.PageTypesUsageReportView,
    ):
        assert "get_queryset" in vars(view), view
    assert "self.filter_queryset(sub_queryset)" in inspect.getsource(
        audit_logging.LogEntriesView.get_filtered_queryset
    )
    assert {"page_locale", "site"} <= set(
        page_types_usage.PageTypesUsageReportFilterSet.base_filters
    )
    assert callable(wagtailadmin_urls.display_custom_404)


def test_learning_pages_use_the_checked_confirm_cancellation_view():
    assert "confirm_workflow_cancellation_view_class" in vars(PageViewSet)
    view_class = LearningPageViewSet.confirm_workflow_cancellation_view_class
    assert view_class is not PageViewSet.confirm_workflow_cancellation_view_class
    assert issubclass(view_class, PageViewSet.confirm_workflow_cancellation_view_class)


def test_the_council_rules_overrides_still_override_wagtail():
    """casestudies/permissions.py withdraws rights by overriding these by name; a rename in
    Wagtail would leave the rule silently unapplied."""
    from wagtail.models import PagePermissionTester
    from wagtail.permission_policies.pages import PagePermissionPolicy

    from casestudies.permissions import CouncilPagePermissionPolicy, CouncilPagePermissionTester

    for cls, base in (
        (CouncilPagePermissionTester, PagePermissionTester),
        (CouncilPagePermissionPolicy, PagePermissionPolicy),
    ):
        for name, method in vars(cls).items():
            if callable(method) and not name.startswith("__"):
                assert callable(getattr(base, name, None)), f"{base.__name__}.{name} is gone"
                assert inspect.signature(method) == inspect.signature(getattr(base, name)), name
    # The tester empties this set to withdraw every right Wagtail derives from it.
    assert "self.permissions" in inspect.getsource(PagePermissionTester.__init__)
    # Pages hand Wagtail the tester through this method, and choosers run the hook.
    from wagtail.models import Page

    assert list(inspect.signature(Page.permissions_for_user).parameters) == ["self", "user"]
    assert 'get_hooks("construct_page_chooser_queryset")' in inspect.getsource(chooser)
