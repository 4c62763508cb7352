from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page
from wagtail.permissions import policy_registry

from . import panels, views
from .work import ADDABLE, oversees_all

PRACTITIONER_PANELS = [panels.CouncilWorkPanel, panels.HelpOffersPanel, panels.ReusePanel]
ORGANISER_PANELS = [
    panels.NetworkPagesPanel,
    panels.AccessRequestsPanel,
    panels.UnansweredHelpPanel,
    panels.IntroductionsToMakePanel,
]


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, homepage_panels):
    user = request.user
    chosen = list(PRACTITIONER_PANELS)
    if oversees_all(user):
        # The review queue with each item's council, in place of Wagtail's own.
        homepage_panels[:] = [
            panel for panel in homepage_panels if panel.name != "workflow_objects_to_moderate"
        ]
        homepage_panels.append(panels.ReviewQueuePanel())
        chosen += ORGANISER_PANELS
    for panel_class in chosen:
        panel = panel_class.for_user(user)
        if panel is not None:
            homepage_panels.append(panel)


@hooks.register("construct_homepage_summary_items", order=1)  # after Wagtail's page count
def scope_page_count_to_councils(request, items):
    if oversees_all(request.user):
        return
    items[:] = [
        panels.CouncilPagesSummaryItem(request) if type(item) is PagesSummaryItem else item
        for item in items
    ]


@hooks.register("register_admin_urls")
def register_add_page_urls():
    return [path("dashboard/add/<slug:kind>/", views.add_page, name="dashboard_add_page")]


class AddPageMenuItem(MenuItem):
    def is_shown(self, request):
        return policy_registry.get_by_type(Page).user_has_permission(request.user, "add")


@hooks.register("register_admin_menu_item")
def register_add_page_menu():
    items = [
        AddPageMenuItem(
            label.capitalize(),
            reverse("dashboard_add_page", args=[label.replace(" ", "-")]),
            name=f"add-{label.replace(' ', '-')}",
            icon_name=icon,
            order=order,
        )
        for (_model, _index, label), icon, order in zip(
            ADDABLE, ["doc-full", "pick", "group"], [100, 200, 300], strict=True
        )
    ]
    return SubmenuMenuItem(
        "Add a page", Menu(items=items), name="add-a-page", icon_name="plus", order=150
    )
