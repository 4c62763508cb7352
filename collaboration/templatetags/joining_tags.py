from django import template

from .. import joining
from ..acting import councils_acting_for
from ..models import JoinRequest

register = template.Library()


@register.simple_tag
def join_state(project, user):
    """For a signed-in reader of a project: whether any of their councils may ask to join, and
    their councils' requests waiting for the lead council."""
    return {
        "may_ask": joining.councils_that_may_ask(user, project).exists(),
        "open_requests": list(
            JoinRequest.objects.filter(
                project=project,
                council__in=councils_acting_for(user),
                status=JoinRequest.Status.OPEN,
            ).select_related("council")
        ),
    }
