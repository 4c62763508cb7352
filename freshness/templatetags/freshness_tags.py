from django import template
from django.urls import reverse
from django.utils import timezone

from casestudies.permissions import acts_for_council
from core.freshness import stale_after_months

from ..projects import last_update, may_be_out_of_date
from ..reviews import can_mark_reviewed

register = template.Library()


def _user(context):
    request = context.get("request")
    return getattr(request, "user", None)


@register.inclusion_tag("freshness/includes/review_action.html", takes_context=True)
def review_action(context, page):
    """The one-click "Mark as reviewed" form, for the page's signed-in owners only."""
    user = _user(context)
    shown = bool(user and user.is_authenticated and can_mark_reviewed(user, page))
    return {
        "page": page,
        "shown": shown,
        "reviewed_today": page.last_reviewed == timezone.localdate(),
        "request": context.get("request"),
    }


@register.inclusion_tag("freshness/includes/project_notice.html", takes_context=True)
def project_notice(context, project):
    """ "This project may be out of date", with an invitation to the lead council."""
    if not may_be_out_of_date(project):
        return {"shown": False}
    user = _user(context)
    signed_in = bool(user and user.is_authenticated)
    return {
        "shown": True,
        "project": project,
        "last_update": last_update(project),
        "months": stale_after_months(),
        "signed_in": signed_in,
        "can_post": signed_in
        and acts_for_council(user, project.council_id)
        and user.has_perm("casestudies.add_progressupdate"),
        "add_update_url": reverse("wagtailsnippets_casestudies_progressupdate:add"),
    }
