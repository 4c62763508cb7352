"""Marking a page reviewed: a new `last_reviewed` date without a new revision of its content.

The date is set on the page row and in the stored content of every revision of the page, so
that publishing a draft, a scheduled revision or an older revision brought back later cannot
restore an earlier date: a review vouches for the page as it stands, not for one version.
"""

from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Revision

from casestudies.models import LearningPage

from .signals import page_reviewed

ACTION = "freshness.mark_reviewed"


def reviewable(page):
    """A published case study, lesson or project (any Page instance)."""
    return bool(page.live and issubclass(page.specific_class or type(page), LearningPage))


def can_mark_reviewed(user, page):
    """Owners only: the council rule (practitioners of the page's council, organisers,
    superusers), as the page's permission tester states it for editing."""
    if not (user and user.is_authenticated and user.is_active and reviewable(page)):
        return False
    return page.specific_deferred.permissions_for_user(user).can_edit()


@transaction.atomic
def mark_reviewed(page, user):
    """Set last_reviewed to today on the page and its revisions, log it, and say so."""
    page = page.specific_deferred
    today = timezone.localdate()
    type(page).objects.filter(pk=page.pk).update(last_reviewed=today)
    page.last_reviewed = today
    revisions = list(Revision.objects.for_instance(page))
    for revision in revisions:
        revision.content["last_reviewed"] = today.isoformat()
    Revision.objects.bulk_update(revisions, ["content"])
    log(instance=page, action=ACTION, user=user, data={"last_reviewed": today.isoformat()})
    page_reviewed.send(sender=type(page), page=page, user=user)
    return page
