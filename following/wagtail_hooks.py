from django.db.models import Count

from wagtail import hooks
from wagtail.admin.ui.components import Component

from casestudies.models import Theme
from collaboration.help import is_organiser
from councils.models import Council

from .follows import GROUPS, counts_by_kind

MOST_FOLLOWED = 5


class FollowsPanel(Component):
    """For organisers: how many people follow what, and the most followed themes and
    councils."""

    name = "follows"
    template_name = "following/admin/follows_panel.html"
    order = 300

    def get_context_data(self, parent_context=None):
        totals = counts_by_kind()
        return {
            "people": totals["people"],
            "kinds": [(label, totals[kind]) for kind, label in GROUPS],
            "themes": Theme.objects.annotate(count=Count("followers"))
            .filter(count__gt=0)
            .order_by("-count", "name")[:MOST_FOLLOWED],
            "councils": Council.objects.annotate(count=Count("followers"))
            .filter(count__gt=0)
            .order_by("-count", "short_name")[:MOST_FOLLOWED],
        }


@hooks.register("construct_homepage_panels")
def add_follows_panel(request, panels):
    if is_organiser(request.user):
        panels.append(FollowsPanel())
