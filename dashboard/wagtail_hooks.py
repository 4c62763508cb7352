from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem

from . import panels
from .work import oversees_all

PRACTITIONER_PANELS = [panels.CouncilWorkPanel, panels.HelpOffersPanel, panels.ReusePanel]
ORGANISER_PANELS = [panels.NetworkPagesPanel, panels.AccessRequestsPanel,
                    panels.UnansweredHelpPanel, panels.IntroductionsToMakePanel]


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, homepage_panels):
    user = request.user
    chosen = list(PRACTITIONER_PANELS)
    if oversees_all(user):
        # The review queue with each item's council, in place of Wagtail's own.
        homepage_panels[:] = [panel for panel in homepage_panels
                              if panel.name != "workflow_objects_to_moderate"]
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
    items[:] = [panels.CouncilPagesSummaryItem(request) if type(item) is PagesSummaryItem
                else item for item in items]
