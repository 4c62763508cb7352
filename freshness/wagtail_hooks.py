from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from casestudies.permissions import acts_for_any_council

from . import admin_views
from .reviews import ACTION, can_mark_reviewed


@hooks.register("register_admin_urls")
def register_freshness_admin_urls():
    return [
        path(
            "reports/stale-content/", admin_views.StaleContentView.as_view(), name="stale_content"
        ),
        path(
            "reports/stale-content/results/",
            admin_views.StaleContentView.as_view(results_only=True),
            name="stale_content_results",
        ),
        path(
            "freshness/pages/<int:page_id>/reviewed/",
            admin_views.MarkReviewedView.as_view(),
            name="freshness_mark_reviewed",
        ),
    ]


class StaleContentMenuItem(MenuItem):
    def is_shown(self, request):
        return acts_for_any_council(request.user)


@hooks.register("register_reports_menu_item")
def register_stale_content_menu_item():
    return StaleContentMenuItem(
        "Stale content",
        reverse("stale_content"),
        name="stale-content",
        icon_name="time",
        order=1150,
    )


def _mark_reviewed_button(page, user, priority):
    """Posts at once (Wagtail's w-action controller sends the CSRF token and the page the
    person is on as `next`)."""
    if not can_mark_reviewed(user, page):
        return []
    attrs = {
        "data-controller": "w-action",
        "data-action": "w-action#post",
        "data-w-action-url-value": reverse("freshness_mark_reviewed", args=[page.pk]),
    }
    return [Button("Mark as reviewed", icon_name="tick", attrs=attrs, priority=priority)]


@hooks.register("register_page_header_buttons")
def page_header_mark_reviewed(page, user, view_name, next_url=None):
    return _mark_reviewed_button(page, user, priority=12)


@hooks.register("register_page_listing_more_buttons")
def page_listing_mark_reviewed(page, user, next_url=None):
    return _mark_reviewed_button(page, user, priority=3)


@hooks.register("register_log_actions")
def register_mark_reviewed_action(actions):
    actions.register_action(ACTION, "Mark reviewed", "Marked as reviewed")
